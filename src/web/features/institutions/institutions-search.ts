import { z } from 'zod';
import { CountryCode } from '../../../shared/contracts/common.ts';
import { INSTITUTION_SORTS, InstitutionKind } from '../../../shared/contracts/institutions.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = { ...PAGING, kind: InstitutionKind, country: CountryCode, sort: z.enum(INSTITUTION_SORTS) };

/** The institutions list's state in the URL: search, filters, sort, page. */
export type InstitutionsSearch = SearchOf<typeof SHAPE>;
/** Read the institutions list's URL params. */
export const validateInstitutionsSearch = lenientSearch(SHAPE);
