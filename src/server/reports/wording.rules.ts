import type { Locale } from '../../shared/contracts/common.ts';

/**
 * The seed's "about" rounding: 2 significant figures from 1,000 up (49,873 → 50,000; 16,920 →
 * 17,000), the nearest 50 from 100 (201 → 200), the nearest 10 from 10, exact below 10. Coarse
 * enough to read as "about", fine enough never to be off by more than 5% from 1,000 up
 * (nor by more than 25 below).
 */
export function aboutValue(n: number): number {
  const abs = Math.abs(n);
  if (abs < 10) return n;
  if (abs < 100) return Math.round(n / 10) * 10;
  if (abs < 1000) return Math.round(n / 50) * 50;
  const step = 10 ** (Math.floor(Math.log10(abs)) - 1);
  return Math.round(n / step) * step;
}

const FORMATS: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US'),
  zh: new Intl.NumberFormat('zh-CN'),
  fr: new Intl.NumberFormat('fr-FR'),
};

/** A count as the language writes it: 50,000 / 50,000 / 50 000 (a no-break space, which every font has). */
export function formatCount(n: number, lang: Locale): string {
  return FORMATS[lang].format(n).replace(/\u202f/g, '\u00a0');
}

/** "about 50,000", "约 50,000", "environ 50 000". */
export function aboutText(n: number, lang: Locale): string {
  const v = formatCount(aboutValue(n), lang);
  return lang === 'zh' ? `约${v}` : lang === 'fr' ? `environ ${v}` : `about ${v}`;
}

/** A share (0..1) as a whole percentage: 65%, 65 %. */
export function percentText(share: number, lang: Locale): string {
  const p = Math.round(share * 100);
  return lang === 'fr' ? `${p}\u00a0%` : `${p}%`;
}

/**
 * How many people, as the seed says it when it gives no number ("dozens of professors"): the
 * number itself below 24 (two dozen), "dozens of" up to 99, "over a hundred" up to 199, "hundreds
 * of" from 200. English and French put it before the noun; Chinese with its measure word 位.
 */
export function manyText(n: number, lang: Locale): string {
  const exact = formatCount(n, lang);
  if (lang === 'zh') return n < 24 ? `${exact}位` : n < 100 ? '数十位' : n < 200 ? '一百多位' : '数百位';
  if (lang === 'fr') return n < 24 ? exact : n < 100 ? 'des dizaines de' : n < 200 ? 'plus d’une centaine de' : 'des centaines de';
  return n < 24 ? exact : n < 100 ? 'dozens of' : n < 200 ? 'over a hundred' : 'hundreds of';
}

/** A list as the language joins it: "A, B and C", "A、B和C", "A, B et C". */
export function joinList(items: string[], lang: Locale): string {
  if (items.length <= 1) return items.join('');
  if (lang === 'zh') return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items.at(-1)}`;
}
