import type { Locale } from '../../../shared/contracts/common.ts';

const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/**
 * A date as a letter in `lang` writes it: "2026年12月6日", "6 December 2026", "6 décembre 2026"
 * (French writes the first of the month "1er"). Empty for no date, so a template's line stays.
 */
export function documentDate(iso: string | null | undefined, lang: Locale): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  if (lang === 'fr') return `${d === 1 ? '1er' : d} ${FR[m - 1]} ${y}`;
  return `${d} ${EN[m - 1]} ${y}`;
}
