import type { FieldProblem } from '../../core/errors.ts';
import type { LedgerEntry } from '../ledger/ledger.write.ts';
import type { Role } from '../../../shared/roles.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { CONFERENCE_KIND } from '../../../shared/kinds/conference.ts';
import { LEDGER_CONFERENCE_STATUSES, type ConferenceStatus } from '../../../shared/contracts/conferences.ts';

/** The fields of a conference the rules look at. */
export interface ConferenceShape {
  status: ConferenceStatus;
  startDate: string;
  endDate: string;
  summary: string | null;
  participants: number | null;
  foreignParticipants: number | null;
  hostUnitId: number;
}

/** What a step decides: 403 for a unit taking the office's step, 400 with problems, or the values it writes. */
export type ConferenceStepPlan =
  | { forbidden: true }
  | { forbidden: false; problems: FieldProblem[]; values: { summary?: string; summarySubmittedOn?: string } };

/**
 * Checks one lifecycle step taken by `role` on `on`, as the conference's description says
 * (shared/kinds/conference.ts): a step the lifecycle does not have is bad input whoever asks;
 * approving and rejecting are the office's; a conference is held on or after its first day;
 * closing submits the summary (given now, or saved before), on or after its last day.
 */
export function planConferenceStep(current: ConferenceShape, to: ConferenceStatus, on: string, role: Role, summary: string | null = null): ConferenceStepPlan {
  const plan = planStep(CONFERENCE_KIND, current, { to, on, onGiven: true, inputs: { summary } }, role);
  if (plan.kind === 'forbidden') return { forbidden: true };
  if (plan.kind === 'illegal') return { forbidden: false, problems: plan.problems, values: {} };
  const { status: _status, ...values } = plan.values;
  return { forbidden: false, problems: plan.problems, values };
}

/** What is wrong with a conference as a whole (one field may be fine alone and wrong beside another). */
export function conferenceProblems(c: Pick<ConferenceShape, 'participants' | 'foreignParticipants' | 'startDate' | 'endDate'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.endDate < c.startDate) problems.push({ field: 'endDate', reason: 'end_before_start' });
  if (c.participants !== null && c.foreignParticipants !== null && c.foreignParticipants > c.participants)
    problems.push({ field: 'foreignParticipants', reason: 'more_than_participants' });
  return problems;
}

/** What the ledger needs of each attendee. */
export interface LedgerAttendee {
  personId: number | null;
  countryCode: string | null;
  nationality: string | null;
  institutionId: number | null;
  isForeign: boolean;
}

/**
 * The inbound person-times a conference stands for. Only a conference that took place
 * counts (held or closed). With an attendee list, its foreign attendees count: each one we
 * know as a person-time of their own, the others as aggregates per country/region and
 * institution; without a list, the declared number of foreign participants as one aggregate.
 */
export function conferenceLedgerEntries(conference: ConferenceShape, attendees: LedgerAttendee[]): LedgerEntry[] {
  if (!LEDGER_CONFERENCE_STATUSES.includes(conference.status)) return [];
  const base = {
    direction: 'inbound',
    who: 'visitor',
    category: 'conference',
    unitId: conference.hostUnitId,
    startDate: conference.startDate,
    endDate: conference.endDate,
  } as const;
  if (!attendees.length) {
    const n = conference.foreignParticipants ?? 0;
    return n > 0 ? [{ ...base, count: n, countryCode: null, institutionId: null }] : [];
  }
  const foreign = attendees.filter((a) => a.isForeign);
  const named: LedgerEntry[] = foreign
    .filter((a) => a.personId !== null)
    .map((a) => ({ ...base, personId: a.personId, countryCode: a.countryCode ?? a.nationality, institutionId: a.institutionId }));
  const groups = new Map<string, LedgerEntry>();
  for (const a of foreign.filter((x) => x.personId === null)) {
    const key = `${a.countryCode ?? ''}|${a.institutionId ?? ''}`;
    const group = groups.get(key);
    if (group) group.count = (group.count ?? 0) + 1;
    else groups.set(key, { ...base, count: 1, countryCode: a.countryCode, institutionId: a.institutionId });
  }
  const aggregates = [...groups.values()].sort(
    (x, y) => (x.countryCode ?? '').localeCompare(y.countryCode ?? '') || (x.institutionId ?? 0) - (y.institutionId ?? 0),
  );
  return [...named, ...aggregates];
}

/** Whether an attendee is foreign: by the country given, else by the linked person's nationality; unknown is not foreign. */
export function isForeignAttendee(countryCode: string | null, nationality: string | null = null): boolean {
  const country = countryCode ?? nationality;
  return country !== null && country !== 'CN';
}
