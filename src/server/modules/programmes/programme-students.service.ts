import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, invalidFields, notFound } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type {
  Assessment,
  AssessmentInput,
  AssessmentUpdate,
  Placement,
  PlacementInput,
  PlacementStatus,
  PlacementTransition,
  PlacementUpdate,
  ProgrammeStudent,
  ProgrammeStudentRecord,
  StudentInput,
  StudentQuery,
  StudentUpdate,
} from '../../../shared/contracts/programmes.ts';
import { replaceLedgerRows } from '../ledger/ledger.write.ts';
import { existingIds, findCohort, peopleInReach } from './programmes.repo.ts';
import {
  allStudents,
  deleteStudentRow,
  deletePlacementRow,
  deleteAssessmentRow,
  findAssessment,
  findPlacement,
  findStudent,
  insertAssessment,
  insertPlacement,
  insertStudent,
  studentAssessments,
  studentPlacements,
  updateAssessmentRow,
  updatePlacementRow,
  updateStudentRow,
  type PlacementContext,
} from './programme-students.repo.ts';
import { meetsStandard, placementLedgerEntries, placementRefusal } from './programmes.rules.ts';
import { RESIDENCY_PLACEMENT_KIND } from '../../../shared/kinds/residency-placement.ts';
import { runTransition, type TransitionHooks } from '../../workflow/run-transition.ts';

const PLACEMENT = 'residency_placement';

/** The stored fields of a record, without the names and flags joined in. */
function auditedStudent(s: ProgrammeStudent): object {
  const { person: _p, placed: _d, placedAt: _a, entryYear: _e, ...stored } = s;
  return stored;
}
function auditedPlacement(p: Placement): object {
  const { hostInstitution: _h, ...stored } = p;
  return stored;
}
function withoutContext<T extends object>(row: T & PlacementContext): T {
  const { personId: _p, unitId: _u, studentStatus: _s, ...placement } = row;
  return placement as T;
}

/** A cohort the actor may put a student in: in reach, and (when `programmeId` is given) of that programme. */
async function checkCohort(tx: Scoped, cohortId: number, programmeId?: number) {
  const cohort = await findCohort(tx, cohortId);
  if (!cohort || (programmeId !== undefined && cohort.programmeId !== programmeId)) throw invalidFields({ field: 'cohortId', reason: 'unknown_reference' });
  return cohort;
}

/** Rewrites the placement's person-time from the placement as it now stands. */
async function writeLedger(tx: Queryable, id: number): Promise<Placement & PlacementContext> {
  const row = (await findPlacement(unscoped(tx), id))!;
  await replaceLedgerRows(tx, { module: PLACEMENT, id }, placementLedgerEntries({ ...row, hostCountryCode: row.hostInstitution.countryCode }));
  return row;
}

/** Admits one of our people to a cohort; a coordinator admits their unit's people to their unit's programmes. */
export async function createStudent(ctx: RequestContext, options: { input: z.output<typeof StudentInput>}): Promise<ProgrammeStudent> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    const cohort = await checkCohort(tx, input.cohortId);
    if (!(await peopleInReach(tx, [input.personId])).size) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    const id = await insertStudent(tx, { ...input, programmeId: cohort.programmeId, searchText: searchText(input.studentNumber) });
    const row = (await findStudent(unscoped(tx), id))!;
    await tx.audit({ action: 'create', entity: 'programme_student', entityId: id, unitId: row.unitId, after: auditedStudent(row) });
    return row;
  });
}

/** Changes a student's cohort (within the programme), number, status or notes, if `version` is current. */
export async function updateStudent(ctx: RequestContext, options: { id: number; input: z.output<typeof StudentUpdate>}): Promise<ProgrammeStudent> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findStudent(tx, id, true), version);
    if (changes.cohortId !== undefined) await checkCohort(tx, changes.cohortId, current.programmeId);
    const row = await changedBy(tx, current, async () => {
      await updateStudentRow(tx, id, { ...changes, ...(changes.studentNumber ? { searchText: searchText(changes.studentNumber) } : {}) });
      return (await findStudent(unscoped(tx), id))!;
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'programme_student', entityId: id, unitId: row.unitId, before: auditedStudent(current), after: auditedStudent(row) });
    return row;
  });
}

/**
 * Deletes a student an import created (imports/import-undo.ts), audited as any delete; one given
 * a placement since is refused by the database (the undo names it as used since the import).
 */
export async function deleteImportedStudent(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findStudent(tx, id, true), version);
    await deleteStudentRow(tx, id);
    await tx.audit({ action: 'delete', entity: 'programme_student', entityId: id, unitId: current.unitId, before: auditedStudent(current) });
  });
}

/**
 * Deletes a placement an import wrote (imports/import-undo.ts) with its person-time, audited as
 * any delete, if `version` is current (the undo refuses first when it was changed since).
 */
export async function deleteImportedPlacement(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findPlacement(tx, id, true), version, withoutContext);
    await replaceLedgerRows(tx, { module: PLACEMENT, id }, []);
    await deletePlacementRow(tx, id);
    await tx.audit({ action: 'delete', entity: PLACEMENT, entityId: id, unitId: current.unitId, before: auditedPlacement(withoutContext<Placement>(current)) });
  });
}

/** A student's record within the actor's reach: examinations and evaluations, placements, and whether they meet the standard today. */
export async function getStudentRecord(ctx: Scoped, options: { id: number}): Promise<ProgrammeStudentRecord> {
  const student = await findStudent(ctx, options.id);
  if (!student) throw notFound();
  const assessments = await studentAssessments(ctx, student.id);
  return { ...student, assessments, placements: await studentPlacements(ctx, student.id), meetsStandard: meetsStandard(assessments, officeToday()) };
}

