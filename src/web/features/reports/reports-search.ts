import { z } from 'zod';
import { Id, IsoDate, Locale } from '../../../shared/contracts/common.ts';
import { lenientSearch, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = {
  tab: z.enum(['factsheet', 'year']),
  lang: Locale,
  asOf: IsoDate,
  year: z.coerce.number().int().min(1950).max(2100),
  unitId: Id,
};

/** The reports page's state in the URL: which report, its language, date or academic year, unit. */
export type ReportsSearch = SearchOf<typeof SHAPE>;
/** Read the reports page's URL params. */
export const validateReportsSearch = lenientSearch(SHAPE);

/** The academic year (named by the year it starts in, 1 September) that a date falls in. */
export function academicYearOf(date: Date): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}
