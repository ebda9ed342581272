import { z } from 'zod';
import { FIGURE_GROUPINGS, type FigureGrouping } from '../../shared/figure-groups.ts';
import type { QueryValue } from './api.ts';

/** The URL param a distinct figure's link adds to its list (`groupBy=host`): the list then shows its groups above. */
export const GROUP_SEARCH = { groupBy: z.enum(FIGURE_GROUPINGS) };

/** A list's URL state split: what the API reads, and the grouping the page shows above the list (if any). */
export function splitGrouping<S extends { groupBy?: FigureGrouping }>(search: S): { query: Omit<S, 'groupBy'>; groupBy: FigureGrouping | undefined } {
  const { groupBy, ...query } = search;
  return { query, groupBy };
}

/** A list's filters alone, for reading all its rows: no page, page size, sort or order. */
export function filtersOf(query: Record<string, unknown>): Record<string, QueryValue> {
  const { page: _page, pageSize: _pageSize, sort: _sort, order: _order, ...filters } = query;
  return filters as Record<string, QueryValue>;
}
