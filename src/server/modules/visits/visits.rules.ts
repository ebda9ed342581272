import type { FieldProblem } from '../../core/errors.ts';
import type { LedgerEntry } from '../ledger/ledger.write.ts';
import { movementLedgerEntries } from '../movements/movement-ledger.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { VISIT_KIND } from '../../../shared/kinds/visit.ts';
import { COUNTED_STATUSES, type Visit, type VisitStatus } from '../../../shared/contracts/visits.ts';

/** What a step looks at: the visit's status, dates and report. */
export interface VisitShape {
  status: VisitStatus;
  startDate: string;
  report: string | null;
}

/** The columns a step writes: the new status, the date it was taken, and on closing the report. */
export type StepValues = { status?: VisitStatus } & Partial<Record<'approvedOn' | 'rejectedOn' | 'heldOn' | 'closedOn' | 'cancelledOn' | 'report' | 'reportSubmittedOn', string>>;

/**
 * Checks one workflow step taken on `on` and returns what it writes, as the visit's description
 * says (shared/kinds/visit.ts): a visit is held only once it has started (a step dated earlier
 * is refused, naming `on` if the caller gave it, else the step itself), and closed only with
 * its report, given now or drafted before.
 */
export function planVisitTransition(
  current: VisitShape,
  step: { to: VisitStatus; on: string; onGiven: boolean; report: string | null },
): { values: StepValues; problems: FieldProblem[] } {
  const plan = planStep(VISIT_KIND, current, { ...step, inputs: { report: step.report } });
  return plan.kind === 'planned' ? { values: plan.values as StepValues, problems: plan.problems } : { values: {}, problems: plan.kind === 'illegal' ? plan.problems : [] };
}

/** A member as given, after the visit's defaults are applied. */
export interface ResolvedMember {
  personId: number;
  roleInDelegation: string | null;
  institutionId: number | null;
  countryCode: string;
}

/** What the database says about the references of the members. */
export interface MemberFacts {
  /** People the actor may name, with their own nationality and institution. */
  people: Map<number, { nationality: string | null; institutionId: number | null }>;
  institutions: Set<number>;
  countries: Set<string>;
}

/**
 * Applies the defaults (a visitor comes from their own institution and country unless told
 * otherwise) and names each member field that refers to nothing, or to a person twice.
 */
export function resolveMembers(
  members: Array<{ personId: number; roleInDelegation: string | null; institutionId?: number | null; countryCode?: string }>,
  facts: MemberFacts,
): { members: ResolvedMember[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  const resolved = members.map((m, i) => {
    const person = facts.people.get(m.personId);
    if (!person) problems.push({ field: `members.${i}.personId`, reason: 'unknown_reference' });
    else if (seen.has(m.personId)) problems.push({ field: `members.${i}.personId`, reason: 'duplicate' });
    seen.add(m.personId);
    const institutionId = m.institutionId === undefined ? (person?.institutionId ?? null) : m.institutionId;
    if (m.institutionId != null && !facts.institutions.has(m.institutionId)) problems.push({ field: `members.${i}.institutionId`, reason: 'unknown_reference' });
    const countryCode = m.countryCode ?? person?.nationality ?? null;
    if (person && !countryCode) problems.push({ field: `members.${i}.countryCode`, reason: 'required' });
    else if (countryCode && !facts.countries.has(countryCode)) problems.push({ field: `members.${i}.countryCode`, reason: 'unknown_reference' });
    return { personId: m.personId, roleInDelegation: m.roleInDelegation, institutionId, countryCode: countryCode ?? '' };
  });
  return { members: resolved, problems };
}

/**
 * The visit's person-times: one inbound row per visitor once the visit is held (and still
 * after it is closed), none before or after a cancellation. The purpose is the category; the
 * host unit is ours; the visitor's country and institution are those of this visit.
 */
export function visitLedgerEntries(visit: Pick<Visit, 'status' | 'purpose' | 'hostUnitId' | 'startDate' | 'endDate' | 'members'>): LedgerEntry[] {
  const placeOf = (m: Visit['members'][number]) => ({ countryCode: m.countryCode, institutionId: m.institutionId });
  return movementLedgerEntries(visit, { direction: 'inbound', who: 'visitor', unitId: visit.hostUnitId, counted: COUNTED_STATUSES, placeOf });
}
