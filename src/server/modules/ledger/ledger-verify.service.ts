import type { Queryable } from '../../db/client.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { personTimes, personTimesBy, personTimesByYear, type PersonTimesFilter } from './ledger-figures.service.ts';

/** A rollup cell whose stored sums differ from the recount (null: the cell is missing on that side). */
export interface CellDifference {
  direction: string;
  year: number;
  who: string;
  category: string;
  countryCode: string | null;
  unitId: number | null;
  isAggregate: boolean;
  stored: { personTimes: number; rows: number } | null;
  recounted: { personTimes: number; rows: number } | null;
}

/** A figure read from the rollups that differs from the same figure summed over the ledger. */
export interface FigureDifference {
  figure: string;
  fromRollups: unknown;
  fromLedger: unknown;
}

export interface VerifyResult {
  cells: number;
  figures: number;
  cellDifferences: CellDifference[];
  figureDifferences: FigureDifference[];
}

/** Every cell recounted from the raw ledger beside what the rollups hold, kept when they differ. */
async function differingCells(db: Queryable): Promise<{ cells: number; differences: CellDifference[] }> {
  const { rows } = await db.query<CellDifference & { differs: boolean }>(
    `WITH recount AS (
       SELECT direction, extract(year FROM start_date)::int AS year, who, category, country_code, unit_id, is_aggregate,
              sum(count)::bigint AS person_times, count(*)::bigint AS rows
       FROM ledger GROUP BY 1, 2, 3, 4, 5, 6, 7)
     SELECT coalesce(r.direction, c.direction) AS direction, coalesce(r.year, c.year) AS year, coalesce(r.who, c.who) AS who,
            coalesce(r.category, c.category) AS category, coalesce(r.country_code, c.country_code) AS "countryCode",
            coalesce(r.unit_id, c.unit_id) AS "unitId", coalesce(r.is_aggregate, c.is_aggregate) AS "isAggregate",
            CASE WHEN r.direction IS NULL THEN NULL ELSE json_build_object('personTimes', r.person_times, 'rows', r.rows) END AS stored,
            CASE WHEN c.direction IS NULL THEN NULL ELSE json_build_object('personTimes', c.person_times, 'rows', c.rows) END AS recounted,
            (r.person_times IS DISTINCT FROM c.person_times OR r.rows IS DISTINCT FROM c.rows) AS differs
     FROM ledger_rollup r FULL JOIN recount c
       ON r.direction = c.direction AND r.year = c.year AND r.who = c.who AND r.category = c.category
      AND coalesce(r.country_code, '') = coalesce(c.country_code, '') AND coalesce(r.unit_id, 0) = coalesce(c.unit_id, 0)
      AND r.is_aggregate = c.is_aggregate`,
  );
  return { cells: rows.length, differences: rows.filter((r) => r.differs).map(({ differs: _, ...cell }) => cell) };
}

/** The same filter as plain SQL over the raw ledger. */
function ledgerWhere(f: PersonTimesFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown, sql: string) => {
    if (value === undefined) return;
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  add(f.direction, 'direction = ?');
  add(f.who, 'who = ?');
  add(f.from, 'start_date >= ?::date');
  add(f.to, 'start_date <= ?::date');
  add(f.unitId, 'unit_id IN (SELECT unit_subtree(?))');
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const json = (value: unknown) => JSON.stringify(value);
/** Key → value pairs in key order, so two sources compare whatever order they listed them in. */
const byKey = (pairs: Array<[string, number]>) => json(Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

/**
 * The figures that read the rollups, each beside the same figure summed over the raw ledger:
 * the fact sheet's since-1980 and since-1954 totals, both directions by year and by country,
 * a period with partial edge years, and each top-level unit's subtree.
 */
async function differingFigures(db: Queryable, today: string): Promise<{ figures: number; differences: FigureDifference[] }> {
  const checks: Array<{ figure: string; rollups: () => Promise<unknown>; ledger: () => Promise<unknown> }> = [];
  const total = (name: string, f: PersonTimesFilter) =>
    checks.push({
      figure: name,
      rollups: () => personTimes(db, f),
      ledger: async () => {
        const w = ledgerWhere(f);
        return (await db.query<{ n: number }>(`SELECT coalesce(sum(count), 0)::bigint AS n FROM ledger ${w.sql}`, w.params)).rows[0]!.n;
      },
    });
  total('inbound.personTimesSince1980', { direction: 'inbound', from: '1980-01-01', to: today });
  total('outbound.personTimesSince1954', { direction: 'outbound', who: 'staff', from: '1954-01-01', to: today });
  total('inbound, every row', { direction: 'inbound' });
  total('outbound, every row', { direction: 'outbound' });
  total('inbound 1994-04-10 … 2019-08-31 (partial edge years)', { direction: 'inbound', from: '1994-04-10', to: '2019-08-31' });
  const units = await db.query<{ id: number }>('SELECT id FROM units WHERE parent_id IN (SELECT id FROM units WHERE parent_id IS NULL) ORDER BY id');
  for (const { id } of units.rows) total(`inbound since 1980, unit ${id} and its sub-units`, { direction: 'inbound', from: '1980-01-01', to: today, unitId: id });
  for (const direction of ['inbound', 'outbound'] as const) {
    checks.push({
      figure: `${direction} by year`,
      rollups: async () => json(await personTimesByYear(db, { direction })),
      ledger: async () =>
        json((await db.query(`SELECT extract(year FROM start_date)::int AS year, sum(count)::bigint AS "personTimes" FROM ledger WHERE direction = $1 GROUP BY 1 ORDER BY 1`, [direction])).rows),
    });
    checks.push({
      figure: `${direction} by country or region`,
      rollups: async () => byKey((await personTimesBy(db, 'country', { direction })).map((r) => [r.key ?? '-', r.personTimes])),
      ledger: async () => {
        const sql = `SELECT coalesce(country_code, '-') AS key, sum(count)::bigint AS n FROM ledger WHERE direction = $1 GROUP BY 1`;
        return byKey((await db.query<{ key: string; n: number }>(sql, [direction])).rows.map((r) => [r.key, r.n]));
      },
    });
  }
  const differences: FigureDifference[] = [];
  for (const check of checks) {
    const [fromRollups, fromLedger] = [await check.rollups(), await check.ledger()];
    if (json(fromRollups) !== json(fromLedger)) differences.push({ figure: check.figure, fromRollups, fromLedger });
  }
  return { figures: checks.length, differences };
}

/**
 * `report verify`: recomputes every rollup cell, and every figure that reads the rollups,
 * from the raw ledger, and lists what differs. An empty list is the proof that the rollups
 * (kept by the ledger's writer) equal a full recount.
 */
export async function verifyLedgerRollups(db: Queryable, today = officeToday()): Promise<VerifyResult> {
  const cells = await differingCells(db);
  const figures = await differingFigures(db, today);
  return { cells: cells.cells, figures: figures.figures, cellDifferences: cells.differences, figureDifferences: figures.differences };
}
