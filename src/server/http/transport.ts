import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.ts';

/**
 * onSend: no API answer is kept by a browser, a proxy or a shared computer's cache: they hold
 * people's names, passports, accounts.
 */
export async function noStore(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  return payload;
}

/**
 * preParsing: a JSON body is read as UTF-8 (RFC 8259); one that says it is in another charset
 * would be read as something else than was sent, so it is refused with 415.
 */
export async function refuseForeignCharset(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type'];
  if (!type || !/^\s*application\/([\w.+-]+\+)?json\b/i.test(type)) return;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(type)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) throw new DomainError('unsupported_media_type', 'unsupported');
}
