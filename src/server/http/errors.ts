import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, fieldReason } from '../../shared/i18n/errors.ts';
import type { Locale } from '../../shared/contracts/common.ts';
import { DomainError, invalidFields, reasonOf, type ErrorKind } from '../core/errors.ts';
import { requestLocale } from './locale.ts';

/** The HTTP status of each kind of domain error: the only place a kind becomes a status. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
};

function body(code: string, locale: Locale, extra: DomainError['extra'] = {}) {
  const fields = extra.fields?.map((f) => ({ field: f.field, message: `${f.field}: ${fieldReason(f.reason, locale)}` }));
  const message = fields?.length ? `${errorMessage(code, locale)} ${fields.map((f) => f.message).join('; ')}` : errorMessage(code, locale);
  return { error: { code, message, ...(fields ? { fields } : {}), ...(extra.current !== undefined ? { current: extra.current } : {}) } };
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** PostgreSQL constraint violations that reach here become field errors, never 500. */
function fromDatabase(error: { code?: string; detail?: string; column?: string }): DomainError | null {
  const column = /Key \(([a-z_]+)\)/.exec(error.detail ?? '')?.[1] ?? error.column;
  if (error.code === '23505') return new DomainError('duplicate', 'conflict', { fields: column ? [{ field: camel(column), reason: 'duplicate' }] : [] });
  if (error.code === '23503' && /still referenced/.test(error.detail ?? '')) return new DomainError('in_use', 'conflict');
  if (error.code === '23503') return column ? invalidFields({ field: camel(column), reason: 'unknown_reference' }) : new DomainError('in_use', 'conflict');
  if (error.code === '23514' || error.code === '22P02' || error.code === '22007' || error.code === '22008') return new DomainError('validation_failed', 'invalid', { fields: [] });
  return null;
}

/** The one error handler: every error leaves as `{ error: { code, message, fields? } }` in the caller's language. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const locale = requestLocale(request);
  if (error instanceof DomainError) {
    if (error.extra.retryAfter !== undefined) void reply.header('retry-after', String(error.extra.retryAfter));
    void reply.status(STATUS_OF_KIND[error.kind]).send(body(error.code, locale, error.extra));
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
    void reply.status(STATUS_OF_KIND[database.kind]).send(body(database.code, locale, database.extra));
    return;
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    void reply.status(error.statusCode).send(body(error.statusCode === 404 ? 'not_found' : 'validation_failed', locale));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.status(500).send(body('internal', locale));
}
