import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/where.ts';
import { planPeriod } from './ledger-period.rules.ts';

/** What a rollup sum can filter on: the cell's columns, a period by start date, a unit subtree. */
export interface RollupFilter {
  direction?: string;
  who?: string;
  category?: string;
  country?: string;
  /** Exactly this unit (the ledger list's filter). */
  unitId?: number;
  from?: string;
  to?: string;
  aggregate?: 'true' | 'false';
}

/** The cell columns a sum can be broken down by. */
export const ROLLUP_KEYS = {
  year: 'year',
  country: 'country_code',
  category: 'category',
  unit: 'unit_id',
  who: 'who',
  aggregate: 'is_aggregate',
} as const;
export type RollupKey = keyof typeof ROLLUP_KEYS;

export interface RollupSum {
  key: string | number | boolean | null;
  personTimes: number;
  rows: number;
}

/**
 * The signed parts whose sums answer `filter` within `scope` (a unit subtree, or everything):
 * rows of (k0, k1, …: the cell columns `keys` name, person_times, rows). Whole years come from
 * the rollups; partial edge years from the ledger through its (direction, start_date) index,
 * added or subtracted as planPeriod decides. So the cost follows the number of cells plus the
 * rows of at most two short date spans, never the size of the ledger. `where` numbers the
 * placeholders (pass the statement's own when the parts are one piece of a larger statement);
 * null when the period is empty.
 */
export function rollupParts(filter: RollupFilter, scope: number | null, keys: RollupKey[], where: Where = new Where()): string | null {
  const plan = planPeriod(filter.from, filter.to);
  if (!plan.years && !plan.edges.length) return null;
  const cellWhere = new Where(where.params)
    .when(filter.direction, 'direction = ?')
    .when(filter.who, 'who = ?')
    .when(filter.category, 'category = ?')
    .when(filter.country, 'country_code = ?')
    .when(filter.unitId, 'unit_id = ?')
    .when(filter.aggregate === undefined ? undefined : filter.aggregate === 'true', 'is_aggregate = ?')
    .scope('unit_id', scope);
  const common = cellWhere.toString();
  const and = (extra: string) => (common ? `${common} AND ${extra}` : `WHERE ${extra}`);
  const cellKeys = keys.map((k, i) => `${ROLLUP_KEYS[k]} AS k${i}`);
  const ledgerKeys = keys.map((k, i) => `${k === 'year' ? 'extract(year FROM start_date)::int' : ROLLUP_KEYS[k]} AS k${i}`);
  const parts: string[] = [];
  if (plan.years) {
    const bounds = [
      plan.years.from === null ? null : `year >= ${where.param(plan.years.from)}`,
      plan.years.to === null ? null : `year <= ${where.param(plan.years.to)}`,
    ].filter(Boolean);
    parts.push(`SELECT ${[...cellKeys, 'person_times', 'rows'].join(', ')} FROM ledger_rollup ${bounds.length ? and(bounds.join(' AND ')) : common}`);
  }
  for (const edge of plan.edges) {
    const span = `start_date BETWEEN ${where.param(edge.from)}::date AND ${where.param(edge.to)}::date`;
    parts.push(`SELECT ${[...ledgerKeys, `${edge.sign} * count AS person_times`, `${edge.sign} AS rows`].join(', ')} FROM ledger ${and(span)}`);
  }
  return parts.join(' UNION ALL ');
}

/**
 * Person-times and rows matching `filter` within `scope`, optionally broken down by one cell
 * column, summed from rollupParts. Groups whose rows net to zero are left out.
 */
export async function rollupSums(db: Queryable, filter: RollupFilter, scope: number | null, by?: RollupKey): Promise<RollupSum[]> {
  const where = new Where();
  const union = rollupParts(filter, scope, by ? [by] : [], where);
  if (!union) return by ? [] : [{ key: null, personTimes: 0, rows: 0 }];
  if (!by) {
    const { rows } = await db.query<RollupSum>(
      `SELECT NULL AS key, coalesce(sum(person_times), 0)::bigint AS "personTimes", coalesce(sum(rows), 0)::bigint AS rows FROM (${union}) x`,
      where.params,
    );
    return rows;
  }
  const { rows } = await db.query<RollupSum>(
    `SELECT k0 AS key, sum(person_times)::bigint AS "personTimes", sum(rows)::bigint AS rows FROM (${union}) x
     GROUP BY k0 HAVING sum(rows) <> 0 ORDER BY k0 NULLS LAST`,
    where.params,
  );
  return rows;
}
