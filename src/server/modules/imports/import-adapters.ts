/**
 * What an import needs of each kind beyond its columns: the records on file to compare with,
 * how a row is told new, an update or a possible duplicate, and the SAME service functions the
 * API calls to create and change a record (so scope, field rights, validation, the ledger and
 * the audit apply to an imported row as to a typed one).
 */
import type { z } from 'zod';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { AGREEMENT_IMPORT, INSTITUTION_IMPORT, PERSON_IMPORT, type ImportChoices, type ImportKind, type ImportKindName } from '../../../shared/contracts/imports.ts';
import { AGREEMENT_TRANSITIONS, AgreementInput, AgreementUpdate, type AgreementStatus } from '../../../shared/contracts/agreements.ts';
import { createAgreement, getAgreement, transitionAgreement, updateAgreement } from '../agreements/agreements.service.ts';
import { InstitutionInput, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { PersonInput, PersonUpdate } from '../../../shared/contracts/people.ts';
import { DomainError, parseOrThrow } from '../../core/errors.ts';
import { createInstitution, getInstitution, updateInstitution } from '../institutions/institutions.service.ts';
import { createPerson, getPerson, updatePerson } from '../people/people.service.ts';
import { foldName } from '../../search/normalize.ts';
import { InstitutionMatcher, PersonMatcher, type Match } from './import-matching.ts';
import { sealPersonalData, valuesBefore } from './import-restore.ts';
import { agreementsOnFile, institutionsOnFile, peopleOnFile, type InstitutionOnFile, type PersonOnFile } from './imports.repo.ts';
import { visitsImport } from './import-visits.ts';
import { missionsImport } from './import-missions.ts';
import { appointmentsImport } from './import-appointments.ts';
import { honoursImport } from './import-honours.ts';
import { aggregatesImport } from './import-aggregates.ts';
import { studentsImport } from './import-students.ts';
import { exchangeApplicationsImport } from './import-exchange-applications.ts';
import { programmeStudentsImport } from './import-programme-students.ts';
import { attendeesImport } from './import-attendees.ts';

/** How a row stands against the records on file (and the rows before it in the same file). */
export interface Classified {
  class: 'new' | 'update' | 'duplicate' | 'error';
  /** The record an update changes, or the possible duplicates; a negative id is an earlier row of the file (-rowNumber). */
  matches: Match[];
  /** Why the row is in error when only the records on file can tell (an exchange that is not on file): its field and reason. */
  problems?: Array<{ field: string; reason: string }>;
  /** Rows that make one record together (a visit's visitors): the group's first row, and the record on file it is already, if any. */
  group?: { first: number; onFile?: number };
}

/** The kinds of record an import writes. */
export type WrittenEntity = 'institution' | 'person' | 'agreement' | 'visit' | 'mission' | 'appointment' | 'honour' | 'aggregate' | 'student' | 'exchange_application' | 'programme_student' | 'residency_placement' | 'conference_attendee';

/** A record an import wrote, kept with the import so that it can be undone. */
export interface WrittenRecord {
  entity: WrittenEntity;
  id: number;
  action: 'created' | 'updated';
  /** An updated record's values before the import, of the fields the update wrote (what an undo writes back). */
  before?: Record<string, unknown>;
}

/** A row as committed: its values and what the user (or its class) decided. */
export interface RowToCommit {
  rowNumber: number;
  values: Record<string, unknown>;
  defaulted: string[];
  action: 'create' | 'skip' | number;
}

/** What a kind that writes its rows together (visits) did. */
export interface RowsCommitted {
  records: WrittenRecord[];
  /** The records on file rows were linked to without changing them (a visitor who is a person on file). */
  unchanged: number[];
  skipped: number;
}


/** The choices made for the whole file that a kind reads (the conference a file of attendees is added to). */
export type { ImportChoices };

/** One kind's part in an import. */
export interface ImportAdapter {
  readonly kind: ImportKind;
  /** The contract a row's values must pass to be created. */
  readonly input: z.ZodType;
  /** The contract's input from a row's values, when the columns are not the contract's fields one to one. */
  toInput?(values: Record<string, unknown>): Record<string, unknown>;
  /** Loads the records on file within the caller's reach; returns the row classifier. */
  prepare(ctx: Scoped, choices: ImportChoices): Promise<KindState>;
  /**
   * Checks the choices against the caller's reach without reading the file (a draft's commit,
   * whose job runs later): a conference out of reach is not found. `prepare` checks them too.
   */
  checkChoices?(ctx: Scoped, choices: ImportChoices): Promise<void>;
}

/** The records on file for one import, and what it does with a row. */
export interface KindState {
  /** What a created or updated row is, when not the kind's policy entity (an attendee of a conference). */
  readonly entity?: WrittenEntity;
  classify(rowNumber: number, values: Record<string, unknown>): Classified;
  /** The name a match is shown by. */
  label(id: number): string;
  create(ctx: RequestContext, values: Record<string, unknown>): Promise<number>;
  /** Writes the row's values (those it has) over the record: the values it had before (valuesBefore), null when nothing changed. */
  update(ctx: RequestContext, id: number, values: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  /**
   * Creates many rows' records at once, ids in the rows' order, for a kind whose records are
   * written set-based (a ledger file of a million counts); a refusal names its row by its index
   * in `rows` (`<index>.<field>`). Without it each row is created on its own. `checked`, when
   * given, holds each row's values as the adapter's `input` contract already parsed them (the
   * preview's check, in the same commit): the kind need not parse them again.
   */
  createMany?(ctx: RequestContext, rows: Array<Record<string, unknown>>, checked?: unknown[]): Promise<number[]>;
  /**
   * Writes all the rows at once, for a kind whose record is made of several rows (a visit and
   * its visitors); a refusal is thrown named by `rows.<row>.<column>`.
   */
  commitRows?(ctx: RequestContext, rows: RowToCommit[], columnOf: (field: string) => string): Promise<RowsCommitted>;
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
        const input = parseOrThrow(InstitutionUpdate, { ...values, version: current.version });
        const row = await updateInstitution(ctx, { id, input });
        return row.version !== current.version ? valuesBefore(current, input) : null;
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
          const input = parseOrThrow(PersonUpdate, { ...values, version: current.version });
          const row = await updatePerson(ctx, { id, input, cipher });
          return row.version !== current.version ? sealPersonalData(valuesBefore(current, input), cipher) : null;
        },
      };
    },
  };
}

