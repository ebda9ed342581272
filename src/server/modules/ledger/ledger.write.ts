import type { Queryable } from '../../db/client.ts';
import type { Direction, LedgerCategory, Who } from '../../../shared/contracts/ledger.ts';

/** The record a set of ledger rows comes from. */
export interface LedgerSource {
  module: string;
  id: number;
  /** For aggregate rows: the document the count was taken from. */
  document?: string | null;
}

/** One person-time (count 1, with a person) or one aggregate count (no person). */
export interface LedgerEntry {
  direction: Direction;
  who: Who;
  personId?: number | null;
  count?: number;
  category: LedgerCategory;
  countryCode: string | null;
  institutionId: number | null;
  unitId: number | null;
  startDate: string;
  endDate: string;
}

// The rollup cell of a ledger row (migration 0007): a row counts in the year it started.
const CELL = 'direction, year, who, category, country_code, unit_id, is_aggregate';
const CELL_OF_ROW = 'direction, extract(year FROM start_date)::int, who, category, country_code, unit_id, is_aggregate';
const RETURNED = 'RETURNING direction, who, category, country_code, unit_id, start_date, is_aggregate, count';

/**
 * Adds the signed changes of `delta` (a CTE of ledger rows with a `sign` column) to the
 * rollup cells in one grouped statement, and deletes the cells it empties. Cells are written
 * in key order so that two writers never lock the same cells in opposite orders.
 */
function applyToRollups(ctes: string, delta: string): string {
  return `WITH ${ctes}
    INSERT INTO ledger_rollup (${CELL}, person_times, rows)
    SELECT ${CELL_OF_ROW}, sum(sign * count), sum(sign) FROM ${delta}
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(sign) <> 0 OR sum(sign * count) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT ledger_rollup_cell DO UPDATE
      SET person_times = ledger_rollup.person_times + excluded.person_times, rows = ledger_rollup.rows + excluded.rows
    RETURNING rows = 0 AS emptied`;
}

/** Deletes the cells a write emptied (found through a partial index, not a scan). */
async function dropEmptiedCells(tx: Queryable, result: { rows: Array<{ emptied: boolean }> }): Promise<void> {
  if (result.rows.some((r) => r.emptied)) await tx.query('DELETE FROM ledger_rollup WHERE rows = 0');
}

/** An entry as a ledger row's columns: a named person counts once, an aggregate its count. */
function ledgerRow(e: LedgerEntry) {
  return {
    direction: e.direction,
    who: e.who,
    person_id: e.personId ?? null,
    count: e.personId ? 1 : (e.count ?? 1),
    is_aggregate: !e.personId,
    category: e.category,
    country_code: e.countryCode,
    institution_id: e.institutionId,
    unit_id: e.unitId,
    start_date: e.startDate,
    end_date: e.endDate,
  };
}

/**
 * Replaces every ledger row of `source` with `entries`. The only way into the ledger: each
 * module calls it in the transaction that writes its own record, so the figures can never
 * disagree with the records, and an edit or a cancellation leaves nothing behind. The
 * rollups move in the same statement (old rows subtracted, new ones added), so no module
 * needs to know they exist.
 */
export async function replaceLedgerRows(tx: Queryable, source: LedgerSource, entries: LedgerEntry[]): Promise<void> {
  const rows = entries.map(ledgerRow);
  const result = await tx.query<{ emptied: boolean }>(
    applyToRollups(
      `old AS (DELETE FROM ledger WHERE source_module = $2 AND source_id = $3 ${RETURNED}),
       new AS (INSERT INTO ledger (direction, who, person_id, count, is_aggregate, category, country_code, institution_id, unit_id,
                                   start_date, end_date, source_module, source_id, source_document)
               SELECT direction, who, person_id, count, is_aggregate, category, country_code, institution_id, unit_id,
                      start_date, end_date, $2, $3, $4
               FROM json_populate_recordset(NULL::ledger, $1::json) ${RETURNED}),
       delta AS (SELECT *, -1 AS sign FROM old UNION ALL SELECT *, 1 AS sign FROM new)`,
      'delta',
    ),
    [JSON.stringify(rows), source.module, source.id, source.document ?? null],
  );
  await dropEmptiedCells(tx, result);
}

/** A new record's ledger rows, for `addLedgerRows`: the record's id, its document, its entries. */
export interface NewLedgerSource {
  id: number;
  document?: string | null;
  entries: LedgerEntry[];
}

/**
 * The ledger rows of many records of `module` created in this transaction (none has rows yet),
 * in one statement, the rollups moving in it as in replaceLedgerRows: what an import of
 * thousands of records writes instead of one replaceLedgerRows each.
 */
