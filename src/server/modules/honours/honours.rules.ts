import type { Locale } from '../../../shared/contracts/common.ts';
import { honourGroupKey } from '../../../shared/figure-groups.ts';
import type { DatePrecision, Honour, HonourHolder, HonourKind } from '../../../shared/contracts/honours.ts';

/** A text in each interface language. */
export type InEachLanguage = Record<Locale, string>;

/** One honour and everyone who received it: a line of the fact sheet ("Legion of Honour: Kuang An-kun, Wang Zhen-yi, …"). */
export interface HonourGroup {
  key: string;
  kind: HonourKind;
  name: InEachLanguage;
  /** Who gives it, in each language (an institution's own names, else the text as recorded). */
  by: InEachLanguage | null;
  holders: Array<{ personId: number; nameEn: string; nameZh: string | null; title: string | null }>;
  /** The first time it was conferred on one of ours. */
  firstOn: string;
}

/**
 * A holder's name in Latin script as the office writes it: a Chinese name family name first
 * ("Wang Zhen-yi"), any other given name first ("Claire Martin").
 */
export function romanisedName(p: HonourHolder): string {
  const parts = p.nameZh ? [p.familyName, p.givenName] : [p.givenName, p.familyName];
  return parts.filter(Boolean).join(' ');
}

/**
 * Who gave an honour, in each language, or null when not recorded. The body as recorded (its
 * name at the time: "Université Paris V") comes before the institution's names today
 * (Université Paris Cité, which Paris V became part of), each language's where the office wrote
 * one; an institution alone gives its own names.
 */
export function awardedBy(h: Pick<Honour, 'awardingInstitution' | 'awardingBody' | 'awardingBodyZh' | 'awardingBodyFr'>): InEachLanguage | null {
  if (h.awardingBody) return { en: h.awardingBody, zh: h.awardingBodyZh ?? h.awardingBody, fr: h.awardingBodyFr ?? h.awardingBody };
  const i = h.awardingInstitution;
  return i ? { en: i.nameEn, zh: i.nameZh ?? i.nameEn, fr: i.nameFr ?? i.nameEn } : null;
}


/**
 * The honours grouped as the seed groups them: one group per honour (kind, name, awarding
 * body) with its holders in the order they received it; decorations first, then prizes,
 * academy memberships, honorary degrees and honorary titles, each kind in the order first conferred.
 */
export function groupHonours(honours: readonly Honour[]): HonourGroup[] {
  const groups = new Map<string, HonourGroup>();
  const sorted = [...honours].sort((a, b) => a.conferredOn.localeCompare(b.conferredOn) || a.id - b.id);
  for (const h of sorted) {
    const key = honourGroupKey(h);
    let group = groups.get(key);
    if (!group) {
      group = { key, kind: h.kind, name: { en: h.nameEn, zh: h.nameZh ?? h.nameEn, fr: h.nameFr ?? h.nameEn }, by: awardedBy(h), holders: [], firstOn: h.conferredOn };
      groups.set(key, group);
    }
    if (!group.holders.some((x) => x.personId === h.personId)) group.holders.push({ personId: h.personId, nameEn: romanisedName(h.person), nameZh: h.person.nameZh, title: h.person.title });
  }
  return [...groups.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.firstOn.localeCompare(b.firstOn) || a.key.localeCompare(b.key));
}

/** The seed's order: the Legion of Honour, the prizes, the academies, the honorary degrees, the honorary titles. */
export const KIND_ORDER: readonly HonourKind[] = ['decoration', 'prize', 'academy_membership', 'honorary_degree', 'honorary_title'];

/** A group as one line in English: "Legion of Honour (Government of the French Republic): Kuang An-kun, Wang Zhen-yi". */
export function groupLine(g: HonourGroup): string {
  return `${g.name.en}${g.by ? ` (${g.by.en})` : ''}: ${g.holders.map((h) => h.nameEn).join(', ')}`;
}

/** A date as precisely as it is known: 1994-10-05, 1994-10, 1994. */
export function dateAsKnown(conferredOn: string, precision: DatePrecision): string {
  return precision === 'year' ? conferredOn.slice(0, 4) : precision === 'month' ? conferredOn.slice(0, 7) : conferredOn;
}
