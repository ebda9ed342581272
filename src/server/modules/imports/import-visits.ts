/**
 * Importing visits with their visitors: one row per visitor, rows grouped into one visit by the
 * visit's title (English), host unit, first and last day (shared/contracts/imports.ts says so
 * in the template's guide). Each visitor is found among the people on file by passport number
 * (its blind index: nobody's number is decrypted), e-mail address, or name however written;
 * a visitor found is linked, new ones created through the people service (createPeopleIds). The
 * visits are then created by the visits service with the steps to the row's status
 * (createVisits: checked as createVisit and transitionVisit check them, written a thousand at a
 * time), so their person-times enter the ledger exactly as for a visit typed in the app.
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { DomainError, parseOrThrow } from '../../core/errors.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { VISIT_IMPORT } from '../../../shared/contracts/imports.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { VISIT_TRANSITIONS, VisitInput, VisitTransition, type VisitStatus } from '../../../shared/contracts/visits.ts';
import { movementDates, movementTitles } from '../../../shared/contracts/movements.ts';
import { createPeopleIds } from '../people/people.service.ts';
import { createVisits, type VisitStepInput } from '../visits/visits.service.ts';
import { foldName } from '../../search/normalize.ts';
import { PersonMatcher, type Match } from './import-matching.ts';
import { passportIndexes, peopleOnFile, visitsOnFile } from './imports.repo.ts';
import type { ImportAdapter, RowToCommit, RowsCommitted, WrittenRecord } from './import-adapters.ts';
import { z } from 'zod';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The person a visitor row describes, as the people service takes it. */
function personInput(values: Record<string, unknown>): Record<string, unknown> {
  const { familyName, givenName, nameZh, gender, nationality, institutionId, position, email, passportNumber } = values;
  return { familyName, givenName, nameZh, gender, nationality, institutionId, title: position, email, passportNumber };
}

/** New visitors created in one go (createPeopleIds). */
const PEOPLE_BATCH = 2_000;

/** Visits created in one go (createVisits): 1,000 visits of five are 5,000 rows. */
const VISIT_BATCH = 1_000;

/** A step as the transition contract reads it, without the version (a visit created with its steps has none yet). */
const VisitStep = VisitTransition.omit({ version: true });

/** A person field as the file's column names it. */
const PERSON_FIELD_COLUMN: Record<string, string> = { title: 'position' };

/** The fields of a visit that its rows share; the visit's other fields come from the first row that fills them. */
const VISIT_FIELDS = ['titleZh', 'purpose', 'protocolLevel', 'receivingOfficial', 'status', 'report', 'notes'] as const;

/** A row checked on its own: the visitor as a person, and the visit's own fields and days in order. */
const VisitRow = PersonInput.omit({ title: true, otherNames: true, unitId: true, notes: true, birthDate: true })
  .extend({ ...movementTitles, ...movementDates, position: PersonInput.shape.title, hostUnitId: z.number(), roleInDelegation: z.string().trim().max(100).optional() })
  .refine((v) => v.endDate >= v.startDate, { message: 'end_before_start', path: ['endDate'] });

/** The key a visit is recognised by: its English title folded, host unit and days. */
export function visitKey(v: { readonly [K in "titleEn" | "hostUnitId" | "startDate" | "endDate"]?: unknown }): string {
  return [foldName(String(v.titleEn ?? '')), String(v.hostUnitId), String(v.startDate), String(v.endDate)].join('|');
}

/** The steps from requested to `to`, each the first way forward (requested → approved → held → closed). */
function visitPath(to: VisitStatus): VisitStatus[] {
  const path: VisitStatus[] = [];
  for (let at: VisitStatus = 'requested'; at !== to; ) {
    const next: VisitStatus | undefined = VISIT_TRANSITIONS[at].find((s) => s !== 'rejected' && s !== 'cancelled');
    if (!next) break;
    path.push(next);
    at = next;
  }
  return path;
}

/** The date a step is taken on: approved before it starts, held on its first day, closed after its last (never after today). */
function stepDate(to: VisitStatus, visit: { startDate: string; endDate: string; requestedOn: string }): string {
  const today = officeToday();
  if (to === 'approved') return visit.requestedOn;
  if (to === 'held') return visit.startDate;
  return visit.endDate < today ? visit.endDate : today;
}

