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
