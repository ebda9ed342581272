import { InstitutionQuery } from '../../../shared/contracts/institutions.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The institutions list's state in the URL: search, filters, sort, page (the contract's query). */
export type InstitutionsSearch = QuerySearch<typeof InstitutionQuery>;
/** Read the institutions list's URL params. */
export const validateInstitutionsSearch = querySearch(InstitutionQuery);
