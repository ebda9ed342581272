/** The named fields of a record as a form holds them: each as it is, a null as an empty field (undefined). */
export function formValuesOf<R extends object, K extends keyof R>(record: R, keys: readonly K[]): { [P in K]?: Exclude<R[P], null> } {
  const values: { [P in K]?: Exclude<R[P], null> } = {};
  for (const key of keys) values[key] = (record[key] ?? undefined) as Exclude<R[typeof key], null> | undefined;
  return values;
}
