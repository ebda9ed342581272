import type { z } from 'zod';

/**
 * Domain errors: what went wrong, as a code and a kind, with no notion of HTTP. Services,
 * rules, repositories and reports throw them; `http/errors.ts` is the one place that turns a
 * kind into a status and a code into a message in the caller's language.
 */

export interface FieldProblem {
  field: string;
  reason: string;
}

/** The kinds of refusal; `http/errors.ts#STATUS_OF_KIND` gives each its HTTP status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited';

/** An error reported to the caller: a code (its message key), a kind, and what to show. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly extra: { fields?: FieldProblem[]; current?: unknown; retryAfter?: number } = {},
  ) {
    super(code);
  }
}

/**
 * A batch's refusal named by what the user knows instead: each field's leading index among the
 * batch (`3.fullName`) renamed by `rename(index, rest)` (a file's row). Any other error unchanged.
 */
export function renamedByIndex(error: unknown, rename: (index: string, rest: string) => string): unknown {
  if (!(error instanceof DomainError && error.extra.fields?.length)) return error;
  const fields = error.extra.fields.map((f) => {
    const [index = '', ...rest] = f.field.split('.');
    return { ...f, field: rename(index, rest.join('.')) };
  });
  return new DomainError(error.code, error.kind, { ...error.extra, fields });
}

export const notFound = (): DomainError => new DomainError('not_found', 'not_found');
export const forbidden = (): DomainError => new DomainError('forbidden', 'forbidden');
export const unauthenticated = (): DomainError => new DomainError('unauthenticated', 'unauthenticated');
/** A write based on a stale version: the caller gets the current record to compare. */
export const versionConflict = (current: unknown): DomainError => new DomainError('version_conflict', 'conflict', { current });
/**
 * The record a write is based on: not found when it is not there (or not within the caller's
 * reach), a version conflict with the current record (as `shown` presents it) when `version` is stale.
 */
export function currentVersion<T extends { version: number }>(row: T | null, version: number, shown: (row: T) => unknown = (r) => r): T {
  if (!row) throw notFound();
  if (row.version !== version) throw versionConflict(shown(row));
  return row;
}

/** Bad input in named fields. */
export const invalidFields = (...fields: FieldProblem[]): DomainError =>
  new DomainError('validation_failed', 'invalid', { fields });

type Issue = { code: string; message: string; path: PropertyKey[]; origin?: string; minimum?: unknown; format?: string };

/** Our reason code for one zod issue: the words a user reads, not zod's. */
export function reasonOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined|received null/.test(issue.message) ? 'required' : 'invalid_type';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'too_short';
      return 'too_small';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid_format';
    case 'invalid_value':
    case 'invalid_union':
      return 'invalid_value';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'custom':
      return issue.message;
    default:
      return 'invalid_format';
  }
}

/** Turns zod issues into field problems. */
export function fieldsFromIssues(issues: readonly Issue[]): FieldProblem[] {
  return issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', reason: reasonOf(issue) }));
}

/** Parses `value` with `schema` or throws `validation_failed` naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('validation_failed', 'invalid', { fields: fieldsFromIssues(result.error.issues as Issue[]) });
  return result.data;
}
