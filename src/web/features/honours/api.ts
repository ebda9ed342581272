import type { Honour, HonourInput, HonourUpdate, PersonHonours } from '../../../shared/contracts/honours.ts';
import { useApiGet } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { HonoursSearch } from './honours-search.ts';

/** Honours over the API; any write also refreshes the figures (they read honours) and the person's honours. */
export const honoursApi = createResourceHooks<Honour, HonourInput, HonourUpdate, HonoursSearch>('honours', 'honour', {
  filters: ['kind', 'country', 'personId', 'unitId', 'notable', 'fromYear', 'toYear', 'asOf'],
  alsoOnWrite: [['reports'], ['honours', 'person']],
});

/** The list as a file to download, with the list's filters and sort (the server writes it in the user's language). */
export const honoursFileUrl = honoursApi.exportUrl;

/** A person's honours, for the card on their page. */
export const usePersonHonours = (personId: number) => useApiGet<PersonHonours>(['honours', 'person', personId], `/people/${personId}/honours`);
