import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  STUDENT_DELETABLE_STATUSES,
  type StudentEnrolment,
  type StudentEnrolmentInput,
  type StudentEnrolmentUpdate,
  type StudentQuery,
  type StudentStatus,
  type StudentTransition,
} from '../../../shared/contracts/students.ts';
import { unitContains } from '../units/units.service.ts';
import {
  allEnrolments,
  countedDegreeRows,
  deleteEnrolmentRow,
  findEnrolment,
  insertEnrolment,
  personInReach,
  referencesExist,
  registrationsByYear,
  updateEnrolmentRow,
} from './students.repo.ts';
import { STUDENT_KIND } from '../../../shared/kinds/student.ts';
import { runTransition, writeThenReload, type TransitionHooks } from '../../workflow/run-transition.ts';
import { checkEnrolmentDates, enrolmentStepValues, tallyStudents, type StudentTally } from './students.rules.ts';

const ENTITY = 'student';
type Input = z.output<typeof StudentEnrolmentInput>;
type Update = z.output<typeof StudentEnrolmentUpdate>;

/** The record as the audit log keeps it: stored fields, not the names joined in. */
function audited(e: StudentEnrolment): object {
  const { person: _p, unitNameEn: _u, unitNameZh: _z, unitNameFr: _f, isRegion: _r, ...stored } = e;
  return stored;
}

async function reload(tx: Queryable, id: number): Promise<StudentEnrolment> {
  return (await findEnrolment(unscoped(tx), id))!;
}

const enrolmentSearch = (e: { programmeEn: string; programmeZh: string | null; studentNumber: string | null }) => searchText(e.programmeEn, e.programmeZh, e.studentNumber);

/** A coordinator enrols students in their unit (or a sub-unit) only; the unit and the country must exist. */
async function checkReferences(tx: TxContext, unitId: number | undefined, countryCode: string | undefined, problems: FieldProblem[]): Promise<void> {
  const exists = await referencesExist(tx, unitId, countryCode);
  if (unitId !== undefined) {
    if (!exists.unit) problems.push({ field: 'unitId', reason: 'unknown_reference' });
    else if (tx.scope !== null && !(await unitContains(tx, tx.scope, unitId))) problems.push({ field: 'unitId', reason: 'not_allowed' });
  }
  if (countryCode !== undefined && !exists.country) problems.push({ field: 'countryCode', reason: 'unknown_reference' });
}

/**
 * Records an admission (status admitted), or an enrolment of the past as it stands (its status
 * and the dates it rests on, checked together). The country counted is the person's nationality
 * now unless given, kept on the enrolment from then on.
 */
export async function createEnrolment(ctx: RequestContext, options: { input: Input }): Promise<StudentEnrolment> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    // Another unit's person is not named to a coordinator, even as "not yours".
    const person = await personInReach(tx, input.personId);
    if (!person) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    const countryCode = input.countryCode ?? person.nationality ?? undefined;
    const problems: FieldProblem[] = [];
    if (!countryCode) problems.push({ field: 'countryCode', reason: 'no_nationality' });
    await checkReferences(tx, input.unitId, countryCode, problems);
    problems.push(...checkEnrolmentDates(input));
    if (problems.length) throw invalidFields(...problems);
    const id = await insertEnrolment(tx, { ...input, countryCode, searchText: enrolmentSearch(input) });
    const row = await reload(tx, id);
    await tx.audit({ action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: audited(row) });
    return row;
  });
}

