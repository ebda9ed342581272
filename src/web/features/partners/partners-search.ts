import { PartnerListQuery } from '../../../shared/contracts/agreements.ts';
import { InstitutionKind } from '../../../shared/contracts/institutions.ts';
import { querySearch, type QuerySearch } from '../../lib/url-search.ts';

// the API takes any text as a kind; the page offers the institution kinds only
const KIND = { kind: InstitutionKind };

/** The partners page's state in the URL: the as-of date, the country clicked on the map, the list's search and page. */
export type PartnersSearch = QuerySearch<typeof PartnerListQuery, typeof KIND>;
/** Read the partners page's URL params. */
export const validatePartnersSearch = querySearch(PartnerListQuery, KIND);
