/**
 * Importing honours received by our people, one row each: the recipient found among the people
 * on file (import-person-records.ts) or created, then the honour recorded by the honours service.
 * A date known only by its month or year is stored as the service keeps it (the first day, with
 * its precision). An honour on file (same recipient, English name and date) is updated by its row.
 */
import type { Cipher } from '../../security/personal-data.ts';
import { parseOrThrow, reasonOf } from '../../core/errors.ts';
import { HonourInput, HonourUpdate } from '../../../shared/contracts/honours.ts';
import { HONOUR_IMPORT } from '../../../shared/contracts/import-honours.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createHonour, getHonour, updateHonour } from '../honours/honours.service.ts';
import { foldName } from '../../search/normalize.ts';
import { honoursOnFile } from './import-records.repo.ts';
import { personRecordState } from './import-person-records.ts';
import type { ImportAdapter } from './import-adapters.ts';
import { valuesBefore } from './import-restore.ts';
import { z } from 'zod';

/** The honour's fields of a row as the contract takes them: the date and its precision from the "conferred" cell, notable as a yes or no. */
export function honourFields(values: Record<string, unknown>): Record<string, unknown> {
  const { conferred, notable, honourEn, honourZh, honourFr, familyName: _f, givenName: _g, nameZh: _z, gender: _s, position: _p, email: _e, passportNumber: _n, ...rest } = values;
  const when = typeof conferred === 'string' ? conferred : '';
  const dated = when.length === 4 ? { conferredOn: `${when}-01-01`, datePrecision: 'year' } : when.length === 7 ? { conferredOn: `${when}-01`, datePrecision: 'month' } : when ? { conferredOn: when, datePrecision: 'day' } : {};
  const names = Object.fromEntries(Object.entries({ nameEn: honourEn, nameZh: honourZh, nameFr: honourFr }).filter(([, v]) => v !== undefined));
  return { ...rest, ...names, ...dated, ...(notable !== undefined ? { notable: notable === 'true' } : {}) };
}

/** The service's field as the file's column names it. */
const COLUMN_OF: Record<string, string> = { personId: 'familyName', conferredOn: 'conferred', datePrecision: 'conferred', nameEn: 'honourEn', nameZh: 'honourZh', nameFr: 'honourFr' };

/** A row checked on its own: the recipient as a person, the honour as the contract checks it. */
const HonourRow = z
  .object({ ...PersonInput.pick({ familyName: true, givenName: true, nameZh: true, gender: true, email: true, passportNumber: true }).shape, position: PersonInput.shape.title })
  .passthrough()
  .superRefine((row, check) => {
    // The honour's own checks, named by the row's columns (its recipient is not known yet: any id passes).
    const honour = HonourInput.safeParse({ ...honourFields(row), personId: 1 });
    for (const issue of honour.success ? [] : honour.error.issues) {
      const field = String(issue.path[0] ?? '');
      check.addIssue({ code: 'custom', message: reasonOf(issue as Parameters<typeof reasonOf>[0]), path: [COLUMN_OF[field] ?? field] });
    }
  });

const keyOf = (personId: number, v: { nameEn?: unknown; conferredOn?: unknown }) => [personId, foldName(String(v.nameEn ?? '')), v.conferredOn].join('|');


/** Honours: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function honoursImport(cipher: Cipher): ImportAdapter {
  return {
    kind: HONOUR_IMPORT,
    input: HonourRow,
    async prepare(ctx) {
      const onFile = await honoursOnFile(ctx);
      const byKey = new Map(onFile.map((h) => [keyOf(h.personId, h), h.id]));
      const byId = new Map(onFile.map((h) => [h.id, h]));
      return personRecordState(ctx, cipher, {
        entity: 'honour',
        sameRecord: 'same_honour',
        columnOf: COLUMN_OF,
        recordOf: (_row, personId, values) => byKey.get(keyOf(personId, honourFields(values))),
        label(id, person) {
          const h = byId.get(id);
          return h ? `${person(h.personId)}: ${h.nameEn} (${h.conferredOn})` : undefined;
        },
        newPerson: (row) => ({ unitId: row.values.unitId }),
        async create(ctx, row, personId) {
          return (await createHonour(ctx, { input: parseOrThrow(HonourInput, { ...honourFields(row.values), personId }) })).id;
        },
        async update(ctx, id, _row, given) {
          const current = await getHonour(ctx, { id });
          const input = parseOrThrow(HonourUpdate, { ...honourFields(given), version: current.version });
          const after = await updateHonour(ctx, { id, input });
          return after.version !== current.version ? { before: valuesBefore(current, input) } : null;
        },
      });
    },
  };
}
