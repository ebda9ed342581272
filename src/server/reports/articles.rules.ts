/**
 * The articles a name takes inside a sentence, which the office's records do not store: "the
 * Netherlands", "the World Health Organization"; « la France », « les États-Unis », « l’Alliance
 * française », « la Faculté de médecine ». Chinese takes none.
 */

/** English country names that take "the": plurals, unions, republics and kingdoms named as such. */
const THE_COUNTRY = /^(United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Marshall Islands|Solomon Islands)|\b(Republic|Kingdom|Federation|Emirates|Islands)\b/;

/** A country or region as an English sentence names it: "the United States", "France". */
export function countryEn(name: string): string {
  return THE_COUNTRY.test(name) ? `the ${name}` : name;
}

/** First words of names that are not English: such a body keeps its name bare ("Fondation CRB", "Université Paris VII"). */
const FOREIGN_FIRST = /^(Université|Universität|Universidad|Università|Fondation|Fundación|Ligue|Académie|Société|Institut|Alliance|Hôpital|Assistance|Centre hospitalier|Karolinska|Stiftung)\b/;
/** Common nouns that make an English name a description, which takes "the" ("the American Burn Association"). */
const DESCRIPTIVE = /\b(of|Association|Society|Foundation|Academy|Organi[sz]ation|Council|College|Institute|League|Federation|Government|Ministry|Agency|Commission|Union|Board|Trust)\b/;

/**
 * An institution's or a body's English name as a sentence names it: "the World Health
 * Organization", "the University of Sydney" (from "The University of Sydney"), but "Project
 * HOPE", "Karolinska Institutet" and "Université Paris VII" bare. What a parenthesis adds
 * ("Project HOPE (People-to-People Health Foundation)") does not decide.
 */
export function bodyEn(name: string): string {
  if (/^The /.test(name)) return `the ${name.slice(4)}`;
  const head = name.replace(/\s*\([^)]*\)/g, '');
  return !FOREIGN_FIRST.test(head) && DESCRIPTIVE.test(head) ? `the ${name}` : name;
}

/** Countries named without an article in French: islands, city-states and a few others. */
const FR_BARE = new Set(['HK', 'MO', 'TW', 'SG', 'CU', 'IL', 'CY', 'MT', 'MG', 'MC', 'HT', 'BH', 'MU', 'DJ', 'ST', 'AG', 'TT', 'NR', 'TV', 'KI', 'VU', 'SM', 'LC', 'KN', 'VC', 'TO', 'WS']);
/** Countries whose French name is plural. */
const FR_PLURAL = new Set(['US', 'NL', 'PH', 'AE', 'KM', 'MV', 'SC', 'BS', 'FJ', 'MH', 'SB', 'PW']);
/** Countries whose French name ends in -e but is masculine. */
const FR_MASCULINE_E = new Set(['MX', 'KH', 'MZ', 'ZW', 'BZ', 'SR', 'CG', 'CD']);
/** Countries whose French name does not end in -e but is feminine. */
const FR_FEMININE_OTHER = new Set(['GW']);

const startsWithVowel = (word: string) => /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(word);

/**
 * A country or region as a French sentence names it, by its ISO code: « la France », « les
 * États-Unis d’Amérique », « le Japon », « l’Allemagne », « Hong Kong ». The gender is the
 * usual rule (a first word ending in -e is feminine) with the codes it gets wrong.
 */
export function countryFr(code: string, name: string): string {
  if (FR_BARE.has(code)) return name;
  if (FR_PLURAL.has(code)) return `les ${name}`;
  if (startsWithVowel(name)) return `l’${name}`;
  const first = name.split(/\s/)[0]!;
  return (first.endsWith('e') && !FR_MASCULINE_E.has(code)) || FR_FEMININE_OTHER.has(code) ? `la ${name}` : `le ${name}`;
}

/** The nouns a French body's name may begin with, by gender: what takes « la », what takes « le ». */
const FR_FEMININE = new Set(['faculté', 'école', 'université', 'organisation', 'alliance', 'fondation', 'académie', 'société', 'ligue', 'association', 'fédération', 'commission', 'agence', 'clinique', 'union', 'assistance', 'chambre', 'banque', 'direction']);
const FR_MASCULINE = new Set(['gouvernement', 'ministère', 'institut', 'hôpital', 'centre', 'collège', 'conseil', 'département', 'groupe', 'laboratoire', 'service', 'programme', 'comité', 'bureau', 'office', 'réseau']);

/**
 * A body's French name as a sentence names it: « la Faculté de médecine … », « l’Alliance
 * française », « l’Organisation mondiale de la Santé », « le gouvernement de la République
 * française »; a proper name (« Project HOPE », « Sciences Po ») stays bare.
 */
export function bodyFr(name: string): string {
  const first = name.split(/[\s’']/)[0]!.toLowerCase();
  if (!FR_FEMININE.has(first) && !FR_MASCULINE.has(first)) return name;
  if (startsWithVowel(first) || first.startsWith('hô')) return `l’${name}`;
  return `${FR_FEMININE.has(first) ? 'la' : 'le'} ${name}`;
}

/** « de » before a name with its article: « du Japon », « des États-Unis », « de la France », « de l’Inde », « de Hong Kong ». */
export function ofFr(named: string): string {
  if (named.startsWith('le ')) return `du ${named.slice(3)}`;
  if (named.startsWith('les ')) return `des ${named.slice(4)}`;
  if (named.startsWith('la ') || named.startsWith('l’')) return `de ${named}`;
  return startsWithVowel(named) ? `d’${named}` : `de ${named}`;
}

/** The first letter made a capital, for a name that begins a sentence (« La Faculté … »). */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
