import type { Locale } from '../../shared/contracts/common.ts';
import type { Country } from '../../shared/contracts/countries.ts';
import { nameIn } from '../../shared/i18n/name-in.ts';

interface Trilingual {
  nameEn: string;
  nameZh: string | null;
  nameFr: string | null;
}

/** The name to show first in the interface language, and the other script to keep in sight. */
export function displayNames(item: Trilingual, locale: Locale): { primary: string; secondary: string | null } {
  const primary = nameIn(locale, item.nameEn, item.nameZh, item.nameFr);
  const others = [primary !== item.nameEn ? item.nameEn : null, locale !== 'zh' ? item.nameZh : null];
  const secondary = others.filter((v): v is string => Boolean(v) && v !== primary).join(' · ');
  return { primary, secondary: secondary || null };
}

/** The name of a unit (or institution) in the interface language alone. */
export function primaryName(item: Trilingual, locale: Locale): string {
  return displayNames(item, locale).primary;
}

// The office's usage for the three regions; the ISO names ("Taiwan, Province of China") are not used.
const REGION_NAMES: Record<string, Record<Locale, string>> = {
  HK: { en: 'Hong Kong, China', zh: '中国香港', fr: 'Hong Kong (Chine)' },
  MO: { en: 'Macao, China', zh: '中国澳门', fr: 'Macao (Chine)' },
  TW: { en: 'Taiwan, China', zh: '中国台湾', fr: 'Taïwan (Chine)' },
};

/** A country's or region's name in the interface language. */
export function countryName(country: Country, locale: Locale): string {
  const region = REGION_NAMES[country.code];
  if (region) return region[locale];
  return locale === 'zh' ? country.nameZh : locale === 'fr' ? country.nameFr : country.nameEn;
}

/** Lower case without accents: for matching typed text against names. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
