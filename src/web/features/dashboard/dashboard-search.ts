import { z } from 'zod';
import { Id } from '../../../shared/contracts/common.ts';
import { Direction } from '../../../shared/contracts/ledger.ts';
import { lenientSearch, type SearchOf } from '../../lib/url-search.ts';

const Year = z.coerce.number().int().min(1950).max(2100);

const SHAPE = { from: Year, to: Year, unitId: Id, direction: Direction };

/** The dashboard's state in the URL: the period (years), the unit, the map's direction. */
export type DashboardSearch = SearchOf<typeof SHAPE>;
/** Read the dashboard's URL params. */
export const validateDashboardSearch = lenientSearch(SHAPE);

/** The first and last day of a period of whole years, as the ledger's filters take them. */
export function periodDates(search: Pick<DashboardSearch, 'from' | 'to'>): { from?: string; to?: string } {
  return { from: search.from ? `${search.from}-01-01` : undefined, to: search.to ? `${search.to}-12-31` : undefined };
}
