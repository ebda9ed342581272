import { z } from 'zod';
import { CountryCode, Id, IsoDate } from '../../../shared/contracts/common.ts';
import { Direction, LedgerCategory, Who } from '../../../shared/contracts/ledger.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = {
  page: PAGING.page,
  pageSize: PAGING.pageSize,
  direction: Direction,
  who: Who,
  category: LedgerCategory,
  country: CountryCode,
  unitId: Id,
  from: IsoDate,
  to: IsoDate,
  aggregate: z.enum(['true', 'false']),
  tab: z.enum(['rows', 'aggregates']),
};

/** The ledger page's state in the URL: filters, page, tab. */
export type LedgerSearch = SearchOf<typeof SHAPE>;
/** Read the ledger page's URL params. */
export const validateLedgerSearch = lenientSearch(SHAPE);
