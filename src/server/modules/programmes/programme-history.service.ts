import { DomainError, invalidFields, notFound } from '../../core/errors.ts';
import { unscoped, type RequestContext } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import type { AssessmentStage, PlacementStatus, StudentStatus } from '../../../shared/contracts/programmes.ts';
import { replaceLedgerRows } from '../ledger/ledger.write.ts';
import { cohortInReach, peopleInReach } from './programmes.repo.ts';
import { findPlacement, findStudent, insertAssessment, insertPlacement, insertStudent, studentAssessments, updatePlacementRow, updateStudentRow } from './programme-students.repo.ts';
import { meetsStandard, placementLedgerEntries, planPlacementTransition } from './programmes.rules.ts';

/** A student's years in the programme as the office's files tell them. */
export interface StudentHistory {
  personId: number;
  cohortId: number;
  studentNumber: string;
  assessments: Array<{ stage: AssessmentStage; assessedOn: string; result: string | null; meetsStandard: boolean; evaluatorNotes?: string | null }>;
  /** Placements in the order proposed, each with the steps it went through (dated). */
  placements: Array<{
    hostInstitutionId: number;
    department: string | null;
    startDate: string;
    endDate: string;
    steps: Array<{ to: PlacementStatus; on: string }>;
  }>;
  /** Where the student stands now (set after the placements, which need an enrolled student). */
  status: StudentStatus;
}

/**
 * Records a student's whole history in one transaction: admission, examinations and
 * evaluations, placements and their steps, the final status — for entering the files of past
 * years (and the demo) without a round trip per record. Each step goes through the same rules
 * as the API's (a placement is confirmed only for an enrolled student who meets the standard on
 * that day), every record gets its audit row, and each placement's person-time is written.
 */
export async function recordStudentHistory(ctx: RequestContext, options: { history: StudentHistory}): Promise<number> {
  const { history } = options;
  return ctx.transaction(async (tx) => {
    const cohort = await cohortInReach(tx, history.cohortId);
    if (!cohort) throw invalidFields({ field: 'cohortId', reason: 'unknown_reference' });
    if (!(await peopleInReach(tx, [history.personId])).size) throw invalidFields({ field: 'personId', reason: 'unknown_reference' });
    const id = await insertStudent(tx, { personId: history.personId, cohortId: cohort.id, programmeId: cohort.programmeId, studentNumber: history.studentNumber, status: 'enrolled', searchText: searchText(history.studentNumber) });
    const audit = (entity: string, entityId: number, after: object) => tx.audit({ action: 'create', entity, entityId, unitId: cohort.unitId, after });
    for (const a of history.assessments) {
      const assessmentId = await insertAssessment(tx, id, { ...a, evaluatorNotes: a.evaluatorNotes ?? null });
      await audit('programme_assessment', assessmentId, { studentId: id, ...a });
    }
    const assessments = await studentAssessments(tx, id);
    for (const p of history.placements) {
      const placementId = await insertPlacement(tx, id, { hostInstitutionId: p.hostInstitutionId, department: p.department, startDate: p.startDate, endDate: p.endDate, status: 'proposed' });
      let status: PlacementStatus = 'proposed';
      for (const step of p.steps) {
        const plan = planPlacementTransition({ status, startDate: p.startDate }, { to: step.to, on: step.on, onGiven: true, studentStatus: 'enrolled', meetsStandard: meetsStandard(assessments, step.on) });
        if (plan.refusal) throw new DomainError(plan.refusal, 'conflict');
        if (plan.problems.length) throw invalidFields(...plan.problems);
        await updatePlacementRow(tx, placementId, plan.values);
        status = step.to;
      }
      const row = await findPlacement(unscoped(tx), placementId);
      if (!row) throw notFound();
      await replaceLedgerRows(tx, { module: 'residency_placement', id: placementId }, placementLedgerEntries({ ...row, hostCountryCode: row.hostInstitution.countryCode }));
      const { hostInstitution: _h, personId: _p, unitId: _u, studentStatus: _s, ...stored } = row;
      await audit('residency_placement', placementId, stored);
    }
    if (history.status !== 'enrolled') await updateStudentRow(tx, id, { status: history.status });
    const student = (await findStudent(unscoped(tx), id))!;
    const { person: _p, placed: _d, placedAt: _a, entryYear: _e, ...stored } = student;
    await audit('programme_student', id, stored);
    return id;
  });
}
