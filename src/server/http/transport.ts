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

const KEPT_VALUE = /^\d{1,12}$/;

/**
 * The URL as the request log writes it: query values are often what a user searched for (a
 * person's name) or filtered on, so every value but a plain number is replaced.
 */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair.length > 40 ? '[redacted]' : pair;
      const value = pair.slice(eq + 1);
      return `${pair.slice(0, eq)}=${KEPT_VALUE.test(value) ? value : '[redacted]'}`;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}
