import { z } from 'zod';
import { CountryCode, Id } from '../../../shared/contracts/common.ts';
import { PERSON_SORTS } from '../../../shared/contracts/people.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = { ...PAGING, nationality: CountryCode, unitId: Id, sort: z.enum(PERSON_SORTS) };

/** The people list's state in the URL. */
export type PeopleSearch = SearchOf<typeof SHAPE>;
/** Read the people list's URL params. */
export const validatePeopleSearch = lenientSearch(SHAPE);
