import { ConferenceQuery, OverdueSummariesQuery } from '../../../shared/contracts/conferences.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The conferences list's state in the URL: search, filters, sort, page (the contract's query). */
export type ConferencesSearch = QuerySearch<typeof ConferenceQuery>;
/** Read the conferences list's URL params. */
export const validateConferencesSearch = querySearch(ConferenceQuery);

/** The overdue summaries page's state in the URL: the date they are overdue on. */
export type OverdueSearch = QuerySearch<typeof OverdueSummariesQuery>;
/** Read the overdue summaries page's URL params. */
export const validateOverdueSearch = querySearch(OverdueSummariesQuery);
