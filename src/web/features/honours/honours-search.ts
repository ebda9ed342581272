import { Id } from '../../../shared/contracts/common.ts';
import { HonourQuery } from '../../../shared/contracts/honours.ts';
import { GROUP_SEARCH } from '../../lib/group-search.ts';
import { lenientSearch, querySearch, type QuerySearch, type SearchOf } from '../../lib/url-search.ts';

/** The honours list's state in the URL: search, filters, sort, page (the contract's query). */
export type HonoursSearch = QuerySearch<typeof HonourQuery, typeof GROUP_SEARCH>;
/** Read the honours list's URL params (and `groupBy`, from a distinct figure's link). */
export const validateHonoursSearch = querySearch(HonourQuery, GROUP_SEARCH);

const NEW_SHAPE = { personId: Id };
/** The new honour page's state in the URL: the holder, when recorded from their page. */
export type NewHonourSearch = SearchOf<typeof NEW_SHAPE>;
/** Read the new honour page's URL params. */
export const validateNewHonourSearch = lenientSearch(NEW_SHAPE);
