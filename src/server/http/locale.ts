import type { FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../../shared/contracts/common.ts';

function fromTag(tag: string): Locale | null {
  const language = tag.trim().split(/[-_;]/)[0]?.toLowerCase();
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : null;
}

/**
 * The language to answer in: the interface's Accept-Language first (the web app sends the
 * language the user chose), then the user's saved preference, then English.
 */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (header) {
    const tags = header
      .split(',')
      .map((part) => {
        const [tag = '', q] = part.split(';q=');
        return { tag, q: q === undefined ? 1 : Number(q) };
      })
      .sort((a, b) => b.q - a.q);
    for (const { tag } of tags) {
      const locale = fromTag(tag);
      if (locale) return locale;
    }
  }
  return request.actor?.locale ?? 'en';
}
