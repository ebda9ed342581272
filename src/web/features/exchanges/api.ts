import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AllocationResult, Application, ApplicationInput, ApplicationTransition, ApplicationUpdate, Opportunity, OpportunityInput, OpportunityUpdate } from '../../../shared/contracts/exchanges.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { ApplicationsSearch, OpportunitiesSearch } from './exchanges-search.ts';

/** Queries outside the exchanges that a departure changes: it is a person-time of the ledger, read by the dashboard and the fact sheet. */
const DERIVED_KEYS = [['ledger'], ['reports'], ['exchange-opportunities'], ['exchange-applications']] as const;

/** The applications list's filters, as the API names them. */
const applicationFilters = (search: ApplicationsSearch) => ({
  status: search.status,
  academicYear: search.academicYear,
  opportunityId: search.opportunityId,
  hostInstitutionId: search.hostInstitutionId,
  country: search.country,
  region: search.region,
  unitId: search.unitId,
  counted: search.counted,
  departedFrom: search.departedFrom,
  departedTo: search.departedTo,
});

/** Applications over the API; any write also refreshes the opportunities (their places taken) and the ledger's figures. */
export const applicationsApi = createResourceHooks<Application, ApplicationInput, ApplicationUpdate, ApplicationsSearch>({
  key: 'exchange-applications',
  path: '/exchange-applications',
  entity: 'exchange_application',
  filters: applicationFilters,
  alsoOnWrite: DERIVED_KEYS,
});

/** Opportunities over the API. */
export const opportunitiesApi = createResourceHooks<Opportunity, OpportunityInput, OpportunityUpdate, OpportunitiesSearch>({
  key: 'exchange-opportunities',
  path: '/exchange-opportunities',
  entity: 'exchange_opportunity',
  filters: (search) => ({ academicYear: search.academicYear, kind: search.kind, hostInstitutionId: search.hostInstitutionId, country: search.country, unitId: search.unitId }),
});

/** The applications list as it is filtered, as a file in the user's language (every matching application, not one page). */
export const applicationsExportUrl = (search: ApplicationsSearch, format: 'csv' | 'xlsx') =>
  `/api/exchange-applications${toQuery({ ...applicationFilters(search), q: search.q, sort: search.sort, order: search.order, format })}`;

/** Take one step of an application's workflow at its version; the application, the lists and the figures refresh. */
export function useApplicationTransition(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: ApplicationTransition) => api.post<Application>(`/exchange-applications/${id}/transitions`, step),
    onSuccess: (saved) => {
      client.setQueryData(applicationsApi.keys.one(id), saved);
      void client.invalidateQueries({ queryKey: historyKey('exchange_application', id) });
      for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
    },
  });
}

/** The office allocates an opportunity's places by score then application date; the opportunity and its applications refresh. */
export function useAllocation(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AllocationResult>(`/exchange-opportunities/${id}/allocation`, {}),
    onSuccess: () => {
      for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
    },
  });
}