/** Changes an enrolment's fields, if `version` is current and it is within the actor's reach; the dates must still fit the status. */
export async function updateEnrolment(ctx: RequestContext, options: { id: number; input: Update }): Promise<StudentEnrolment> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findEnrolment(tx, id, true), version);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Update>;
    const merged = { ...current, ...given };
    const problems: FieldProblem[] = [];
    await checkReferences(tx, given.unitId, given.countryCode, problems);
    problems.push(...checkEnrolmentDates(merged));
    if (problems.length) throw invalidFields(...problems);
    const row = await changedBy(tx, current, async () => {
      await updateEnrolmentRow(tx, id, { ...given, searchText: enrolmentSearch(merged) });
      return reload(tx, id);
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** What is special to an enrolment's step: its record locked within reach, and its own dates. */
const enrolmentSteps: TransitionHooks<StudentStatus, StudentEnrolment> = {
  load: (tx, id) => findEnrolment(tx, id, true),
  extra: (_tx, current, step) => {
    const { values, problems } = enrolmentStepValues(current, { ...step, degreeAwarded: step.inputs?.degreeAwarded });
    return { values: { ...values }, problems };
  },
  apply: writeThenReload(updateEnrolmentRow, reload),
  audited,
  unitOf: (e) => e.unitId,
};

/** Moves an enrolment one step, dated `on` (default today), as its description says (shared/kinds/student.ts). */
export function transitionEnrolment(ctx: RequestContext, options: { id: number; input: z.output<typeof StudentTransition> }): Promise<StudentEnrolment> {
  return runTransition(ctx, STUDENT_KIND, enrolmentSteps, options);
}

/** Deletes an admission never registered; from registration on, a withdrawal is recorded instead. */
export async function deleteEnrolment(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return removeEnrolment(ctx, options, false);
}

/** Deletes an enrolment an import created, whatever its status (imports/import-undo.ts: the undo of an import). */
export async function deleteImportedEnrolment(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return removeEnrolment(ctx, options, true);
}

async function removeEnrolment(ctx: RequestContext, options: { id: number; version: number }, anyStatus: boolean): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findEnrolment(tx, id, true), version);
    if (!anyStatus && !STUDENT_DELETABLE_STATUSES.includes(current.status)) throw new DomainError('enrolment_not_deletable', 'conflict');
    await deleteEnrolmentRow(tx, id);
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: audited(current) });
  });
}

/** One enrolment within the actor's reach (another unit's is 404 to a coordinator). */
export async function getEnrolment(ctx: Scoped, options: { id: number }): Promise<StudentEnrolment> {
  const row = await findEnrolment(ctx, options.id);
  if (!row) throw notFound();
  return row;
}

/** Every enrolment within the actor's reach matching the query (an export). */
export function exportEnrolments(ctx: Scoped, options: { query: Omit<z.output<typeof StudentQuery>, 'page' | 'pageSize' | 'format'> }): Promise<StudentEnrolment[]> {
  return allEnrolments(ctx, officeToday(), options.query);
}

/** A person's enrolments, for their page: the person must be within the actor's reach (else 404), and only enrolments in reach are listed. */
export async function getPersonEnrolments(ctx: Scoped, options: { personId: number }): Promise<{ personId: number; items: StudentEnrolment[] }> {
  if (!(await personInReach(ctx, options.personId))) throw notFound();
  return { personId: options.personId, items: await allEnrolments(ctx, officeToday(), { personId: options.personId, sort: 'admittedOn' }) };
}

/** The day the seed's count of foreign students starts. */
export const STUDENTS_SINCE = '1980-01-01';

/**
 * The fact sheet's students figures on `asOf`, within the actor's reach: foreign degree
 * students registered from 1 January 1980 to `asOf` and counted on `asOf` (see the repo's
 * `countedOn`), the countries they came from (regions apart), and the students per level.
 */
export async function studentsAsOf(ctx: Scoped, options: { asOf: string }): Promise<StudentTally> {
  return tallyStudents(await countedDegreeRows(ctx, STUDENTS_SINCE, options.asOf));
}

/**
 * The international degree students registered from `from` to `to` and still counted on `to`
 * (the definition of `studentsAsOf`, over one period): a year's intake, as the year in review
 * reads it — distinct persons, their countries and regions.
 */
export async function studentsRegisteredBetween(ctx: Scoped, options: { from: string; to: string }): Promise<StudentTally> {
  return tallyStudents(await countedDegreeRows(ctx, options.from, options.to));
}

/**
 * The degree enrolments counted on `asOf` within the actor's reach (the definition of
 * `studentsAsOf`), one row each: who, at which level, from which country or region. A
 * comparison with national statistics tallies them by country and level together.
 */
export function countedEnrolmentsOn(ctx: Scoped, options: { asOf: string }): ReturnType<typeof countedDegreeRows> {
  return countedDegreeRows(ctx, STUDENTS_SINCE, options.asOf);
}

/** Registrations per year within the actor's reach, for the dashboard's series. */
export function studentRegistrationsByYear(ctx: Scoped, options: { fromYear: number; toYear: number }): Promise<Map<number, number>> {
  return registrationsByYear(ctx, options.fromYear, options.toYear);
}
