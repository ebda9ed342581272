/**
 * Reading an EWP request's parameters as the read APIs define them (required, repeatable, at
 * most so many) and refusing a bad one with HTTP 400, which the /ewp routes send as an
 * `<error-response>` naming the parameter and the reason.
 */

/** A request EWP says to refuse with 400: its message is the `<developer-message>`. */
export class EwpBadRequest extends Error {
  readonly statusCode = 400;
}

/** Every value of a repeatable parameter, in order, duplicates dropped; 400 when there are more than `max`. */
export function repeatable(params: URLSearchParams, name: string, max: number): string[] {
  const values = [...new Set(params.getAll(name))];
  if (values.length > max) throw new EwpBadRequest(`Too many ${name} values: ${values.length} given, at most ${max} accepted (see the manifest).`);
  return values;
}

/** The values of a required repeatable parameter; 400 when it is missing or has more than `max`. */
export function requiredRepeatable(params: URLSearchParams, name: string, max: number): string[] {
  const values = repeatable(params, name, max);
  if (!values.length) throw new EwpBadRequest(`The ${name} parameter is required.`);
  return values;
}

/** The one value of a required, non-repeatable parameter; 400 when it is missing or given more than once. */
export function requiredSingle(params: URLSearchParams, name: string): string {
  const values = params.getAll(name);
  if (!values.length || !values[0]) throw new EwpBadRequest(`The ${name} parameter is required.`);
  if (values.length > 1) throw new EwpBadRequest(`The ${name} parameter must be given once.`);
  return values[0];
}

/** Whether two SCHAC codes name the same institution (they are domain names: case does not count). */
export const sameHei = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
