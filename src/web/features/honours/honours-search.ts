import { z } from 'zod';
import { CountryCode, Id, IsoDate } from '../../../shared/contracts/common.ts';
import { HONOUR_SORTS, HonourKind } from '../../../shared/contracts/honours.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const Year = z.coerce.number().int().min(1900).max(2100);

const SHAPE = {
  ...PAGING,
  kind: HonourKind,
  country: CountryCode,
  personId: Id,
  unitId: Id,
  notable: z.enum(['true', 'false']),
  fromYear: Year,
  toYear: Year,
  /** Conferred on or before this day (a figure's drill-down). */
  asOf: IsoDate,
  sort: z.enum(HONOUR_SORTS),
};

/** The honours list's state in the URL: search, filters, sort, page. */
export type HonoursSearch = SearchOf<typeof SHAPE>;
/** Read the honours list's URL params. */
export const validateHonoursSearch = lenientSearch(SHAPE);

const NEW_SHAPE = { personId: Id };
/** The new honour page's state in the URL: the holder, when recorded from their page. */
export type NewHonourSearch = SearchOf<typeof NEW_SHAPE>;
/** Read the new honour page's URL params. */
export const validateNewHonourSearch = lenientSearch(NEW_SHAPE);
