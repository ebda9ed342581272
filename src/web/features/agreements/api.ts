import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agreement, AgreementDocument, AgreementInput, AgreementTransition, AgreementUpdate } from '../../../shared/contracts/agreements.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { AgreementsSearch } from './agreements-search.ts';

const WATCH_KEY = ['agreements', 'renewal-watch'] as const;
/** Queries outside the agreements list that an agreement's change can alter. */
const DERIVED_KEYS = [WATCH_KEY, ['partners'], ['timeline']] as const;

/** Agreements over the API; any write also refreshes the renewal watch, the partner figures and the timelines. */
export const agreementsApi = createResourceHooks<Agreement, AgreementInput, AgreementUpdate, AgreementsSearch>({
  key: 'agreements',
  path: '/agreements',
  entity: 'agreement',
  filters: (search) => ({
    level: search.level,
    kind: search.kind,
    status: search.status,
    country: search.country,
    unitId: search.unitId,
    expiringWithinMonths: search.expiringWithinMonths,
    dormant: search.dormant,
  }),
  alsoOnWrite: DERIVED_KEYS,
});

/** After a write that answered with the agreement: cache it, refresh what depends on it. */
function useAfterWrite() {
  const client = useQueryClient();
  return (saved: Agreement) => {
    client.setQueryData(agreementsApi.keys.one(saved.id), saved);
    void client.invalidateQueries({ queryKey: agreementsApi.keys.lists });
    void client.invalidateQueries({ queryKey: historyKey('agreement', saved.id) });
    for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
  };
}

/** Move an agreement one step along its lifecycle. */
export function useTransition(id: number) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (step: AgreementTransition) => api.post<Agreement>(`/agreements/${id}/transitions`, step),
    onSuccess: afterWrite,
  });
}

/** Draft the successor of an agreement; answers the new draft. */
export function useRenewal(id: number) {
  const client = useQueryClient();
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (version: number) => api.post<Agreement>(`/agreements/${id}/renewal`, { version }),
    onSuccess: (successor) => {
      afterWrite(successor);
      // the predecessor now names its successor
      void client.invalidateQueries({ queryKey: agreementsApi.keys.one(id) });
      void client.invalidateQueries({ queryKey: historyKey('agreement', id) });
    },
  });
}

/** Upload and delete an agreement's signed documents; the agreement (which lists them) is read again. */
export function useDocuments(id: number) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: agreementsApi.keys.one(id) });
    void client.invalidateQueries({ queryKey: historyKey('agreement', id) });
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<AgreementDocument>(`/agreements/${id}/documents`, form);
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (documentId: number) => api.del(`/agreements/${id}/documents/${documentId}`),
    onSuccess: refresh,
  });
  return { upload, remove };
}

/** Where a document is downloaded from (the browser sends the session cookie). */
export const documentUrl = (agreementId: number, documentId: number) => `/api/agreements/${agreementId}/documents/${documentId}`;

/** What ends within `months`, soonest first. */
export function useRenewalWatch(months: number) {
  return useQuery({
    queryKey: [...WATCH_KEY, months],
    queryFn: ({ signal }) => api.get<{ asOf: string; months: number; items: Agreement[] }>(`/agreements/renewal-watch${toQuery({ months })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** The renewal watch as a file to download. */
export const renewalWatchUrl = (months: number, format: 'csv' | 'xlsx') => `/api/agreements/renewal-watch${toQuery({ months, format })}`;

/** Agreements matching a few filters, without the list page's URL state (an institution's, an organization's). */
export function useAgreementsWhere(params: { institutionId?: number; kind?: string; pageSize?: number }) {
  return useQuery({
    queryKey: ['agreements', 'list', 'where', params],
    queryFn: ({ signal }) => api.get<Page<Agreement>>(`/agreements${toQuery({ sort: 'termEndsOn', pageSize: 200, ...params })}`, signal),
  });
}
