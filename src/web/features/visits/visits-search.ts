import { OverdueReportsQuery, VisitQuery } from '../../../shared/contracts/visits.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The visits list's state in the URL: search, filters, sort, page (the contract's query). */
export type VisitsSearch = QuerySearch<typeof VisitQuery>;
/** Read the visits list's URL params. */
export const validateVisitsSearch = querySearch(VisitQuery);

/** The overdue reports page's state in the URL: the date they are read at (today when absent). */
export type OverdueReportsSearch = QuerySearch<typeof OverdueReportsQuery>;
/** Read the overdue reports page's URL params. */
export const validateOverdueReportsSearch = querySearch(OverdueReportsQuery);
