import type { FieldProblem } from '../../core/errors.ts';
import type { LedgerEntry } from '../ledger/ledger.write.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { RESIDENCY_PLACEMENT_KIND } from '../../../shared/kinds/residency-placement.ts';
import {
  PLACEMENT_COUNTED_STATUSES,
  type AssessmentStage,
  type PlacementStatus,
  type StudentStatus,
} from '../../../shared/contracts/programmes.ts';

/** What the standard looks at: each examination or evaluation's stage, day and verdict. */
export interface AssessmentShape {
  id: number;
  stage: AssessmentStage;
  assessedOn: string;
  meetsStandard: boolean;
}

/**
 * Whether a student "met the standards in examinations and evaluations": assessed at least
 * once, and the latest assessment of every stage assessed meets the standard (a failed
 * French examination retaken and passed counts as passed; a later failure undoes an earlier
 * pass). Assessments after `asOf` are not known yet.
 */
export function meetsStandard(assessments: readonly AssessmentShape[], asOf?: string): boolean {
  const latest = new Map<AssessmentStage, AssessmentShape>();
  for (const a of assessments) {
    if (asOf && a.assessedOn > asOf) continue;
    const seen = latest.get(a.stage);
    if (!seen || a.assessedOn > seen.assessedOn || (a.assessedOn === seen.assessedOn && a.id > seen.id)) latest.set(a.stage, a);
  }
  return latest.size > 0 && [...latest.values()].every((a) => a.meetsStandard);
}

/** The columns a step writes: the new status and the day it was taken. */
export interface PlacementStepValues {
  status?: PlacementStatus;
  confirmedOn?: string;
  completedOn?: string;
  withdrawnOn?: string;
}

/** Why a step is refused as a whole (a 409 with its own message), rather than for a field. */
export type PlacementRefusal = 'residency_standard_not_met' | 'student_not_enrolled';

/**
 * Why confirming a placement is refused, beyond its description: confirming sends the
 * student, so it needs a student still on the programme (enrolled) who meets the residency
 * standard on that day (meetsStandard).
 */
export function placementRefusal(to: PlacementStatus, facts: { studentStatus: StudentStatus; meetsStandard: boolean }): PlacementRefusal | null {
  if (to !== 'confirmed') return null;
  if (facts.studentStatus !== 'enrolled') return 'student_not_enrolled';
  return facts.meetsStandard ? null : 'residency_standard_not_met';
}

/**
 * Checks one step of a placement taken on `on` and returns what it writes: the steps of its
 * description (shared/kinds/residency-placement.ts: each dated, completed only once started)
 * and the refusals of placementRefusal.
 */
export function planPlacementTransition(
  current: { status: PlacementStatus; startDate: string },
  step: { to: PlacementStatus; on: string; onGiven: boolean; studentStatus: StudentStatus; meetsStandard: boolean },
): { values: PlacementStepValues; problems: FieldProblem[]; refusal: PlacementRefusal | null } {
  const plan = planStep(RESIDENCY_PLACEMENT_KIND, current, step);
  if (plan.kind !== 'planned') return { values: {}, problems: plan.kind === 'illegal' ? plan.problems : [], refusal: null };
  const refusal = placementRefusal(step.to, step);
  if (refusal) return { values: {}, problems: [], refusal };
  return { values: plan.values as PlacementStepValues, problems: plan.problems, refusal: null };
}

/** Whether a placement in this status has sent the student. */
export const placementCounts = (status: PlacementStatus): boolean => PLACEMENT_COUNTED_STATUSES.includes(status);

/**
 * The placement's person-time: one outbound student row (category 'residency') once it is
 * confirmed, kept when completed, none while proposed or after a withdrawal. The host hospital
 * is the institution and its country the row's; our unit is the programme's.
 */
export function placementLedgerEntries(placement: {
  status: PlacementStatus;
  personId: number;
  unitId: number;
  hostInstitutionId: number;
  hostCountryCode: string | null;
  startDate: string;
  endDate: string;
}): LedgerEntry[] {
  if (!placementCounts(placement.status)) return [];
  return [{
    direction: 'outbound',
    who: 'student',
    personId: placement.personId,
    category: 'residency',
    countryCode: placement.hostCountryCode,
    institutionId: placement.hostInstitutionId,
    unitId: placement.unitId,
    startDate: placement.startDate,
    endDate: placement.endDate,
  }];
}

/**
 * "Accounting for 65% of all the students in this program": the students placed over everyone
 * ever admitted (withdrawn and transferred included), or null when nobody has been admitted
 * yet (a share of nothing is not 0%).
 */
export function residencyShare(placed: number, admitted: number): number | null {
  return admitted > 0 ? placed / admitted : null;
}
