import { useQueries } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import { COUNTED_STATUSES, type OverdueReports, type Visit, type VisitFile, type VisitInput, type VisitTransition, type VisitUpdate } from '../../../shared/contracts/visits.ts';
import { api, toQuery } from '../../lib/api.ts';
import { overdueReport, useApiGet } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { VisitsSearch } from './visits-search.ts';

/** Held visits whose report is overdue, per host unit. */
const overdue = overdueReport<OverdueReports>('visits', 'overdue-reports');

/**
 * Visits over the API. A visit's change can alter queries outside its list: its visitors are
 * person-times of the ledger (the dashboard's figures read the ledger too), the partners' activity
 * reads the ledger, a held visit's report may become overdue or be filed, and a person's inbound
 * record (the experts feature's card on the person page) lists their visits.
 */
export const visitsApi = createResourceHooks<Visit, VisitInput, VisitUpdate, VisitsSearch, VisitTransition>('visits', 'visit', {
  filters: ['status', 'purpose', 'unitId', 'country', 'personId', 'from', 'to', 'notable', 'protocolThreshold', 'overdue', 'counted'],
  alsoOnWrite: [['ledger'], ['partners'], ['timeline'], overdue.key, ['experts', 'inbound-record']],
});

/** Take one step of the workflow; the visit, its lists, its history and the ledger's figures refresh. */
export const useVisitTransition = (id: number) => visitsApi.useTransition(id);

/** Upload and delete a visit's photos and signed minutes; the visit (which lists them) is read again. */
export const useVisitFiles = (id: number) => visitsApi.useFiles<VisitFile>(id, 'files');

/** Where a visit's file is downloaded from (the browser sends the session cookie). */
export const visitFileUrl = (visitId: number, fileId: number) => visitsApi.fileUrl(visitId, 'files', fileId);

/** The invitation letter of one visitor, as a PDF in English or Chinese. */
export const invitationLetterUrl = (visitId: number, personId: number, lang: 'en' | 'zh', date: string) =>
  `/api/visits/${visitId}/invitation-letter${toQuery({ lang, memberId: personId, date })}`;

/** Held visits whose report is overdue at `asOf` (today when absent), per host unit. */
export const useOverdueReports = overdue.useReport;

/** The overdue reports as a file to download, in the user's language. */
export const overdueReportsUrl = overdue.fileUrl;

/** The visits a person came on, newest first (the person page's card). Under the lists' key, so that any visit write refreshes it. */
export const usePersonVisits = (personId: number, pageSize: number) =>
  useApiGet<Page<Visit>>([...visitsApi.keys.lists, 'person', personId, pageSize], '/visits', { personId, sort: 'startDate', order: 'desc', pageSize });

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
