import type {
  Attendee,
  AttendeeInput,
  Conference,
  ConferenceInput,
  ConferenceTransition,
  ConferenceUpdate,
  OverdueSummaries,
} from '../../../shared/contracts/conferences.ts';
import { api, toQuery } from '../../lib/api.ts';
import { overdueReport, useApiGet, useWrite } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { ConferencesSearch } from './conferences-search.ts';

/** Summaries overdue, per host unit, with the conferences behind each count. */
const overdue = overdueReport<OverdueSummaries>('conferences', 'overdue-summaries');

const attendeesKey = (id: number) => ['conferences', 'attendees', id] as const;

/** Conferences over the API; any write also refreshes the overdue summaries, the figures read from the ledger, timelines and experts' records. */
export const conferencesApi = createResourceHooks<Conference, ConferenceInput, ConferenceUpdate, ConferencesSearch, ConferenceTransition>('conferences', 'conference', {
  filters: ['status', 'hostUnitId', 'classification', 'from', 'to', 'summaryOverdue', 'counted'],
  alsoOnWrite: [overdue.key, ['ledger'], ['timeline'], ['experts']],
  alsoOfRecord: (id) => [attendeesKey(id)],
});

/** Move a conference one step along its workflow (closing carries the summary). */
export const useConferenceTransition = (id: number) => conferencesApi.useTransition(id);

/** The attendee list of a conference. */
export const useAttendees = (id: number) => useApiGet<Attendee[]>(attendeesKey(id), `/conferences/${id}/attendees`);

/**
 * Changes to the attendee list, each at the conference's version (the list is part of it): one
 * attendee added or removed (a file of them goes through the import page); the conference is read again.
 */
export function useAttendeeWrites(id: number) {
  const keys = () => [conferencesApi.keys.one(id), ...conferencesApi.staleAfter(id)];
  return {
    add: useWrite((input: AttendeeInput) => api.post<Attendee>(`/conferences/${id}/attendees`, input), keys),
    remove: useWrite(
      ({ attendeeId, version }: { attendeeId: number; version: number }) => api.del(`/conferences/${id}/attendees/${attendeeId}${toQuery({ version })}`),
      keys,
    ),
  };
}

/** Summaries overdue on a date (today when absent), per host unit, with the conferences behind each count. */
export const useOverdueSummaries = overdue.useReport;
