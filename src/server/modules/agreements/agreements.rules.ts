import type { FieldProblem } from '../../core/errors.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { AGREEMENT_KIND, mayExpire } from '../../../shared/kinds/agreement.ts';
import { type AgreementLevel, type AgreementStatus } from '../../../shared/contracts/agreements.ts';

/** The fields the consistency rules look at, after a change is merged into the record. */
export interface AgreementShape {
  level: AgreementLevel;
  kind: string;
  unitId: number | null;
  status: AgreementStatus;
  signedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  autoRenewal: boolean;
  renewalTermMonths: number | null;
}

/** What is wrong with an agreement as a whole (one field may be fine alone and wrong beside another). */
export function agreementProblems(a: AgreementShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (a.level === 'collegiate' && a.unitId === null) problems.push({ field: 'unitId', reason: 'collegiate_needs_unit' });
  if (a.level === 'institutional' && a.unitId !== null) problems.push({ field: 'unitId', reason: 'institutional_has_no_unit' });
  if (a.autoRenewal && a.renewalTermMonths === null) problems.push({ field: 'renewalTermMonths', reason: 'required' });
  if (a.autoRenewal && a.expiresOn === null) problems.push({ field: 'expiresOn', reason: 'required' });
  if (a.effectiveOn && a.expiresOn && a.expiresOn < a.effectiveOn) problems.push({ field: 'expiresOn', reason: 'end_before_start' });
  // Once signed, the dates that make it count may not be taken away.
  if (['signed', 'active', 'expired', 'terminated'].includes(a.status) && !a.signedOn) problems.push({ field: 'signedOn', reason: 'required' });
  if (['active', 'expired', 'terminated'].includes(a.status) && !a.effectiveOn) problems.push({ field: 'effectiveOn', reason: 'required' });
  return problems;
}

/** The dates a step writes when they are not already set. */
export interface StepDates {
  signedOn?: string;
  effectiveOn?: string;
  terminatedOn?: string;
}

/**
 * The dates of a step that the agreement's description cannot say: signing is dated once, an
 * agreement takes effect (when not already dated) not before it was signed, and it expires only
 * after its expiry date, unless it renews itself (then expiring ends it on the day).
 */
export function agreementStepDates(current: AgreementShape, to: AgreementStatus, on: string): { dates: StepDates; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const dates: StepDates = {};
  if (to === 'signed' && !current.signedOn) dates.signedOn = on;
  if (to === 'active') {
    const signedOn = current.signedOn ?? on;
    if (!current.effectiveOn) dates.effectiveOn = on < signedOn ? signedOn : on;
  }
  if (to === 'expired') {
    if (!current.expiresOn) problems.push({ field: 'expiresOn', reason: 'required' });
    else if (current.autoRenewal) dates.terminatedOn = on;
    else if (!mayExpire(current, on)) problems.push({ field: 'to', reason: 'not_yet_expired' });
  }
  return { dates, problems };
}

/**
 * Checks one lifecycle step taken on `on` and returns the dates it records: the steps of the
 * agreement's description (shared/kinds/agreement.ts: a termination is dated, and not before the
 * agreement took effect), and its own dates (agreementStepDates).
 */
export function planTransition(current: AgreementShape, to: AgreementStatus, on: string): { dates: StepDates; problems: FieldProblem[] } {
  const plan = planStep(AGREEMENT_KIND, current, { to, on, onGiven: true });
  if (plan.kind !== 'planned') return { dates: {}, problems: plan.kind === 'illegal' ? plan.problems : [] };
  const { status: _status, ...recorded } = plan.values;
  const own = agreementStepDates(current, to, on);
  return { dates: { ...(recorded as StepDates), ...own.dates }, problems: [...own.problems, ...plan.problems] };
}