/** The steps from draft to `to`, each the first way forward (draft → under review → approved → signed → active → expired). */
export function agreementPath(to: AgreementStatus): AgreementStatus[] {
  const previous = new Map<AgreementStatus, AgreementStatus>();
  const queue: AgreementStatus[] = ['draft'];
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of AGREEMENT_TRANSITIONS[at]) {
      if (next === 'draft' || previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  const path: AgreementStatus[] = [];
  for (let at: AgreementStatus | undefined = to; at && at !== 'draft'; at = previous.get(at)) path.unshift(at);
  return path;
}

/** The date a step to `to` is taken on: the row's own date for it, when it has one. */
function stepDate(to: AgreementStatus, values: Record<string, unknown>): string | undefined {
  if (to === 'expired') {
    // An agreement expires the day after its last day.
    const last = str(values.expiresOn);
    return last ? new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : undefined;
  }
  const field = to === 'signed' ? 'signedOn' : to === 'active' ? 'effectiveOn' : undefined;
  return field ? (str(values[field]) ?? undefined) : undefined;
}

/** An agreement's contract input: partners by institution, the status left to the steps. */
function agreementInput(values: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, partners, ...rest } = values;
  return { ...rest, ...(Array.isArray(partners) ? { partners: partners.map((institutionId) => ({ institutionId })) } : {}) };
}

