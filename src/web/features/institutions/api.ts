import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CatalogueEntry, Institution, InstitutionInput, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { InstitutionsSearch } from './institutions-search.ts';

/** Institutions over the API; a new one also changes the catalogue (it shows which entries are added). */
export const institutionsApi = createResourceHooks<Institution, InstitutionInput, InstitutionUpdate, InstitutionsSearch>({
  key: 'institutions',
  path: '/institutions',
  entity: 'institution',
  filters: (search) => ({ kind: search.kind, country: search.country }),
  alsoOnCreate: [['catalogue']],
});

/** Entries of the reference catalogue matching at least two typed characters. */
export function useCatalogue(q: string, country?: string) {
  return useQuery({
    queryKey: ['catalogue', q, country ?? null],
    queryFn: ({ signal }) => api.get<CatalogueEntry[]>(`/catalogue${toQuery({ q, country, limit: 20 })}`, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
