/**
 * SQL that confines `column` to a coordinator's unit and its sub-units. `param` is the
 * placeholder number that will carry the unit id.
 */
export function unitScopeSql(column: string, param: number): string {
  return `${column} IN (SELECT unit_subtree($${param}))`;
}
