/**
 * Search normalisation shared by writes (the `search_text` column, pg_trgm-indexed) and reads
 * (ILIKE '%token%' per token). Both sides go through `normalizeName`, so whatever the pipeline
 * does to a stored name it also does to a query: matching stays a plain substring test the
 * database can serve from the trigram index.
 */
import { pinyin } from 'pinyin-pro';
import { Converter } from 'opencc-js/t2cn';

/** Separates variants in search_text; normalised text never contains '|' (punctuation → space). */
const VARIANT_SEPARATOR = ' | ';
const MAX_GROUPS = 8;
const MAX_TOKEN_CHARS = 64;

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_ONLY = /^\p{Script=Han}+$/u;
// Only the Latin/Greek/Cyrillic combining diacritics: stripping every \p{M} would also delete
// Japanese voicing marks and Indic vowel signs, changing words instead of folding accents.
// eslint-disable-next-line no-misleading-character-class -- a class of bare combining marks is the point here
const COMBINING_DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
const PINYIN_SYLLABLE = /^[a-zü]+$/;

// Letters NFD does not decompose, spelled by users with their base letters.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const SPECIAL_LETTER_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

let toSimplified: ((text: string) => string) | undefined;

/** Built on first use: loading the OpenCC dictionaries costs time nobody should pay at import. */
function simplify(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/**
 * The one normalisation both stored names and queries go through. Han runs are set apart by
 * spaces so that a query token is either all-Han (gets a pinyin alternative) or has no Han.
 */
function normalizeName(raw: string): string {
  let s = raw.normalize('NFKC');
  // Traditional → simplified before anything else: OpenCC converts by phrase, so it needs the
  // name whole, and users type either script for the same institution or person.
  if (HAN.test(s)) s = simplify(s);
  s = s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .normalize('NFC')
    .replace(SPECIAL_LETTER_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(NOT_WORD, ' ')
    .replace(HAN_RUN, ' $& ');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Toneless pinyin syllables of a Han run, or null when a character has no pinyin (rare or
 * non-Chinese ideographs): a partial reading would make false substring matches.
 * `surname` reads the first character as a family name (曾 zeng, not ceng).
 */
function pinyinSyllables(han: string, surname: boolean): string[] | null {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off' });
  const out: string[] = [];
  for (const syl of syllables) {
    const s = syl.toLowerCase();
    if (!PINYIN_SYLLABLE.test(s)) return null;
    out.push(s);
  }
  return out.length > 0 ? out : null;
}

/**
 * Spellings of a Han run's pinyin. ü is written u, v or yu in passports and e-mail addresses
 * (吕 Lu / Lv / Lyu), so each is offered; the ordinary and the surname reading both count.
 */
function pinyinReadings(han: string): Array<{ spaced: string; joined: string }> {
  const readings: Array<{ spaced: string; joined: string }> = [];
  const seen = new Set<string>();
  for (const surname of [false, true]) {
    const syllables = pinyinSyllables(han, surname);
    if (syllables === null) continue;
    const spellings = syllables.some((s) => s.includes('ü')) ? ['u', 'v', 'yu'] : ['u'];
    for (const u of spellings) {
      const spelled = syllables.map((s) => s.replace(/ü/g, u));
      const joined = spelled.join('');
      if (seen.has(joined)) continue;
      seen.add(joined);
      readings.push({ spaced: spelled.join(' '), joined });
    }
  }
  return readings;
}

/**
 * The text to store in a record's `search_text` column, from all the names it can be found by
 * (Latin, Chinese, family/given parts, aliases). Besides each normalised name it holds the
 * pinyin of every Han run (spaced and joined) and each name without spaces, so that a
 * substring search finds "王振义" by "wang zhen yi", "wangzhenyi" or "王振義", and a person whose
 * name is stored only as "Wang Zhen-yi" by "王振义". Pass family name before given name: the
 * parts are also joined in that order ("Wang", "Zhenyi" → "wangzhenyi").
 */
export function searchText(...names: Array<string | null | undefined>): string {
  const variants = new Set<string>();
  const latinParts: string[] = [];
  for (const name of names) {
    if (name == null) continue;
    const n = normalizeName(name);
    if (n === '') continue;
    variants.add(n);
    const joined = n.replace(/ /g, '');
    if (joined !== n) variants.add(joined);
    if (!HAN.test(n)) latinParts.push(joined);
    for (const run of n.match(HAN_RUN) ?? []) {
      for (const r of pinyinReadings(run)) {
        variants.add(r.spaced);
        variants.add(r.joined);
      }
    }
  }
  // Family and given names often arrive as separate fields, but people type them as one word.
  if (latinParts.length > 1) variants.add(latinParts.join(''));
  return [...variants].join(VARIANT_SEPARATOR);
}

/** Cuts by code point so a cap never leaves half a surrogate pair. */
function capToken(token: string): string {
  const chars = Array.from(token);
  return chars.length > MAX_TOKEN_CHARS ? chars.slice(0, MAX_TOKEN_CHARS).join('') : token;
}

/**
 * A user's query as AND-ed groups of OR-ed alternatives, each a lower-case substring to look
 * for in search_text (one ILIKE per alternative). A Chinese token may also be matched by its
 * pinyin, because the record may only have a Latin name. Capped so a pasted paragraph cannot
 * become a query with hundreds of ILIKE clauses.
 */
export function searchTokens(query: string): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const raw of normalizeName(query).split(' ')) {
    if (raw === '') continue;
    const token = capToken(raw);
    if (seen.has(token)) continue;
    seen.add(token);
    const alternatives = [token];
    if (HAN_ONLY.test(token)) {
      for (const r of pinyinReadings(token)) if (!alternatives.includes(r.joined)) alternatives.push(r.joined);
    }
    groups.push(alternatives);
    if (groups.length === MAX_GROUPS) break;
  }
  return groups;
}

/**
 * An ILIKE pattern matching `fragment` anywhere, with its own %, _ and \ taken literally (the
 * default ILIKE escape character is the backslash), so user input cannot act as a wildcard.
 */
export function likePattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * The keys a name is recognised by when two records are compared (an import's duplicate
 * check): the name folded as search folds it (traditional → simplified, accents, case,
 * punctuation) with its spaces taken out, and for a Chinese name each pinyin reading joined.
 * So 王振义, 王振義, "Wang Zhenyi" and "WANG Zhen-yi" share the key "wangzhenyi".
 */
export function nameKeys(name: string): string[] {
  const n = normalizeName(name);
  if (n === '') return [];
  const keys = new Set([n.replace(/ /g, '')]);
  const runs = n.match(HAN_RUN) ?? [];
  // Only a name that is Han alone is read as pinyin: a mixed one has no single reading.
  if (runs.length > 0 && runs.join('') === n.replace(/ /g, '')) {
    for (const r of pinyinReadings(runs.join(''))) keys.add(r.joined);
  }
  return [...keys];
}

/** A name folded for comparison (the search's folding), words separated by one space. */
export function foldName(name: string): string {
  return normalizeName(name);
}
