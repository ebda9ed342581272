import type { Agreement, AgreementDocument, AgreementInput, AgreementTransition, AgreementUpdate } from '../../../shared/contracts/agreements.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { AcceptIiaDifference, AgreementEwpStatus, EwpPullInput, EwpPullSummary } from '../../../shared/contracts/ewp-iia-copies.ts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { downloadUrl, useApiGet, useRefresh } from '../../lib/api-query.ts';
import { createResourceHooks, type FileFormat } from '../../lib/resource-api.ts';
import type { AgreementsSearch } from './agreements-search.ts';

const WATCH_KEY = ['agreements', 'renewal-watch'] as const;

/** Agreements over the API; any write also refreshes the renewal watch, the partner figures and the timelines. */
export const agreementsApi = createResourceHooks<Agreement, AgreementInput, AgreementUpdate, AgreementsSearch, AgreementTransition>('agreements', 'agreement', {
  filters: ['level', 'kind', 'status', 'country', 'unitId', 'expiringWithinMonths', 'dormant'],
  alsoOnWrite: [WATCH_KEY, ['partners'], ['timeline']],
});

/** Move an agreement one step along its lifecycle. */
export const useTransition = (id: number) => agreementsApi.useTransition(id);

/** Draft the successor of an agreement; answers the new draft. */
export const useRenewal = (id: number) => agreementsApi.useRenewal(id);

/** Upload and delete an agreement's signed documents; the agreement (which lists them) is read again. */
export const useDocuments = (id: number) => agreementsApi.useFiles<AgreementDocument>(id, 'documents');

/** Where a document is downloaded from (the browser sends the session cookie). */
export const documentUrl = (agreementId: number, documentId: number) => agreementsApi.fileUrl(agreementId, 'documents', documentId);

/** What ends within `months`, soonest first. */
export const useRenewalWatch = (months: number) =>
  useApiGet<{ asOf: string; months: number; items: Agreement[] }>([...WATCH_KEY, months], '/agreements/renewal-watch', { months }, { keep: true });

/** The renewal watch as a file to download. */
export const renewalWatchUrl = (months: number, format: FileFormat) => downloadUrl('/agreements/renewal-watch', { months }, format);

/** Agreements matching a few filters, without the list page's URL state (an institution's, an organization's). */
export const useAgreementsWhere = (params: { institutionId?: number; kind?: string; pageSize?: number }) =>
  useApiGet<Page<Agreement>>(['agreements', 'list', 'where', params], '/agreements', { sort: 'termEndsOn', pageSize: 200, ...params });

const ewpKey = (id: number) => ['agreements', 'ewp', id] as const;

/** An agreement's standing in the EWP network: published or why not, the partner's copy as last pulled and where it differs. */
export const useAgreementEwp = (id: number) => useApiGet<AgreementEwpStatus>(ewpKey(id), `/agreements/${id}/ewp`);

/** Accept the partner's value of one IIA term at the agreement's version: answers the agreement as changed; the agreement and its EWP status are read again. */
export function useAcceptIiaDifference(id: number) {
  const afterWrite = agreementsApi.useAfterWrite();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: AcceptIiaDifference) => api.post<Agreement>(`/agreements/${id}/ewp/accept`, input),
    onSuccess: (saved: Agreement) => {
      afterWrite(saved);
      refresh([ewpKey(id)]);
    },
    // refused (changed meanwhile, nothing left to accept): show the agreement and its differences as they now stand
    onError: () => refresh([agreementsApi.keys.one(id), ewpKey(id)]),
  });
}

/**
 * The office pulls the partner's IIAs now (from `manifestUrl`, else the manifest of its last pull):
 * answers what the pull found; the agreement's EWP status (its copy, its differences) is read again.
 */
export function usePullPartnerIias(id: number, partnerHeiId: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: EwpPullInput) => api.post<EwpPullSummary>(`/ewp/partners/${encodeURIComponent(partnerHeiId ?? '')}/pull`, input),
    onSettled: () => refresh([ewpKey(id)]),
  });
}
