import type { FieldProblem } from '../../core/errors.ts';
import type { LedgerEntry } from '../ledger/ledger.write.ts';
import type { Role } from '../../../shared/roles.ts';
import {
  CONFERENCE_TRANSITIONS,
  LEDGER_CONFERENCE_STATUSES,
  OFFICE_CONFERENCE_STEPS,
  type ConferenceStatus,
} from '../../../shared/contracts/conferences.ts';

/** Roles that act for the office: they approve or reject what a unit proposes. */
const OFFICE_ROLES: readonly Role[] = ['admin', 'officer'];

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
 * Checks one lifecycle step taken by `role` on `on`. A step the lifecycle does not have is bad
 * input whoever asks; approving and rejecting are the office's; a conference is held on or
 * after its first day; closing submits the summary (given now, or saved before), on or after its last day.
 */
export function planConferenceStep(current: ConferenceShape, to: ConferenceStatus, on: string, role: Role, summary: string | null = null): ConferenceStepPlan {
  if (!CONFERENCE_TRANSITIONS[current.status].includes(to)) return { forbidden: false, problems: [{ field: 'to', reason: 'not_a_step' }], values: {} };
  if (OFFICE_CONFERENCE_STEPS.includes(to) && !OFFICE_ROLES.includes(role)) return { forbidden: true };
  const problems: FieldProblem[] = [];
  const values: { summary?: string; summarySubmittedOn?: string } = {};
  if (to === 'held' && on < current.startDate) problems.push({ field: 'on', reason: 'before_start' });
  if (to === 'closed') {
    const text = summary ?? current.summary;
    if (!text) problems.push({ field: 'summary', reason: 'required' });
    if (on < current.endDate) problems.push({ field: 'on', reason: 'before_end' });
    if (summary) values.summary = summary;
    values.summarySubmittedOn = on;
  }
  return { forbidden: false, problems, values };
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
