import { useQuery } from '@tanstack/react-query';
import type { Honour, HonourInput, HonourUpdate, PersonHonours } from '../../../shared/contracts/honours.ts';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { HonoursSearch } from './honours-search.ts';

/** The figures read honours; a person's card lists theirs. */
const DERIVED_KEYS = [['reports'], ['honours', 'person']] as const;

const filters = (search: HonoursSearch) => ({
  kind: search.kind,
  country: search.country,
  personId: search.personId,
  unitId: search.unitId,
  notable: search.notable,
  fromYear: search.fromYear,
  toYear: search.toYear,
  asOf: search.asOf,
});

/** Honours over the API; any write also refreshes the figures and the person's honours. */
export const honoursApi = createResourceHooks<Honour, HonourInput, HonourUpdate, HonoursSearch>({
  key: 'honours',
  path: '/honours',
  entity: 'honour',
  filters,
  alsoOnWrite: DERIVED_KEYS,
});

/** The list as a file to download, with the list's filters and sort (the server writes it in the user's language). */
export const honoursFileUrl = (search: HonoursSearch, format: 'csv' | 'xlsx') =>
  `/api/honours${toQuery({ ...filters(search), q: search.q, sort: search.sort, order: search.order, format })}`;

/** A person's honours, for the card on their page. */
export function usePersonHonours(personId: number) {
  return useQuery({
    queryKey: ['honours', 'person', personId],
    queryFn: ({ signal }) => api.get<PersonHonours>(`/people/${personId}/honours`, signal),
  });
}
