import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { DomainError } from '../core/errors.ts';

/**
 * onSend: no API answer is kept by a browser, a proxy or a shared computer's cache: they hold
 * people's names, passports, accounts. (Hooks on every request take a callback: an async one
 * costs a promise and a turn of the microtask queue each.)
 */
export function noStore(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void): void {
  if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  done(null, payload);
}

/**
 * preParsing: a JSON body is read as UTF-8 (RFC 8259); one that says it is in another charset
 * would be read as something else than was sent, so it is refused with 415.
 */
export function refuseForeignCharset(request: FastifyRequest, _reply: FastifyReply, _payload: unknown, done: HookHandlerDoneFunction): void {
  const type = request.headers['content-type'];
  if (type && /^\s*application\/([\w.+-]+\+)?json\b/i.test(type)) {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(type)?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) throw new DomainError('unsupported_media_type', 'unsupported');
  }
  done();
}