/** Every student within the actor's reach matching the query (an export). */
export function exportStudents(ctx: Scoped, options: { query: Omit<z.output<typeof StudentQuery>, 'page' | 'pageSize' | 'format'>}): Promise<ProgrammeStudent[]> {
  return allStudents(ctx, officeToday(), options.query);
}

/** Records an examination or evaluation of a student within the actor's reach. */
export async function createAssessment(ctx: RequestContext, options: { studentId: number; input: z.output<typeof AssessmentInput>}): Promise<Assessment> {
  const { studentId, input } = options;
  return ctx.transaction(async (tx) => {
    const student = await findStudent(tx, studentId);
    if (!student) throw notFound();
    const id = await insertAssessment(tx, studentId, input);
    const { unitId, ...row } = (await findAssessment(unscoped(tx), id))!;
    await tx.audit({ action: 'create', entity: 'programme_assessment', entityId: id, unitId, after: row });
    return row;
  });
}

/** Corrects an assessment, if `version` is current. A placement already confirmed stays: it was confirmed on what was known then. */
export async function updateAssessment(ctx: RequestContext, options: { id: number; input: z.output<typeof AssessmentUpdate>}): Promise<Assessment> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const { unitId, ...current } = currentVersion(await findAssessment(tx, id, true), version);
    const row = await changedBy(tx, current, async () => {
      await updateAssessmentRow(tx, id, changes);
      const { unitId: _u, ...assessment } = (await findAssessment(unscoped(tx), id))!;
      return assessment;
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: 'programme_assessment', entityId: id, unitId, before: current, after: row });
    return row;
  });
}

/** Deletes an assessment recorded by mistake; the audit log keeps what it was. */
export async function deleteAssessment(ctx: RequestContext, options: { id: number; version: number}): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const { unitId, ...current } = currentVersion(await findAssessment(tx, id, true), version);
    await deleteAssessmentRow(tx, id);
    await tx.audit({ action: 'delete', entity: 'programme_assessment', entityId: id, unitId, before: current });
  });
}

/** Proposes a year of residency in a host hospital for a student within the actor's reach. */
export async function createPlacement(ctx: RequestContext, options: { studentId: number; input: z.output<typeof PlacementInput>}): Promise<Placement> {
  const { studentId, input } = options;
  return ctx.transaction(async (tx) => {
    const student = await findStudent(tx, studentId);
    if (!student) throw notFound();
    if (!(await existingIds(tx, 'institutions', [input.hostInstitutionId])).size) throw invalidFields({ field: 'hostInstitutionId', reason: 'unknown_reference' });
    const id = await insertPlacement(tx, studentId, { ...input, status: 'proposed' });
    const row = withoutContext<Placement>(await writeLedger(tx, id));
    await tx.audit({ action: 'create', entity: PLACEMENT, entityId: id, unitId: student.unitId, after: auditedPlacement(row) });
    return row;
  });
}

/** Changes a placement's host, department, dates or notes; a withdrawn one is frozen. The person-time follows the new dates. */
export async function updatePlacement(ctx: RequestContext, options: { id: number; input: z.output<typeof PlacementUpdate>}): Promise<Placement> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const found = currentVersion(await findPlacement(tx, id, true), version, withoutContext);
    if (found.status === 'withdrawn') throw new DomainError('placement_not_editable', 'conflict');
    const merged = { ...found, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    if (merged.endDate < merged.startDate) throw invalidFields({ field: changes.endDate ? 'endDate' : 'startDate', reason: 'end_before_start' });
    if (changes.hostInstitutionId && !(await existingIds(tx, 'institutions', [changes.hostInstitutionId])).size) throw invalidFields({ field: 'hostInstitutionId', reason: 'unknown_reference' });
    const row = await changedBy(tx, withoutContext<Placement>(found), async () => {
      await updatePlacementRow(tx, id, changes);
      return withoutContext<Placement>(await writeLedger(tx, id));
    });
    if (!row) return withoutContext<Placement>(found);
    await tx.audit({ action: 'update', entity: PLACEMENT, entityId: id, unitId: found.unitId, before: auditedPlacement(withoutContext(found)), after: auditedPlacement(row) });
    return row;
  });
}

/** What is special to a placement's step: its record (with its student's status) locked within reach, the standard, its ledger row. */
const placementSteps: TransitionHooks<PlacementStatus, Placement & PlacementContext, Placement> = {
  load: (tx, id) => findPlacement(tx, id, true),
  shown: withoutContext,
  async extra(tx, current, step) {
    const standard = step.to === 'confirmed' && current.studentStatus === 'enrolled' ? meetsStandard(await studentAssessments(tx, current.studentId), step.on) : true;
    const refusal = placementRefusal(step.to, { studentStatus: current.studentStatus, meetsStandard: standard });
    return refusal ? { refusal } : {};
  },
  async apply(tx, current, values) {
    await updatePlacementRow(tx, current.id, values);
    return withoutContext<Placement>(await writeLedger(tx, current.id));
  },
  audited: (row) => auditedPlacement('studentStatus' in row ? withoutContext(row) : row),
  unitOf: (p) => p.unitId,
};

/**
 * Moves a placement one step, dated `on` (default today), as its description says
 * (shared/kinds/residency-placement.ts). Confirming is refused (409 `residency_standard_not_met`)
 * unless the student meets the standard on that day, and (409 `student_not_enrolled`) unless
 * the student is still enrolled.
 */
export function transitionPlacement(ctx: RequestContext, options: { id: number; input: z.output<typeof PlacementTransition> }): Promise<Placement> {
  return runTransition(ctx, RESIDENCY_PLACEMENT_KIND, placementSteps, options);
}
