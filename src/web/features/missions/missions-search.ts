import { MissionOverdueQuery, MissionQuery } from '../../../shared/contracts/missions.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

/** The missions list's state in the URL: search, filters, sort, page (the contract's query). */
export type MissionsSearch = QuerySearch<typeof MissionQuery>;
/** Read the missions list's URL params. */
export const validateMissionsSearch = querySearch(MissionQuery);

/** The overdue mission reports page's state in the URL: the date they are read at (today when absent). */
export type MissionOverdueSearch = QuerySearch<typeof MissionOverdueQuery>;
/** Read the overdue mission reports page's URL params. */
export const validateMissionOverdueSearch = querySearch(MissionOverdueQuery);
