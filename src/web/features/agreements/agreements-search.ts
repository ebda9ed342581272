import { AgreementQuery, RenewalWatchQuery } from '../../../shared/contracts/agreements.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The agreements list's state in the URL: search, filters, sort, page (the contract's query). */
export type AgreementsSearch = QuerySearch<typeof AgreementQuery>;
/** Read the agreements list's URL params. */
export const validateAgreementsSearch = querySearch(AgreementQuery);

/** The renewal watch's state in the URL: how many months ahead. */
export type RenewalWatchSearch = QuerySearch<typeof RenewalWatchQuery>;
/** Read the renewal watch's URL params. */
export const validateRenewalWatchSearch = querySearch(RenewalWatchQuery);
