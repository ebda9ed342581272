import { z } from 'zod';
import { Id } from '../../../shared/contracts/common.ts';
import { ApplicationQuery, OpportunityQuery } from '../../../shared/contracts/exchanges.ts';
import { GROUP_SEARCH } from '../../lib/group-search.ts';
import { lenientSearch, querySearch, type QuerySearch, type SearchOf } from '../../lib/url-search.ts';

/**
 * The applications list's state in the URL (the contract's query). The fact sheet's exchange
 * figures link here with `counted`, `departedFrom`, `departedTo`, `region` and `unitId`, the same
 * names the API reads, so the page lists exactly what a figure counts.
 */
export type ApplicationsSearch = QuerySearch<typeof ApplicationQuery, typeof GROUP_SEARCH>;
/** Read the applications list's URL params (and `groupBy`, from a distinct figure's link). */
export const validateApplicationsSearch = querySearch(ApplicationQuery, GROUP_SEARCH);

// the API orders opportunities itself; the list keeps the shared shape
const OPPORTUNITY_SORT = { sort: z.enum(['academicYear']) };
/** The opportunities list's state in the URL. */
export type OpportunitiesSearch = QuerySearch<typeof OpportunityQuery, typeof OPPORTUNITY_SORT>;
/** Read the opportunities list's URL params. */
export const validateOpportunitiesSearch = querySearch(OpportunityQuery, OPPORTUNITY_SORT);

const NEW_APPLICATION_SHAPE = { opportunityId: Id };
/** The new application page's URL: the opportunity it is for, when started from the opportunity's page. */
export type NewApplicationSearch = SearchOf<typeof NEW_APPLICATION_SHAPE>;
/** Read the new application page's URL params. */
export const validateNewApplicationSearch = lenientSearch(NEW_APPLICATION_SHAPE);
