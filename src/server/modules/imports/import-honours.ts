/**
 * Importing honours received by our people, one row each: the recipient found among the people
 * on file (import-row-people.ts) or created, then the honour recorded by the honours service.
 * A date known only by its month or year is stored as the service keeps it (the first day, with
 * its precision). An honour on file (same recipient, English name and date) is updated by its row.
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { parseOrThrow, reasonOf } from '../../core/errors.ts';
import { HonourInput, HonourUpdate } from '../../../shared/contracts/honours.ts';
import { HONOUR_IMPORT } from '../../../shared/contracts/import-honours.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createHonour, getHonour, updateHonour } from '../honours/honours.service.ts';
import { foldName } from '../../search/normalize.ts';
import { honoursOnFile } from './import-records.repo.ts';
import { RowPeople, namedByRow, personInputOf } from './import-row-people.ts';
import type { ImportAdapter, RowToCommit, RowsCommitted, WrittenRecord } from './import-adapters.ts';
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
      const people = await RowPeople.load(ctx, cipher);
      const onFile = await honoursOnFile(ctx);
      const byKey = new Map(onFile.map((h) => [keyOf(h.personId, h), h]));
      const byId = new Map(onFile.map((h) => [h.id, h]));
      /** The honour on file each row is (an update of it). */
      const honourOf = new Map<number, number>();

      return {
        classify(rowNumber, values) {
          const person = people.classify(rowNumber, values);
          const fields = honourFields(values);
          const same = [...new Set(person.matches.filter((m) => m.id > 0).flatMap((m) => byKey.get(keyOf(m.id, fields))?.id ?? []))];
          if (same.length === 1) {
            honourOf.set(rowNumber, same[0]!);
            return { class: 'update', matches: [{ id: same[0]!, reason: 'same_honour' }] };
          }
          return person;
        },
        label(id) {
          const h = [...honourOf.values()].includes(id) ? byId.get(id) : undefined;
          if (h) return `${people.label(h.personId) ?? h.personId}: ${h.nameEn} (${h.conferredOn})`;
          return people.label(id) ?? String(id);
        },
        create: () => Promise.reject(new Error('honours are written by commitRows')),
        update: () => Promise.reject(new Error('honours are written by commitRows')),

        async commitRows(ctx: RequestContext, rows: RowToCommit[], columnOf: (field: string) => string): Promise<RowsCommitted> {
          const records: WrittenRecord[] = [];
          const unchanged: number[] = [];
          const named = (row: RowToCommit, error: unknown) => namedByRow(error, columnOf, (f) => ({ row: row.rowNumber, field: COLUMN_OF[f.split('.')[0]!] ?? f.split('.')[0]! }));
          // What a row gives (an update leaves alone what its empty cells would default).
          const own = (row: RowToCommit) => honourFields(Object.fromEntries(Object.entries(row.values).filter(([f]) => !row.defaulted.includes(f))));

          const updates = rows.filter((r) => typeof r.action === 'number' && honourOf.get(r.rowNumber) === r.action);
          for (const row of updates) {
            const id = row.action as number;
            try {
              const current = await getHonour(ctx, { id });
              const input = parseOrThrow(HonourUpdate, { ...own(row), version: current.version });
              const after = await updateHonour(ctx, { id, input });
              if (after.version !== current.version) records.push({ entity: 'honour', id, action: 'updated', before: valuesBefore(current, input) });
              else unchanged.push(id);
            } catch (error) {
              throw named(row, error);
            }
          }

          const creations = rows.filter((r) => r.action !== 'skip' && !updates.includes(r));
          const resolved = await people.resolve(ctx, creations, { input: (values) => personInputOf(values, { unitId: values.unitId }), columnOf });
          records.push(...resolved.records);
          for (const row of creations) {
            try {
              const honour = await createHonour(ctx, { input: parseOrThrow(HonourInput, { ...honourFields(row.values), personId: resolved.personOf.get(row.rowNumber) }) });
              records.push({ entity: 'honour', id: honour.id, action: 'created' });
            } catch (error) {
              throw named(row, error);
            }
          }
          return { records, unchanged: [...unchanged, ...resolved.linked], skipped: rows.length - updates.length - creations.length };
        },
      };
    },
  };
}
