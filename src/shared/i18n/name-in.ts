import type { Locale } from '../contracts/common.ts';

/**
 * A name kept in three languages, read in `locale`: the Chinese or French name where there is
 * one, else the English one (every unit and institution has an English name; the others are
 * optional). The server's exports and the web's lists read names through this one rule, so a
 * French list and a French chart name a unit alike.
 */
export function nameIn(locale: Locale, en: string, zh: string | null | undefined, fr: string | null | undefined): string {
  return (locale === 'zh' ? zh : locale === 'fr' ? fr : null) || en;
}
