import type { AllocationResult, Application, ApplicationInput, ApplicationTransition, ApplicationUpdate, Opportunity, OpportunityInput, OpportunityUpdate } from '../../../shared/contracts/exchanges.ts';
import { api } from '../../lib/api.ts';
import { useWrite } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { ApplicationsSearch, OpportunitiesSearch } from './exchanges-search.ts';

/** Queries outside the exchanges that a departure changes: it is a person-time of the ledger, read by the dashboard and the fact sheet. */
const DERIVED_KEYS = [['ledger'], ['reports'], ['exchange-opportunities'], ['exchange-applications']] as const;

/** Applications over the API; any write also refreshes the opportunities (their places taken) and the ledger's figures. */
export const applicationsApi = createResourceHooks<Application, ApplicationInput, ApplicationUpdate, ApplicationsSearch, ApplicationTransition>('exchange-applications', 'exchange_application', {
  filters: ['status', 'academicYear', 'opportunityId', 'hostInstitutionId', 'country', 'region', 'unitId', 'counted', 'departedFrom', 'departedTo', 'selectedBy'],
  alsoOnWrite: DERIVED_KEYS,
});

/** Opportunities over the API. */
export const opportunitiesApi = createResourceHooks<Opportunity, OpportunityInput, OpportunityUpdate, OpportunitiesSearch>('exchange-opportunities', 'exchange_opportunity', {
  filters: ['academicYear', 'kind', 'hostInstitutionId', 'country', 'unitId'],
});

/** The applications list as it is filtered, as a file in the user's language (every matching application, not one page). */
export const applicationsExportUrl = applicationsApi.exportUrl;

/** Take one step of an application's workflow at its version; the application, the lists and the figures refresh. */
export const useApplicationTransition = (id: number) => applicationsApi.useTransition(id);

/** The office allocates an opportunity's places by score then application date; the opportunity and its applications refresh. */
export const useAllocation = (id: number) => useWrite<void, AllocationResult>(() => api.post<AllocationResult>(`/exchange-opportunities/${id}/allocation`, {}), () => DERIVED_KEYS);
