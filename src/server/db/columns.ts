import type { Queryable } from './client.ts';

/** Maps API field names to SQL columns, so repositories write their SQL once. */
export type ColumnMap<F extends string = string> = Record<F, string>;

/** The SELECT list for a column map: `column AS "field"`. */
export function selectList(columns: ColumnMap): string {
  return Object.entries(columns)
    .map(([field, column]) => (field === column ? column : `${column} AS "${field}"`))
    .join(', ');
}

/** A timestamp column as ISO 8601 UTC text, the same on both engines. */
export function isoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * `col = $n` pairs for the defined fields of `values` that the map knows, appended to
 * `params`. Undefined means "leave as is"; null clears.
 */
export function setList(values: Record<string, unknown>, columns: Record<string, string>, params: unknown[]): string[] {
  const sets: string[] = [];
  for (const [field, value] of Object.entries(values)) {
    const column = columns[field];
    if (value === undefined || !column) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  return sets;
}

/** INSERT column and placeholder lists for the fields of `values` that the map knows. */
export function insertLists(values: Record<string, unknown>, columns: Record<string, string>, params: unknown[]): { cols: string; vals: string } {
  const cols: string[] = [];
  const vals: string[] = [];
  for (const [field, value] of Object.entries(values)) {
    const column = columns[field];
    if (value === undefined || !column) continue;
    params.push(value);
    cols.push(column);
    vals.push(`$${params.length}`);
  }
  return { cols: cols.join(', '), vals: vals.join(', ') };
}

/**
 * Inserts many rows of `table` in one statement, each with the version its steps brought it to,
 * and returns their ids in the order given. A field no row gives is left out, so its column takes
 * its default, as a single insert leaves it.
 */
export async function insertVersionedRows(db: Queryable, table: string, columns: ColumnMap, values: ReadonlyArray<object & { version: number }>): Promise<number[]> {
  if (values.length === 0) return [];
  const given = Object.entries(columns).filter(([field]) => values.some((v) => (v as Record<string, unknown>)[field] !== undefined));
  const rows = values.map((v) => ({ ...Object.fromEntries(given.map(([field, column]) => [column, (v as Record<string, unknown>)[field] ?? null])), version: v.version }));
  const cols = [...given.map(([, column]) => column), 'version'].join(', ');
  const { rows: inserted } = await db.query<{ id: number }>(
    `INSERT INTO ${table} (${cols})
     SELECT ${cols} FROM json_populate_recordset(NULL::${table}, $1::json) WITH ORDINALITY AS r ORDER BY r.ordinality
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  // Identities are drawn in the order the rows are inserted.
  return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
}
