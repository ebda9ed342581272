import type { FieldProblem } from '../../core/errors.ts';
import type { LedgerEntry } from '../ledger/ledger.write.ts';
import { COUNTED_STATUSES, VISIT_TRANSITIONS, type Visit, type VisitStatus } from '../../../shared/contracts/visits.ts';

/** What a step looks at: the visit's status, dates and report. */
export interface VisitShape {
  status: VisitStatus;
  startDate: string;
  report: string | null;
}

/** The columns a step writes: the new status, the date it was taken, and on closing the report. */
export interface StepValues {
  status?: VisitStatus;
  approvedOn?: string;
  rejectedOn?: string;
  heldOn?: string;
  closedOn?: string;
  cancelledOn?: string;
  report?: string;
  reportSubmittedOn?: string;
}

const DATE_OF: Record<VisitStatus, 'approvedOn' | 'rejectedOn' | 'heldOn' | 'closedOn' | 'cancelledOn' | null> = {
  requested: null,
  approved: 'approvedOn',
  rejected: 'rejectedOn',
  held: 'heldOn',
  closed: 'closedOn',
  cancelled: 'cancelledOn',
};

/**
 * Checks one workflow step taken on `on` and returns what it writes. A visit is held only once
 * it has started (a step dated earlier is refused, naming `on` if the caller gave it, else the
 * step itself), and closed only with its report, given now or drafted before.
 */
export function planVisitTransition(
  current: VisitShape,
  step: { to: VisitStatus; on: string; onGiven: boolean; report: string | null },
): { values: StepValues; problems: FieldProblem[] } {
  const { to, on } = step;
  if (!VISIT_TRANSITIONS[current.status].includes(to)) return { values: {}, problems: [{ field: 'to', reason: 'illegal_transition' }] };
  const problems: FieldProblem[] = [];
  const dateField = DATE_OF[to];
  const values: StepValues = { status: to, ...(dateField ? { [dateField]: on } : {}) };
  if (to === 'held' && on < current.startDate) problems.push({ field: step.onGiven ? 'on' : 'to', reason: 'visit_not_started' });
  if (to === 'closed') {
    const report = step.report ?? current.report;
    if (!report) problems.push({ field: 'report', reason: 'required' });
    else {
      values.report = report;
      values.reportSubmittedOn = on;
    }
  }
  return { values, problems };
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
  if (!COUNTED_STATUSES.includes(visit.status)) return [];
  return visit.members.map((m) => ({
    direction: 'inbound',
    who: 'visitor',
    personId: m.personId,
    category: visit.purpose,
    countryCode: m.countryCode,
    institutionId: m.institutionId,
    unitId: visit.hostUnitId,
    startDate: visit.startDate,
    endDate: visit.endDate,
  }));
}
