import type { Person, PersonInput, PersonUpdate } from '../../../shared/contracts/people.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { PeopleSearch } from './people-search.ts';

/** People over the API. */
export const peopleApi = createResourceHooks<Person, PersonInput, PersonUpdate, PeopleSearch>('people', 'person', { filters: ['nationality', 'unitId'] });
