/**
 * Importing students' applications to exchange opportunities, one row each: the exchange found
 * among the opportunities on file (by title, host and academic year), the student found among
 * the people on file (import-person-records.ts) or created, then the application recorded by
 * the exchanges service and brought to the row's status by its own steps (a selection takes a
 * place; a departure writes the student's person-time), each dated by the row's dates. An
 * application on file (same student, same exchange) is updated by its row, its status moved on.
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { DomainError, invalidFields, parseOrThrow, reasonOf } from '../../core/errors.ts';
import { APPLICATION_TRANSITIONS, ApplicationInput, ApplicationUpdate, type Application, type ApplicationStatus } from '../../../shared/contracts/exchanges.ts';
import { EXCHANGE_APPLICATION_IMPORT } from '../../../shared/contracts/import-exchanges.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createApplication, getApplication, transitionApplication, updateApplication } from '../exchanges/exchanges.service.ts';
import { foldName } from '../../search/normalize.ts';
import { applicationsOnFile, opportunitiesOnFile, type OpportunityOnFile } from './import-schooling.repo.ts';
import { personRecordState } from './import-person-records.ts';
import { stepsTo } from './import-status-path.ts';
import type { ImportAdapter } from './import-adapters.ts';
import { z } from 'zod';

/** The application's fields a row gives that its contract takes as they are (the status and decision date are reached by steps). */
const FIELDS = ['appliedOn', 'score', 'languageCertificate', 'departureDate', 'returnDate', 'notes'] as const;

