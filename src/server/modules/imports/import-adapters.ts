/**
 * What an import needs of each kind beyond its columns: the records on file to compare with,
 * how a row is told new, an update or a possible duplicate, and the SAME service functions the
 * API calls to create and change a record (so scope, field rights, validation, the ledger and
 * the audit apply to an imported row as to a typed one).
 */
import type { z } from 'zod';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { INSTITUTION_IMPORT, PERSON_IMPORT, type ImportKind, type ImportKindName } from '../../../shared/contracts/imports.ts';
import { InstitutionInput, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { PersonInput, PersonUpdate } from '../../../shared/contracts/people.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { createInstitution, getInstitution, updateInstitution } from '../institutions/institutions.service.ts';
import { createPerson, getPerson, updatePerson } from '../people/people.service.ts';
import { foldName } from '../../search/normalize.ts';
import { InstitutionMatcher, PersonMatcher, type Match } from './import-matching.ts';
import { institutionsOnFile, peopleOnFile, type InstitutionOnFile, type PersonOnFile } from './imports.repo.ts';

/** How a row stands against the records on file (and the rows before it in the same file). */
export interface Classified {
  class: 'new' | 'update' | 'duplicate';
  /** The record an update changes, or the possible duplicates; a negative id is an earlier row of the file (-rowNumber). */
  matches: Match[];
}

/** One kind's part in an import. */
export interface ImportAdapter {
  readonly kind: ImportKind;
  /** The contract a row's values must pass to be created. */
  readonly input: z.ZodType;
  /** Loads the records on file within the caller's reach; returns the row classifier. */
  prepare(ctx: Scoped): Promise<KindState>;
}

/** The records on file for one import, and what it does with a row. */
export interface KindState {
  classify(rowNumber: number, values: Record<string, unknown>): Classified;
  /** The name a match is shown by. */
  label(id: number): string;
  create(ctx: RequestContext, values: Record<string, unknown>): Promise<number>;
  /** Writes the row's values (those it has) over the record; false when nothing changed. */
  update(ctx: RequestContext, id: number, values: Record<string, unknown>): Promise<boolean>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function institutionNames(i: Pick<InstitutionOnFile, 'nameEn' | 'nameZh' | 'nameFr' | 'nameLocal' | 'otherNames'>): string[] {
  return [i.nameEn, i.nameZh, i.nameFr, i.nameLocal, ...i.otherNames].filter((n): n is string => !!n);
}

const institutions: ImportAdapter = {
  kind: INSTITUTION_IMPORT,
  input: InstitutionInput,
  async prepare(ctx) {
    const onFile = await institutionsOnFile(ctx);
    const byId = new Map(onFile.map((i) => [i.id, i]));
    const matcher = new InstitutionMatcher(onFile.map((i) => ({ id: i.id, countryCode: i.countryCode, names: institutionNames(i) })));
    const identifiers = new Map<string, number>();
    for (const i of onFile) for (const [k, v] of [['ror', i.ror], ['pic', i.pic], ['erasmus', i.erasmusCode]] as const) if (v) identifiers.set(`${k}:${v.toLowerCase()}`, i.id);
    return {
      classify(rowNumber, values) {
        for (const [k, field] of [['ror', 'ror'], ['pic', 'pic'], ['erasmus', 'erasmusCode']] as const) {
          const v = str(values[field]);
          const id = v ? identifiers.get(`${k}:${v.toLowerCase()}`) : undefined;
          if (id !== undefined) return { class: 'update', matches: [{ id, reason: 'same_identifier' }] };
        }
        const names = institutionNames({
          nameEn: str(values.nameEn) ?? '', nameZh: str(values.nameZh), nameFr: str(values.nameFr), nameLocal: str(values.nameLocal),
          otherNames: (values.otherNames as string[] | undefined) ?? [],
        });
        const country = str(values.countryCode);
        const matches = matcher.find(names, country);
        matcher.add({ id: -rowNumber, countryCode: country ?? '', names });
        const nameEn = foldName(str(values.nameEn) ?? '');
        const same = matches.filter((m) => m.id > 0 && foldName(byId.get(m.id)?.nameEn ?? '') === nameEn);
        if (same.length === 1 && matches.length === 1) return { class: 'update', matches: same };
        return matches.length ? { class: 'duplicate', matches } : { class: 'new', matches: [] };
      },
      label: (id) => byId.get(id)?.nameEn ?? String(id),
      async create(ctx, values) {
        return (await createInstitution(ctx, { input: parseOrThrow(InstitutionInput, values) })).id;
      },
      async update(ctx, id, values) {
        const current = await getInstitution(ctx, id);
        const row = await updateInstitution(ctx, { id, input: parseOrThrow(InstitutionUpdate, { ...values, version: current.version }) });
        return row.version !== current.version;
      },
    };
  },
};

function personLabel(p: Pick<PersonOnFile, 'familyName' | 'givenName' | 'nameZh'>): string {
  const latin = [p.familyName, p.givenName].filter(Boolean).join(' ');
  return p.nameZh && p.nameZh !== latin ? `${latin} (${p.nameZh})` : latin;
}

/** People need the personal-data cipher their service encrypts with. */
function people(cipher: Cipher): ImportAdapter {
  return {
    kind: PERSON_IMPORT,
    input: PersonInput,
    async prepare(ctx) {
      const onFile = await peopleOnFile(ctx);
      const byId = new Map(onFile.map((p) => [p.id, p]));
      const matcher = new PersonMatcher(onFile);
      return {
        classify(rowNumber, values) {
          const email = str(values.email);
          const byEmail = matcher.byEmailAddress(email);
          if (byEmail && byEmail.id > 0) return { class: 'update', matches: [byEmail] };
          const row = {
            familyName: str(values.familyName) ?? '', givenName: str(values.givenName), nameZh: str(values.nameZh),
            otherNames: (values.otherNames as string[] | undefined) ?? [], nationality: str(values.nationality),
          };
          const matches = byEmail ? [byEmail] : matcher.find(row);
          matcher.add({ id: -rowNumber, email, ...row });
          return matches.length ? { class: 'duplicate', matches } : { class: 'new', matches: [] };
        },
        label: (id) => {
          const p = byId.get(id);
          return p ? personLabel(p) : String(id);
        },
        async create(ctx, values) {
          return (await createPerson(ctx, { input: parseOrThrow(PersonInput, values), cipher })).id;
        },
        async update(ctx, id, values) {
          const current = await getPerson(ctx, { id, cipher });
          const row = await updatePerson(ctx, { id, input: parseOrThrow(PersonUpdate, { ...values, version: current.version }), cipher });
          return row.version !== current.version;
        },
      };
    },
  };
}

/** The adapter of a kind by its name. */
export function importAdapter(name: ImportKindName, deps: { cipher: Cipher }): ImportAdapter {
  return name === 'institutions' ? institutions : people(deps.cipher);
}