export async function addLedgerRows(tx: Queryable, module: string, sources: NewLedgerSource[]): Promise<void> {
  // One typed array a column (unnest), not one JSON document of every row.
  const cols = { direction: [] as string[], who: [] as string[], person: [] as Array<number | null>, count: [] as number[], aggregate: [] as boolean[], category: [] as string[], country: [] as Array<string | null>,
    institution: [] as Array<number | null>, unit: [] as Array<number | null>, start: [] as string[], end: [] as string[], source: [] as number[], document: [] as Array<string | null> };
  for (const s of sources) {
    for (const e of s.entries) {
      const row = ledgerRow(e);
      cols.direction.push(row.direction);
      cols.who.push(row.who);
      cols.person.push(row.person_id);
      cols.count.push(row.count);
      cols.aggregate.push(row.is_aggregate);
      cols.category.push(row.category);
      cols.country.push(row.country_code);
      cols.institution.push(row.institution_id);
      cols.unit.push(row.unit_id);
      cols.start.push(row.start_date);
      cols.end.push(row.end_date);
      cols.source.push(s.id);
      cols.document.push(s.document ?? null);
    }
  }
  if (cols.source.length === 0) return;
  const result = await tx.query<{ emptied: boolean }>(
    applyToRollups(
      `new AS (INSERT INTO ledger (direction, who, person_id, count, is_aggregate, category, country_code, institution_id, unit_id,
                                   start_date, end_date, source_module, source_id, source_document)
               SELECT r.direction, r.who, r.person_id, r.count, r.is_aggregate, r.category, r.country_code, r.institution_id, r.unit_id,
                      r.start_date, r.end_date, $1, r.source_id, r.source_document
               FROM unnest($2::text[], $3::text[], $4::bigint[], $5::int[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::date[], $11::date[], $12::bigint[], $13::text[], $14::boolean[])
                    AS r(direction, who, person_id, count, category, country_code, institution_id, unit_id, start_date, end_date, source_id, source_document, is_aggregate)
               ${RETURNED}),
       delta AS (SELECT *, 1 AS sign FROM new)`,
      'delta',
    ),
    [module, cols.direction, cols.who, cols.person, cols.count, cols.category, cols.country, cols.institution, cols.unit, cols.start, cols.end, cols.source, cols.document, cols.aggregate],
  );
  await dropEmptiedCells(tx, result);
}

/**
 * The ledger's part of one statement that creates many aggregate-like records (each one ledger
 * row, no person): the CTEs `ledger_new` (their ledger rows, from `source`, a CTE or table whose
 * rows have id, direction, who, count, category, country_code, institution_id, unit_id,
 * start_date, end_date and source_document) and `ledger_rollup_new` (the rollup cells moved by
 * them, as applyToRollups moves them). `module` is the SQL of the module's name (a parameter).
 * An import of a million rows writes its records, their ledger rows, rollups and audit rows in
 * one statement a batch this way, nothing shipped back and forth between them.
 */
export function ledgerRowsFrom(source: string, module: string): string {
  return `ledger_new AS (
      INSERT INTO ledger (direction, who, person_id, count, is_aggregate, category, country_code, institution_id, unit_id,
                          start_date, end_date, source_module, source_id, source_document)
      SELECT direction, who, NULL, count, true, category, country_code, institution_id, unit_id, start_date, end_date, ${module}, id, source_document
      FROM ${source} ${RETURNED}),
    ledger_rollup_new AS (
      INSERT INTO ledger_rollup (${CELL}, person_times, rows)
      SELECT ${CELL_OF_ROW}, sum(count), count(*) FROM ledger_new
      GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT ON CONSTRAINT ledger_rollup_cell DO UPDATE
        SET person_times = ledger_rollup.person_times + excluded.person_times, rows = ledger_rollup.rows + excluded.rows)`;
}

/**
 * Bulk copies for `demo load --scale`: copies number `first`..`last` of every person-time
 * not already from `module`, one ledger row each (an aggregate count of N becomes N
 * aggregate rows of 1, so the ledger has as many rows as person-times), with the same
 * dates, country, category, unit and person, as source (`module`, copy number). Set-based
 * (one INSERT … SELECT over generate_series), and the rollups move in the same statement.
 * Returns the rows written.
 */
export async function insertLedgerCopies(tx: Queryable, options: { module: string; first: number; last: number }): Promise<number> {
  const base = await tx.query<{ n: number }>('SELECT coalesce(sum(count), 0)::bigint AS n FROM ledger WHERE source_module <> $1', [options.module]);
  const result = await tx.query<{ emptied: boolean }>(
    applyToRollups(
      `new AS (INSERT INTO ledger (direction, who, person_id, count, is_aggregate, category, country_code, institution_id, unit_id,
                                   start_date, end_date, source_module, source_id, source_document)
               SELECT l.direction, l.who, l.person_id, 1, l.is_aggregate, l.category, l.country_code, l.institution_id, l.unit_id,
                      l.start_date, l.end_date, $1, k, l.source_document
               FROM generate_series($2::int, $3::int) k
                    CROSS JOIN ledger l CROSS JOIN LATERAL generate_series(1, l.count) i
               WHERE l.source_module <> $1 ${RETURNED}),
       delta AS (SELECT *, 1 AS sign FROM new)`,
      'delta',
    ),
    [options.module, options.first, options.last],
  );
  await dropEmptiedCells(tx, result);
  return base.rows[0]!.n * (options.last - options.first + 1);
}

/** Removes every row of `module` (the synthetic scale copies) and their share of the rollups. */
export async function deleteLedgerModule(tx: Queryable, module: string): Promise<void> {
  const result = await tx.query<{ emptied: boolean }>(
    applyToRollups(`old AS (DELETE FROM ledger WHERE source_module = $1 ${RETURNED}), delta AS (SELECT *, -1 AS sign FROM old)`, 'delta'),
    [module],
  );
  await dropEmptiedCells(tx, result);
}

/**
 * Points the ledger rows that name one institution or person at another, when the office
 * merges two records of the same one. Counts, dates, countries and units stay, so no rollup
 * cell moves and every figure of person-times reads the same after as before; only distinct
 * persons can fall, since the two were one.
 */
export async function reassignLedgerRows(tx: Queryable, options: { column: 'institution_id' | 'person_id'; from: number; into: number }): Promise<number> {
  const column = options.column === 'person_id' ? 'person_id' : 'institution_id';
  const result = await tx.query(`UPDATE ledger SET ${column} = $2 WHERE ${column} = $1`, [options.from, options.into]);
  return result.rowCount ?? 0;
}