/** A score as offices write it (88, 88.5, 88,5); undefined when the cell is not one. */
function scoreOf(cell: unknown): number | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = cell.normalize('NFKC').trim().replace(',', '.');
  return /^\d{1,3}(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** The academic year a cell names by the year it starts: 2024, 2024-2025, 2024/25, 2024–2025学年. */
export function academicYearOf(cell: unknown): number | undefined {
  if (typeof cell !== 'string') return undefined;
  const m = /^\s*(\d{4})\s*(?:[-/–—~至]\s*(\d{2}|\d{4}))?\s*(?:学年|学年度|年度)?\s*$/.exec(cell.normalize('NFKC'));
  if (!m) return undefined;
  const start = Number(m[1]);
  if (m[2] && Number(m[2]) % 100 !== (start + 1) % 100) return undefined;
  return start;
}

/** The application's own fields of a row, as its contract takes them. */
function applicationFields(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(FIELDS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
  if (out.score !== undefined) out.score = scoreOf(out.score);
  return out;
}

/** A row checked on its own: the student as a person, the application as its contract checks it, the dates its status needs. */
const ApplicationRow = z
  .object({ ...PersonInput.pick({ familyName: true, givenName: true, nameZh: true, gender: true, email: true, passportNumber: true }).shape, position: PersonInput.shape.title })
  .passthrough()
  .superRefine((row, check) => {
    const values = row as Record<string, unknown>;
    const application = ApplicationInput.safeParse({ ...applicationFields(values), opportunityId: 1, personId: 1 });
    for (const issue of application.success ? [] : application.error.issues) {
      if (issue.path[0] !== 'score') check.addIssue({ code: 'custom', message: reasonOf(issue as Parameters<typeof reasonOf>[0]), path: issue.path });
    }
    if (values.score !== undefined && (scoreOf(values.score) === undefined || scoreOf(values.score)! > 100)) check.addIssue({ code: 'custom', message: 'invalid_value', path: ['score'] });
    if (values.academicYear !== undefined && academicYearOf(values.academicYear) === undefined) check.addIssue({ code: 'custom', message: 'unreadable_academic_year', path: ['academicYear'] });
    // A student gone abroad is dated: the step would otherwise take today.
    if ((values.status === 'departed' || values.status === 'returned') && values.departureDate === undefined) check.addIssue({ code: 'custom', message: 'required', path: ['departureDate'] });
    if (values.status === 'returned' && values.returnDate === undefined) check.addIssue({ code: 'custom', message: 'required', path: ['returnDate'] });
  });

/** The row's date of a step: a decision's is the decision date (else the application's), a departure's and a return's their own. */
function stepDate(to: ApplicationStatus, values: Record<string, unknown>): string {
  const date = to === 'departed' ? values.departureDate : to === 'returned' ? values.returnDate : (values.decidedOn ?? values.appliedOn);
  return date as string;
}

/** The row's column a step's refusal is about: its date's, or the status. */
function stepColumn(to: ApplicationStatus): string {
  return to === 'departed' ? 'departureDate' : to === 'returned' ? 'returnDate' : 'decidedOn';
}

/** Moves the application from where it stands to the row's status, one step at a time; a refusal named by the row's cell. */
async function moveTo(ctx: RequestContext, application: Application, values: Record<string, unknown>): Promise<Application> {
  const to = values.status as ApplicationStatus;
  const steps = stepsTo(APPLICATION_TRANSITIONS, application.status, to);
  if (!steps) throw invalidFields({ field: 'status', reason: 'illegal_transition' });
  let at = application;
  for (const step of steps) {
    try {
      at = await transitionApplication(ctx, { id: at.id, input: { to: step, on: stepDate(step, values), version: at.version } });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = error.extra.fields?.map((f) => ({ ...f, field: f.field === 'on' ? stepColumn(step) : f.field === 'to' ? 'status' : f.field })) ?? [{ field: 'status', reason: error.code }];
      throw new DomainError(error.kind === 'invalid' ? error.code : 'validation_failed', 'invalid', { fields });
    }
  }
  return at;
}

/** Exchange applications: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function exchangeApplicationsImport(cipher: Cipher): ImportAdapter {
  return {
    kind: EXCHANGE_APPLICATION_IMPORT,
    input: ApplicationRow,
    async prepare(ctx) {
      const opportunities = (await opportunitiesOnFile(ctx)).map((o) => ({ ...o, folded: o.titles.map(foldName) }));
      const byId = new Map(opportunities.map((o) => [o.id, o]));
      const onFile = await applicationsOnFile(ctx);
      const byKey = new Map(onFile.map((a) => [`${a.opportunityId}|${a.personId}`, a]));
      const applications = new Map(onFile.map((a) => [a.id, a]));
      /** The exchange each row names. */
      const opportunityOf = new Map<number, OpportunityOnFile>();

      const state = await personRecordState(ctx, cipher, {
        entity: 'exchange_application',
        sameRecord: 'same_application',
        columnOf: { opportunityId: 'opportunity' },
        check(rowNumber, values) {
          const title = foldName(String(values.opportunity ?? ''));
          const year = academicYearOf(values.academicYear);
          const found = opportunities.filter(
            (o) => o.folded.includes(title) && (values.hostInstitutionId === undefined || o.hostInstitutionId === values.hostInstitutionId) && (year === undefined || o.academicYear === year),
          );
          if (found.length === 1) {
            opportunityOf.set(rowNumber, found[0]!);
            return undefined;
          }
          return { field: 'opportunity', reason: found.length ? 'ambiguous_exchange' : 'unknown_exchange' };
        },
        recordOf: (rowNumber, personId) => byKey.get(`${opportunityOf.get(rowNumber)!.id}|${personId}`)?.id,
        label(id, person) {
          const a = applications.get(id);
          return a ? `${person(a.personId)}: ${byId.get(a.opportunityId)?.titles[0] ?? a.opportunityId} (${a.appliedOn})` : undefined;
        },
        // A student not on file is created in the row's unit, else in the unit that runs the exchange.
        newPerson: (row) => ({ unitId: row.values.unitId ?? opportunityOf.get(row.rowNumber)!.unitId }),
        async create(ctx, row, personId) {
          const created = await createApplication(ctx, { input: parseOrThrow(ApplicationInput, { ...applicationFields(row.values), opportunityId: opportunityOf.get(row.rowNumber)!.id, personId }) });
          return (await moveTo(ctx, created, row.values)).id;
        },
        async update(ctx, id, row, given) {
          const current = await getApplication(ctx, { id });
          const edited = await updateApplication(ctx, { id, input: parseOrThrow(ApplicationUpdate, { ...applicationFields(given), version: current.version }) });
          // A status left empty leaves the application where it stands; one given moves it there.
          const moved = given.status !== undefined ? await moveTo(ctx, edited, row.values) : edited;
          // A status moved on is not given back by an update: an undo of this import refuses, naming the application.
          return moved.version !== current.version ? {} : null;
        },
      });
      return state;
    },
  };
}
