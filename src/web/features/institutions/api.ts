import type { CatalogueEntry, Institution, InstitutionInput, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { useApiGet } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { InstitutionsSearch } from './institutions-search.ts';

/** Institutions over the API; a new one also changes the catalogue (it shows which entries are added). */
export const institutionsApi = createResourceHooks<Institution, InstitutionInput, InstitutionUpdate, InstitutionsSearch>('institutions', 'institution', {
  filters: ['kind', 'country'],
  alsoOnCreate: [['catalogue']],
});

/** Entries of the reference catalogue matching at least two typed characters. */
export const useCatalogue = (q: string, country?: string) =>
  useApiGet<CatalogueEntry[]>(['catalogue', q, country ?? null], '/catalogue', { q, country, limit: 20 }, { enabled: q.length >= 2, keep: true, staleTime: 60_000 });
