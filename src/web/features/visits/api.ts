import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import { COUNTED_STATUSES, type OverdueReports, type Visit, type VisitFile, type VisitInput, type VisitTransition, type VisitUpdate } from '../../../shared/contracts/visits.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { VisitsSearch } from './visits-search.ts';

const OVERDUE_KEY = ['visits', 'overdue'] as const;
/**
 * Queries outside the visits list that a visit's change can alter: its visitors are person-times
 * of the ledger (the dashboard's figures read the ledger too), the partners' activity reads the
 * ledger, a held visit's report may become overdue or be filed, and a person's inbound record
 * (the experts feature's card on the person page) lists their visits.
 */
const DERIVED_KEYS = [['ledger'], ['partners'], ['timeline'], OVERDUE_KEY, ['experts', 'inbound-record']] as const;

/** Visits over the API; any write also refreshes the ledger, the dashboard, the partners' activity and the overdue reports. */
export const visitsApi = createResourceHooks<Visit, VisitInput, VisitUpdate, VisitsSearch>({
  key: 'visits',
  path: '/visits',
  entity: 'visit',
  filters: (search) => ({
    status: search.status,
    purpose: search.purpose,
    unitId: search.unitId,
    country: search.country,
    personId: search.personId,
    from: search.from,
    to: search.to,
    notable: search.notable,
    protocolThreshold: search.protocolThreshold,
    overdue: search.overdue,
    counted: search.counted,
  }),
  alsoOnWrite: DERIVED_KEYS,
});

/** Take one step of the workflow; the visit, its lists, its history and the ledger's figures refresh. */
export function useVisitTransition(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: VisitTransition) => api.post<Visit>(`/visits/${id}/transitions`, step),
    onSuccess: (saved) => {
      client.setQueryData(visitsApi.keys.one(id), saved);
      void client.invalidateQueries({ queryKey: visitsApi.keys.lists });
      void client.invalidateQueries({ queryKey: historyKey('visit', id) });
      for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
    },
  });
}

/** Upload and delete a visit's photos and signed minutes; the visit (which lists them) is read again. */
export function useVisitFiles(id: number) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: visitsApi.keys.one(id) });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<VisitFile>(`/visits/${id}/files`, form);
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (fileId: number) => api.del(`/visits/${id}/files/${fileId}`),
    onSuccess: refresh,
  });
  return { upload, remove };
}

/** Where a visit's file is downloaded from (the browser sends the session cookie). */
export const visitFileUrl = (visitId: number, fileId: number) => `/api/visits/${visitId}/files/${fileId}`;

/** The invitation letter of one visitor, as a PDF in English or Chinese. */
export const invitationLetterUrl = (visitId: number, personId: number, lang: 'en' | 'zh') =>
  `/api/visits/${visitId}/invitation-letter${toQuery({ lang, memberId: personId })}`;

/** Held visits whose report is overdue at `asOf` (today when absent), per host unit. */
export function useOverdueReports(asOf: string | undefined) {
  return useQuery({
    queryKey: [...OVERDUE_KEY, asOf ?? 'today'],
    queryFn: ({ signal }) => api.get<OverdueReports>(`/visits/overdue-reports${toQuery({ asOf })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** The overdue reports as a file to download, in the user's language. */
export const overdueReportsUrl = (asOf: string | undefined, format: 'csv' | 'xlsx') => `/api/visits/overdue-reports${toQuery({ asOf, format })}`;

/** The visits a person came on, newest first (the person page's card). Under the lists' key, so that any visit write refreshes it. */
export function usePersonVisits(personId: number, pageSize: number) {
  return useQuery({
    queryKey: [...visitsApi.keys.lists, 'person', personId, pageSize],
    queryFn: ({ signal }) => api.get<Page<Visit>>(`/visits${toQuery({ personId, sort: 'startDate', order: 'desc', pageSize })}`, signal),
  });
}

/**
 * How many of a person's visits count as inbound person-times (held or closed): the totals of
 * two one-row pages, so that the figure is exact however many visits there are.
 */
export function usePersonVisitTimes(personId: number) {
  const results = useQueries({
    queries: COUNTED_STATUSES.map((status) => ({
      queryKey: [...visitsApi.keys.lists, 'person', personId, 'count', status],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<Visit>>(`/visits${toQuery({ personId, status, pageSize: 1 })}`, signal),
    })),
  });
  return results.every((r) => r.data) ? results.reduce((sum, r) => sum + (r.data?.total ?? 0), 0) : undefined;
}
