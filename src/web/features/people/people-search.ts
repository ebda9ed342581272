import { PersonQuery } from '../../../shared/contracts/people.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The people list's state in the URL (the contract's query). */
export type PeopleSearch = QuerySearch<typeof PersonQuery>;
/** Read the people list's URL params. */
export const validatePeopleSearch = querySearch(PersonQuery);
