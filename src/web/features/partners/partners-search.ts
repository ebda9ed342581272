import { CountryCode, IsoDate } from '../../../shared/contracts/common.ts';
import { InstitutionKind } from '../../../shared/contracts/institutions.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = { page: PAGING.page, pageSize: PAGING.pageSize, q: PAGING.q, asOf: IsoDate, country: CountryCode, kind: InstitutionKind };

/** The partners page's state in the URL: the as-of date, the country clicked on the map, the list's search and page. */
export type PartnersSearch = SearchOf<typeof SHAPE>;
/** Read the partners page's URL params. */
export const validatePartnersSearch = lenientSearch(SHAPE);
