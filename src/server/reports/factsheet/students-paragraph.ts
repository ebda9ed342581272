import type { Locale } from '../../../shared/contracts/common.ts';
import type { FigureSet } from '../../../shared/contracts/reports.ts';
import { joinList } from '../wording.rules.ts';

/** The seed's order of the continents. */
const ORDER = ['Asia', 'Africa', 'Americas', 'Europe', 'Oceania', 'Antarctic'];

/** "d’Asie", "des Amériques", "de Xanadu": the French "of" before a continent's name. */
function ofInFrench(name: string): string {
  if (name.endsWith('s')) return `des ${name}`;
  return /^[AEIOUÉ]/i.test(name) ? `d’${name}` : `de ${name}`;
}

/**
 * The continents the foreign students came from, in the seed's order and the reader's language
 * ("Asia, Africa, the Americas, Europe and Oceania"; in French with their "of": "d’Asie, d’Afrique, des Amériques …"), read from the countries figure's items;
 * empty when there are none. Regions (HK, MO, TW) are not countries and add no continent.
 */
export function studentContinents(set: FigureSet, lang: Locale): string {
  const items = set.figures.find((f) => f.key === 'students.foreignCountries')?.items ?? [];
  const groups = new Map<string, string>();
  for (const i of items) if (i.group?.kind === 'continent') groups.set(i.group.key, i.group.name[lang]);
  const names = [...groups].sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b)).map(([, name]) => (lang === 'fr' ? ofInFrench(name) : name));
  return names.length ? joinList(names, lang) : '';
}

/** The students from the regions (Hong Kong, Macao, Taiwan), counted apart from the countries: 0 when none. */
export function studentsFromRegions(set: FigureSet): number {
  const items = set.figures.find((f) => f.key === 'students.foreignCountries')?.items ?? [];
  return items.filter((i) => i.group?.kind === 'region').reduce((n, i) => n + (i.count ?? 0), 0);
}
