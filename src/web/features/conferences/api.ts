import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Attendee,
  AttendeeImportResult,
  AttendeeInput,
  Conference,
  ConferenceInput,
  ConferenceTransition,
  ConferenceUpdate,
  OverdueSummaries,
} from '../../../shared/contracts/conferences.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { ConferencesSearch } from './conferences-search.ts';

/** Queries outside the conferences list that a conference's change can alter: overdue summaries, the ledger, timelines, experts' records. */
const DERIVED_KEYS = [['conferences', 'overdue'], ['ledger'], ['timeline'], ['experts']] as const;

/** Conferences over the API; any write also refreshes the overdue summaries and the figures read from the ledger. */
export const conferencesApi = createResourceHooks<Conference, ConferenceInput, ConferenceUpdate, ConferencesSearch>({
  key: 'conferences',
  path: '/conferences',
  entity: 'conference',
  filters: (search) => ({
    status: search.status,
    hostUnitId: search.hostUnitId,
    classification: search.classification,
    from: search.from,
    to: search.to,
    summaryOverdue: search.summaryOverdue,
    counted: search.counted,
  }),
  alsoOnWrite: DERIVED_KEYS,
});

const attendeesKey = (id: number) => ['conferences', 'attendees', id] as const;

/** After a write that answered with the conference (a step, an import): cache it, refresh what depends on it. */
function useAfterWrite() {
  const client = useQueryClient();
  return (saved: Conference) => {
    client.setQueryData(conferencesApi.keys.one(saved.id), saved);
    void client.invalidateQueries({ queryKey: conferencesApi.keys.lists });
    void client.invalidateQueries({ queryKey: historyKey('conference', saved.id) });
    void client.invalidateQueries({ queryKey: attendeesKey(saved.id) });
    for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
  };
}

/** Move a conference one step along its workflow (closing carries the summary). */
export function useConferenceTransition(id: number) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (step: ConferenceTransition) => api.post<Conference>(`/conferences/${id}/transitions`, step),
    onSuccess: afterWrite,
  });
}

/** The attendee list of a conference. */
export function useAttendees(id: number) {
  return useQuery({ queryKey: attendeesKey(id), queryFn: ({ signal }) => api.get<Attendee[]>(`/conferences/${id}/attendees`, signal) });
}

/**
 * Changes to the attendee list, each at the conference's version (the list is part of it): an
 * import replaces the whole list, one attendee is added or removed; the conference is read again.
 */
export function useAttendeeWrites(id: number) {
  const client = useQueryClient();
  const afterWrite = useAfterWrite();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: conferencesApi.keys.one(id) });
    void client.invalidateQueries({ queryKey: conferencesApi.keys.lists });
    void client.invalidateQueries({ queryKey: attendeesKey(id) });
    void client.invalidateQueries({ queryKey: historyKey('conference', id) });
    for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
  };
  return {
    importFile: useMutation({
      mutationFn: ({ file, version }: { file: File; version: number }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return api.upload<AttendeeImportResult>(`/conferences/${id}/attendees/import${toQuery({ version })}`, form);
      },
      onSuccess: (result) => afterWrite(result.conference),
    }),
    add: useMutation({
      mutationFn: (input: AttendeeInput) => api.post<Attendee>(`/conferences/${id}/attendees`, input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: ({ attendeeId, version }: { attendeeId: number; version: number }) => api.del(`/conferences/${id}/attendees/${attendeeId}${toQuery({ version })}`),
      onSuccess: refresh,
    }),
  };
}

/** Summaries overdue on a date (today when absent), per host unit, with the conferences behind each count. */
export function useOverdueSummaries(asOf: string | undefined) {
  return useQuery({
    queryKey: ['conferences', 'overdue', asOf ?? null],
    queryFn: ({ signal }) => api.get<OverdueSummaries>(`/conferences/overdue-summaries${toQuery({ asOf })}`, signal),
    placeholderData: keepPreviousData,
  });
}