const agreements: ImportAdapter = {
  kind: AGREEMENT_IMPORT,
  input: AgreementInput,
  toInput: agreementInput,
  async prepare(ctx) {
    const onFile = await agreementsOnFile(ctx);
    const byId = new Map(onFile.map((a) => [a.id, a]));
    const key = (partnerIds: readonly number[]) => [...partnerIds].sort((a, b) => a - b).join(',');
    const seen: Array<{ id: number; partners: string; titles: string[]; signedOn: string | null }> = onFile.map((a) => ({
      id: a.id, partners: key(a.partnerIds), titles: [foldName(a.titleEn), foldName(a.titleZh)], signedOn: a.signedOn,
    }));
    return {
      classify(rowNumber, values) {
        const partners = key((values.partners as number[] | undefined) ?? []);
        const titles = [str(values.titleEn), str(values.titleZh)].filter((t): t is string => !!t).map(foldName);
        const signedOn = str(values.signedOn);
        const same = seen.filter((a) => a.partners === partners && a.titles.some((t) => titles.includes(t)));
        const sameDay = seen.filter((a) => a.partners === partners && !same.includes(a) && signedOn !== null && a.signedOn === signedOn);
        seen.push({ id: -rowNumber, partners, titles, signedOn });
        if (same.length === 1 && same[0]!.id > 0 && sameDay.length === 0) return { class: 'update', matches: [{ id: same[0]!.id, reason: 'same_name' }] };
        const matches = [...same.map((a) => ({ id: a.id, reason: 'same_name' as const })), ...sameDay.map((a) => ({ id: a.id, reason: 'same_partners_and_date' as const }))];
        return matches.length ? { class: 'duplicate', matches } : { class: 'new', matches: [] };
      },
      label: (id) => {
        const a = byId.get(id);
        return a ? `${a.titleZh} / ${a.titleEn}` : String(id);
      },
      async create(ctx, values) {
        let agreement = await createAgreement(ctx, { input: parseOrThrow(AgreementInput, agreementInput(values)) });
        for (const to of agreementPath((values.status as AgreementStatus | undefined) ?? 'draft')) {
          try {
            agreement = await transitionAgreement(ctx, { id: agreement.id, input: { to, on: stepDate(to, values), version: agreement.version } });
          } catch (error) {
            // A step the agreement's rules refuse is the status cell's problem (the step's own fields are the row's status and dates).
            if (!(error instanceof DomainError)) throw error;
            const fields = error.extra.fields?.map((f) => (f.field === 'to' || f.field === 'on' ? { ...f, field: 'status' } : f)) ?? [{ field: 'status', reason: error.code }];
            throw new DomainError(error.kind === 'invalid' ? error.code : 'validation_failed', 'invalid', { fields });
          }
        }
        return agreement.id;
      },
      async update(ctx, id, values) {
        const current = await getAgreement(ctx, { id });
        const input = parseOrThrow(AgreementUpdate, { ...agreementInput(values), version: current.version });
        const row = await updateAgreement(ctx, { id, input });
        return row.version !== current.version ? valuesBefore(current, input) : null;
      },
    };
  },
};

/** The adapter of a kind by its name. */
export function importAdapter(name: ImportKindName, deps: { cipher: Cipher }): ImportAdapter {
  if (name === 'agreements') return agreements;
  if (name === 'visits') return visitsImport(deps.cipher);
  if (name === 'missions') return missionsImport(deps.cipher);
  if (name === 'appointments') return appointmentsImport(deps.cipher);
  if (name === 'honours') return honoursImport(deps.cipher);
  if (name === 'aggregates') return aggregatesImport;
  if (name === 'students') return studentsImport(deps.cipher);
  if (name === 'exchange-applications') return exchangeApplicationsImport(deps.cipher);
  if (name === 'programme-students') return programmeStudentsImport(deps.cipher);
  if (name === 'attendees') return attendeesImport;
  return name === 'institutions' ? institutions : people(deps.cipher);
}
