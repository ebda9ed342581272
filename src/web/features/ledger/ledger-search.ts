import { z } from 'zod';
import { LedgerQuery } from '../../../shared/contracts/ledger.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** Which of the page's two tables is open: the page's own, not the API's. */
const TAB = { tab: z.enum(['rows', 'aggregates']) };

/** The ledger page's state in the URL: filters and page (the contract's query), and the tab. */
export type LedgerSearch = QuerySearch<typeof LedgerQuery, typeof TAB>;
/** Read the ledger page's URL params. */
export const validateLedgerSearch = querySearch(LedgerQuery, TAB);
