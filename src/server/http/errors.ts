import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorMessage, fieldReason } from '../../shared/i18n/errors.ts';
import type { Locale } from '../../shared/contracts/common.ts';
import { requestLocale } from './locale.ts';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** An error the API reports to its caller: a code, an HTTP status, and what to show. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly extra: { fields?: FieldProblem[]; current?: unknown; retryAfter?: number } = {},
  ) {
    super(code);
  }
}

export const notFound = (): AppError => new AppError('not_found', 404);
export const forbidden = (): AppError => new AppError('forbidden', 403);
export const unauthenticated = (): AppError => new AppError('unauthenticated', 401);
/** A write based on a stale version: the caller gets the current record to compare. */
export const versionConflict = (current: unknown): AppError => new AppError('version_conflict', 409, { current });
/**
 * The record a write is based on: 404 when it is not there (or not within the caller's
 * reach), 409 with the current record (as `shown` presents it) when `version` is stale.
 */
export function currentVersion<T extends { version: number }>(row: T | null, version: number, shown: (row: T) => unknown = (r) => r): T {
  if (!row) throw notFound();
  if (row.version !== version) throw versionConflict(shown(row));
  return row;
}

/** Bad input in named fields. */
export const invalidFields = (...fields: FieldProblem[]): AppError =>
  new AppError('validation_failed', 400, { fields });

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

/** Parses `value` with `schema` or throws a 400 naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('validation_failed', 400, { fields: fieldsFromIssues(result.error.issues as Issue[]) });
  return result.data;
}

function body(code: string, locale: Locale, extra: AppError['extra'] = {}) {
  const fields = extra.fields?.map((f) => ({ field: f.field, message: `${f.field}: ${fieldReason(f.reason, locale)}` }));
  const message = fields?.length ? `${errorMessage(code, locale)} ${fields.map((f) => f.message).join('; ')}` : errorMessage(code, locale);
  return { error: { code, message, ...(fields ? { fields } : {}), ...(extra.current !== undefined ? { current: extra.current } : {}) } };
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** PostgreSQL constraint violations that reach here become field errors, never 500. */
function fromDatabase(error: { code?: string; detail?: string; column?: string }): AppError | null {
  const column = /Key \(([a-z_]+)\)/.exec(error.detail ?? '')?.[1] ?? error.column;
  if (error.code === '23505') return new AppError('duplicate', 409, { fields: column ? [{ field: camel(column), reason: 'duplicate' }] : [] });
  if (error.code === '23503' && /still referenced/.test(error.detail ?? '')) return new AppError('in_use', 409);
  if (error.code === '23503') return column ? invalidFields({ field: camel(column), reason: 'unknown_reference' }) : new AppError('in_use', 409);
  if (error.code === '23514' || error.code === '22P02' || error.code === '22007' || error.code === '22008') return new AppError('validation_failed', 400, { fields: [] });
  return null;
}

/** The one error handler: every error leaves as `{ error: { code, message, fields? } }` in the caller's language. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const locale = requestLocale(request);
  if (error instanceof AppError) {
    if (error.extra.retryAfter !== undefined) void reply.header('retry-after', String(error.extra.retryAfter));
    void reply.status(error.status).send(body(error.code, locale, error.extra));
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(body)',
      reason: reasonOf({ code: v.keyword, message: v.message ?? '', path: [], ...(v.params as object) }),
    }));
    void reply.status(400).send(body('validation_failed', locale, { fields }));
    return;
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error.statusCode === 400 && error instanceof SyntaxError)) {
    void reply.status(400).send(body('bad_json', locale));
    return;
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    void reply.status(413).send(body('payload_too_large', locale));
    return;
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
    void reply.status(415).send(body('unsupported_media_type', locale));
    return;
  }
  if (error.statusCode === 429) {
    void reply.status(429).send(body('rate_limited', locale));
    return;
  }
  const database = fromDatabase(error as { code?: string; detail?: string });
  if (database) {
    void reply.status(database.status).send(body(database.code, locale, database.extra));
    return;
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    void reply.status(error.statusCode).send(body(error.statusCode === 404 ? 'not_found' : 'validation_failed', locale));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send(body('internal', locale));
}