/** Visits with their visitors: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function visitsImport(cipher: Cipher): ImportAdapter {
  return {
    kind: VISIT_IMPORT,
    input: VisitRow,
    async prepare(ctx) {
      const people = await peopleOnFile(ctx);
      const byId = new Map(people.map((p) => [p.id, p]));
      const matcher = new PersonMatcher(people);
      const byPassport = new Map((await passportIndexes(ctx)).map((p) => [p.passportIndex, p.id]));
      const visits = await visitsOnFile(ctx);
      const visitById = new Map(visits.map((v) => [v.id, v]));
      const visitByKey = new Map(visits.map((v) => [visitKey(v), v.id]));
      /** The first row of each visit in the file, by key. */
      const firstRow = new Map<string, number>();
      /** A row whose visitor is an earlier row's (the same person in two visits of the file). */
      const sameAs = new Map<number, number>();
      const groupOf = new Map<number, { first: number; onFile?: number }>();

      return {
        classify(rowNumber, values) {
          const key = visitKey(values);
          if (!firstRow.has(key)) firstRow.set(key, rowNumber);
          const onFile = visitByKey.get(key);
          const group = { first: firstRow.get(key)!, ...(onFile !== undefined ? { onFile } : {}) };
          groupOf.set(rowNumber, group);
          if (onFile !== undefined) return { class: 'duplicate', matches: [{ id: onFile, reason: 'same_visit' }], group };

          const passport = str(values.passportNumber);
          const index = passport ? cipher.index(passport.toUpperCase()) : null;
          const byNumber = index ? byPassport.get(index) : undefined;
          const email = str(values.email);
          const byEmail = matcher.byEmailAddress(email);
          const row = {
            familyName: str(values.familyName) ?? '', givenName: str(values.givenName), nameZh: str(values.nameZh), otherNames: [] as string[], nationality: str(values.nationality),
          };
          const byName = matcher.find(row);
          matcher.add({ id: -rowNumber, email, ...row });
          if (index && byNumber === undefined) byPassport.set(index, -rowNumber);

          const sure = byNumber ?? (byEmail ? byEmail.id : undefined);
          if (sure !== undefined && sure > 0) return { class: 'update', matches: [{ id: sure, reason: byNumber !== undefined ? 'same_passport' : 'same_email' }], group };
          if (sure !== undefined) {
            sameAs.set(rowNumber, -sure);
            return { class: 'new', matches: [], group };
          }
          const onFileMatches: Match[] = byName.filter((m) => m.id > 0);
          if (onFileMatches.length) return { class: 'duplicate', matches: onFileMatches, group };
          const earlier = byName.find((m) => m.id < 0);
          if (earlier) sameAs.set(rowNumber, -earlier.id);
          return { class: 'new', matches: [], group };
        },
        label(id) {
          const p = byId.get(id);
          if (p) {
            const latin = [p.familyName, p.givenName].filter(Boolean).join(' ');
            return p.nameZh && p.nameZh !== latin ? `${latin} (${p.nameZh})` : latin;
          }
          const v = visitById.get(id);
          return v ? [v.titleZh, v.titleEn].filter(Boolean).join(' / ') + ` (${v.startDate} – ${v.endDate})` : String(id);
        },
        create: () => Promise.reject(new Error('visits are written by commitRows')),
        update: () => Promise.reject(new Error('visits are written by commitRows')),

        async commitRows(ctx: RequestContext, rows: RowToCommit[], columnOf: (field: string) => string): Promise<RowsCommitted> {
          const records: WrittenRecord[] = [];
          const unchanged: number[] = [];
          let skipped = 0;
          const personOf = new Map<number, number>();
          /** A service's refusal named by the row (and column) it came from. */
          const named = (rowNumber: number, error: unknown, fieldOf: (field: string) => { row: number; field: string } = (f) => ({ row: rowNumber, field: f })): unknown => {
            if (!(error instanceof DomainError)) return error;
            const fields = error.extra.fields?.length ? error.extra.fields : [{ field: 'status', reason: error.code }];
            return new DomainError(error.kind === 'forbidden' ? error.code : error.kind === 'invalid' ? error.code : 'validation_failed', error.kind === 'forbidden' ? 'forbidden' : 'invalid', {
              ...error.extra,
              fields: fields.map((f) => {
                const at = fieldOf(f.field);
                return { ...f, field: `rows.${at.row}.${columnOf(at.field)}` };
              }),
            });
          };

          // The visitors: linked to a person on file, or created, PEOPLE_BATCH at a time (one INSERT and one audit INSERT each;
          // only their ids come back, nobody's personal data decrypted to present them).
          const pending: Array<{ rowNumber: number; input: z.output<typeof PersonInput> }> = [];
          /** A row's visitor among `pending` (created, or the same person as an earlier row's). */
          const pendingOf = new Map<number, number>();
          for (const row of rows) {
            if (groupOf.get(row.rowNumber)?.onFile !== undefined || row.action === 'skip') {
              skipped += 1;
              continue;
            }
            if (typeof row.action === 'number') {
              personOf.set(row.rowNumber, row.action);
              unchanged.push(row.action);
              continue;
            }
            const earlier = sameAs.get(row.rowNumber);
            if (earlier !== undefined && personOf.has(earlier)) {
              personOf.set(row.rowNumber, personOf.get(earlier)!);
              continue;
            }
            if (earlier !== undefined && pendingOf.has(earlier)) {
              pendingOf.set(row.rowNumber, pendingOf.get(earlier)!);
              continue;
            }
            try {
              pendingOf.set(row.rowNumber, pending.length);
              pending.push({ rowNumber: row.rowNumber, input: parseOrThrow(PersonInput, personInput(row.values)) });
            } catch (error) {
              throw named(row.rowNumber, error, (f) => ({ row: row.rowNumber, field: PERSON_FIELD_COLUMN[f.split('.')[0]!] ?? f.split('.')[0]! }));
            }
          }
          const created: number[] = [];
          for (let start = 0; start < pending.length; start += PEOPLE_BATCH) {
            const batch = pending.slice(start, start + PEOPLE_BATCH);
            try {
              created.push(...(await createPeopleIds(ctx, { inputs: batch.map((p) => p.input), cipher })));
            } catch (error) {
              // createPeople names a person by their index in the batch: `<index>.<field>`.
              throw named(batch[0]!.rowNumber, error, (f) => {
                const [index, field = ''] = f.split('.');
                const at = batch[Number(index)] ?? batch[0]!;
                return { row: at.rowNumber, field: PERSON_FIELD_COLUMN[field] ?? field };
              });
            }
          }
          for (const id of created) records.push({ entity: 'person', id, action: 'created' });
          for (const [rowNumber, index] of pendingOf) personOf.set(rowNumber, created[index]!);

          // The visits, one per group, its visitors in the order of its rows.
          const groups = new Map<number, RowToCommit[]>();
          for (const row of rows) {
            if (!personOf.has(row.rowNumber)) continue;
            const first = groupOf.get(row.rowNumber)!.first;
            const members = groups.get(first);
            if (members) members.push(row);
            else groups.set(first, [row]);
          }
          // Each visit checked and built, then created VISIT_BATCH at a time with its steps (createVisits: a statement each
          // for the visits, their members, their ledger rows and their audit rows).
          const built: Array<{ head: number; input: z.output<typeof VisitInput>; steps: VisitStepInput[]; fieldOf: (field: string) => { row: number; field: string } }> = [];
          for (const [, members] of groups) {
            const head = members[0]!;
            const filled = (field: string) => members.find((m) => m.values[field] !== undefined && !m.defaulted.includes(field))?.values[field] ?? head.values[field];
            const shared = Object.fromEntries(VISIT_FIELDS.map((f) => [f, filled(f)]).filter(([, v]) => v !== undefined));
            const { status, report, ...visitFields } = shared as { status?: VisitStatus; report?: string } & Record<string, unknown>;
            const startDate = head.values.startDate as string;
            const today = officeToday();
            const requestedOn = startDate < today ? startDate : today;
            const fieldOf = (field: string) => {
              const m = /^members\.(\d+)\.(\w+)/.exec(field);
              if (!m) return { row: head.rowNumber, field: field === 'to' || field === 'on' || field === 'version' ? 'status' : field.split('.')[0]! };
              return { row: members[Number(m[1])]?.rowNumber ?? head.rowNumber, field: m[2] === 'personId' ? 'familyName' : m[2] === 'countryCode' ? 'nationality' : m[2]! };
            };
            try {
              const input = parseOrThrow(VisitInput, {
                ...visitFields,
                titleEn: head.values.titleEn, hostUnitId: head.values.hostUnitId, startDate, endDate: head.values.endDate, requestedOn,
                members: members.map((m) => ({
                  personId: personOf.get(m.rowNumber)!,
                  ...(str(m.values.roleInDelegation) ? { roleInDelegation: m.values.roleInDelegation } : {}),
                  ...(str(m.values.nationality) ? { countryCode: m.values.nationality } : {}),
                  ...(typeof m.values.institutionId === 'number' ? { institutionId: m.values.institutionId } : {}),
                })),
              });
              const steps = visitPath(status ?? 'held').map((to) => {
                const on = stepDate(to, { startDate, endDate: input.endDate, requestedOn });
                return { ...parseOrThrow(VisitStep, { to, on, ...(to === 'closed' && report ? { report } : {}) }), on };
              });
              built.push({ head: head.rowNumber, input, steps, fieldOf });
            } catch (error) {
              throw named(head.rowNumber, error, fieldOf);
            }
          }
          for (let start = 0; start < built.length; start += VISIT_BATCH) {
            const batch = built.slice(start, start + VISIT_BATCH);
            try {
              for (const visit of await createVisits(ctx, { visits: batch.map(({ input, steps }) => ({ input, steps })) })) records.push({ entity: 'visit', id: visit.id, action: 'created' });
            } catch (error) {
              // createVisits names a visit by its index in the batch: `<index>.<field>`.
              const index = error instanceof DomainError ? Number(error.extra.fields?.[0]?.field.split('.')[0] ?? 0) : 0;
              const at = batch[index] ?? batch[0]!;
              throw named(at.head, error, (f) => at.fieldOf(f.split('.').slice(1).join('.')));
            }
          }
          return { records, unchanged, skipped };
        },
      };
    },
  };
}
