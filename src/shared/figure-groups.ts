import type { Application } from './contracts/exchanges.ts';
import type { Honour } from './contracts/honours.ts';
import type { FigureKey } from './contracts/reports.ts';
import type { StudentEnrolment } from './contracts/students.ts';

/** The distinct things a figure's records are grouped by: a host institution, a host's country, a student's country, an honour. */
export const FIGURE_GROUPINGS = ['host', 'hostCountry', 'country', 'honour'] as const;
export type FigureGrouping = (typeof FIGURE_GROUPINGS)[number];

/**
 * The figures that count distinct things among their records ("31 universities" among 199
 * applications), and what their drill-down groups the records by, so that it shows as many groups
 * as the figure counts. The figure's records link carries the grouping as `groupBy`.
 */
export const DISTINCT_FIGURES: Readonly<Partial<Record<FigureKey, FigureGrouping>>> = {
  'exchange.universities': 'host',
  'exchange.countries': 'hostCountry',
  'students.foreignCountries': 'country',
  honours: 'honour',
};

/** The row each grouping's records list gives. */
export interface GroupedRows {
  host: Application;
  hostCountry: Application;
  country: StudentEnrolment;
  honour: Honour;
}

/**
 * The same honour from the same body: its kind, its English name and its awarding body. The
 * honours figure groups its lines by it, and its drill-down groups the listed honours by it.
 */
export function honourGroupKey(h: Pick<Honour, 'kind' | 'nameEn' | 'awardingInstitutionId' | 'awardingBody'>): string {
  return `${h.kind}|${h.nameEn.trim().toLowerCase()}|i${h.awardingInstitutionId ?? ''}|t${(h.awardingBody ?? '').trim().toLowerCase()}`;
}

/**
 * The group a listed record belongs to under a grouping, or null when it belongs to none (a host
 * without a country is in no country, as the figure's SQL `count(DISTINCT …)` leaves it out).
 */
export const GROUP_KEYS: { readonly [G in FigureGrouping]: (row: GroupedRows[G]) => string | null } = {
  host: (a) => String(a.hostInstitutionId),
  hostCountry: (a) => a.hostInstitution.countryCode,
  country: (e) => e.countryCode,
  honour: honourGroupKey,
};

/** A records list grouped: each group's key, its first row (to name it) and its number of rows; rows in no group apart. */
export function groupRows<G extends FigureGrouping>(grouping: G, rows: readonly GroupedRows[G][]): { groups: Array<{ key: string; first: GroupedRows[G]; rows: number }>; ungrouped: number } {
  const groups = new Map<string, { key: string; first: GroupedRows[G]; rows: number }>();
  let ungrouped = 0;
  for (const row of rows) {
    const key = GROUP_KEYS[grouping](row);
    if (key === null) {
      ungrouped++;
      continue;
    }
    const group = groups.get(key);
    if (group) group.rows++;
    else groups.set(key, { key, first: row, rows: 1 });
  }
  return { groups: [...groups.values()].sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key)), ungrouped };
}
