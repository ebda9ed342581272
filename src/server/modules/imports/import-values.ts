/**
 * Reading cells as offices type them: dates in the ways Chinese, French and English sheets
 * write them, countries and regions by code or name, units by code or name, statuses in any of
 * the three languages. Pure: the dictionaries come in as data, so the rules are tested alone.
 */
import type { Locale } from '../../../shared/contracts/common.ts';

/** A key that ignores case, accents, width, spaces and punctuation ("Côte d'Ivoire" = "cote divoire"). */
export function looseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Which of a slashed date's first two numbers is the day: chosen once per file. */
export type DayOrder = 'day-first' | 'month-first';

const ISO_LIKE = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const SLASHED = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
/** Excel's serial days: 1 is 1900-01-01 and 60 the 29 February 1900 it wrongly believes in; 2958465 is 9999-12-31. */
const SERIAL = /^\d{1,7}(\.\d+)?$/;
const MAX_SERIAL = 2_958_465;

function isoDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromSerial(serial: number): string | undefined {
  // Before 1 March 1900 Excel counts a day that never was; the dates offices keep are later.
  if (serial < 61 || serial > MAX_SERIAL) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The calendar day a cell names, as YYYY-MM-DD, or undefined when it names none: 2019-03-05,
 * 2019/3/5, 2019.3.5, 2019年3月5日, 5/3/2019 (read in `order`) and Excel's serial numbers
 * (what a date cell holds when its style is lost). A time after the day is dropped.
 */
export function readDate(cell: string, order: DayOrder = 'day-first'): string | undefined {
  const text = cell.normalize('NFKC').trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let m = ISO_LIKE.exec(text) ?? CHINESE.exec(text);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'day-first' ? isoDay(Number(m[3]), b, a) : isoDay(Number(m[3]), a, b);
  }
  if (SERIAL.test(text)) return fromSerial(Number(text));
  return undefined;
}

const YEAR = /^(\d{4})\s*年?$/;
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/;
const MONTH_YEAR = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/;

/**
 * What a cell says of a date when it may know only the month or the year (an honour conferred
 * "in 2019"): YYYY-MM-DD as readDate reads it, YYYY-MM (2019-03, 2019/3, 2019年3月, 3/2019) or
 * YYYY (2019, 2019年); undefined when it names none.
 */
export function readPartialDate(cell: string, order: DayOrder = 'day-first'): string | undefined {
  const text = cell.normalize('NFKC').trim();
  const year = YEAR.exec(text);
  if (year) return isoDay(Number(year[1]), 1, 1)?.slice(0, 4);
  const yearMonth = YEAR_MONTH.exec(text);
  if (yearMonth) return isoDay(Number(yearMonth[1]), Number(yearMonth[2]), 1)?.slice(0, 7);
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) return isoDay(Number(monthYear[2]), Number(monthYear[1]), 1)?.slice(0, 7);
  return readDate(cell, order);
}

/**
 * The day order a file's slashed dates are written in, told one cell at a time (a file's rows
 * are read as a stream, and only these two answers are kept of its dates).
 */
export class DayOrderVote {
  private dayFirst = false;
  private monthFirst = false;

  /** One date cell of the file. */
  add(cell: string): void {
    if (cell === '' || (this.dayFirst && this.monthFirst)) return;
    const m = SLASHED.exec(cell.normalize('NFKC').trim());
    if (!m) return;
    if (Number(m[1]) > 12) this.dayFirst = true;
    if (Number(m[2]) > 12) this.monthFirst = true;
  }

  /** The order the cells said, undefined when every one could be either or they said both. */
  get order(): DayOrder | undefined {
    if (this.dayFirst === this.monthFirst) return undefined;
    return this.dayFirst ? 'day-first' : 'month-first';
  }
}

/**
 * The day order a file's slashed dates are written in, when they say so themselves (a first
 * number over 12 is a day, a second over 12 too); undefined when every one could be either.
 * A file that says both ways is read as the caller chose.
 */
export function dayOrderOf(cells: Iterable<string>): DayOrder | undefined {
  const vote = new DayOrderVote();
  for (const cell of cells) vote.add(cell);
  return vote.order;
}

/** A country or region of the dictionary (`countries` table, reference/countries.json). */
export interface CountryEntry {
  code: string;
  alpha3: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  isRegion: boolean;
}

/**
 * Names offices write that the dictionary does not hold. Taiwan, Hong Kong and Macao are
 * regions whatever they are called (台湾, 臺灣, 中国台湾 …): they resolve to TW, HK and MO,
 * which the dictionary marks as regions.
 */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', us: 'US', 'united states of america': 'US', america: 'US', 美国: 'US', 美國: 'US', 'etats-unis': 'US',
  uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 英国: 'GB', 英國: 'GB',
  korea: 'KR', 'south korea': 'KR', 'republic of korea': 'KR', 韩国: 'KR', 韓國: 'KR', 'coree du sud': 'KR',
  holland: 'NL', 'the netherlands': 'NL', 'czech republic': 'CZ', russia: 'RU', 'russian federation': 'RU', 俄罗斯: 'RU',
  // The European Union's own codes (Erasmus lists): EL is Greece, UK the United Kingdom.
  el: 'GR',
  vietnam: 'VN', 'viet nam': 'VN', 越南: 'VN', laos: 'LA', iran: 'IR', syria: 'SY', 'ivory coast': 'CI',
  prc: 'CN', "people's republic of china": 'CN', 'mainland china': 'CN', 中国大陆: 'CN', 中華人民共和國: 'CN', 中国: 'CN', 中國: 'CN',
  taiwan: 'TW', 'taiwan, province of china': 'TW', 'taiwan region': 'TW', 台湾: 'TW', 臺灣: 'TW', 台灣: 'TW', 中国台湾: 'TW', 中國台灣: 'TW', 中國臺灣: 'TW', 台湾地区: 'TW', 臺灣地區: 'TW',
  'hong kong sar': 'HK', 'hong kong, china': 'HK', 香港: 'HK', 中國香港: 'HK', 香港特别行政区: 'HK', 香港特別行政區: 'HK',
  macau: 'MO', 'macao sar': 'MO', 'macau sar': 'MO', 'macao, china': 'MO', 澳门: 'MO', 澳門: 'MO', 中國澳門: 'MO', 澳门特别行政区: 'MO', 澳門特別行政區: 'MO',
};

/**
 * Finds a country or region by ISO code (alpha-2 or alpha-3) or by its name in English,
 * Chinese or French, or a name offices use for it; undefined when it names none we know.
 */
export function countryReader(countries: readonly CountryEntry[]): (cell: string) => string | undefined {
  const byKey = new Map<string, string>();
  const known = new Set(countries.map((c) => c.code));
  for (const c of countries) for (const name of [c.code, c.alpha3, c.nameEn, c.nameZh, c.nameFr]) byKey.set(looseKey(name), c.code);
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) if (known.has(code) && !byKey.has(looseKey(alias))) byKey.set(looseKey(alias), code);
  return (cell) => {
    const key = looseKey(cell);
    return key === '' ? undefined : byKey.get(key);
  };
}

/** A unit as the reader knows it: its id, code and names. */
export interface UnitEntry {
  id: number;
  code: string;
  nameEn: string;
  nameZh: string | null;
  nameFr: string | null;
}

/** Finds one of our units by its code or its name in any of the three languages. */
export function unitReader(units: readonly UnitEntry[]): (cell: string) => number | undefined {
  const byKey = new Map<string, number>();
  // Codes first: a code wins over another unit's name that folds to the same key.
  for (const u of units) byKey.set(looseKey(u.code), u.id);
  for (const u of units) for (const name of [u.nameEn, u.nameZh, u.nameFr]) if (name && !byKey.has(looseKey(name))) byKey.set(looseKey(name), u.id);
  return (cell) => byKey.get(looseKey(cell));
}

/** Finds a state of a kind by its name or its label in English, Chinese or French. */
export function statusReader<S extends string>(labels: Readonly<Record<S, Readonly<Record<Locale, string>>>>): (cell: string) => S | undefined {
  const byKey = new Map<string, S>();
  for (const [state, words] of Object.entries(labels) as Array<[S, Record<Locale, string>]>) {
    byKey.set(looseKey(state), state);
    for (const word of Object.values(words)) if (!byKey.has(looseKey(word))) byKey.set(looseKey(word), state);
  }
  return (cell) => byKey.get(looseKey(cell));
}

/** Finds one of a fixed list's values by its name or its label in any of the three languages. */
export function choiceReader<C extends string>(
  options: Readonly<Record<C, Readonly<Record<Locale, string>>>>,
  aliases: Readonly<Partial<Record<C, readonly string[]>>> = {} as Readonly<Partial<Record<C, readonly string[]>>>,
): (cell: string) => C | undefined {
  const byLabel = statusReader(options);
  const byAlias = new Map<string, C>();
  for (const [choice, words] of Object.entries(aliases) as Array<[C, readonly string[]]>) for (const word of words) if (!byAlias.has(looseKey(word))) byAlias.set(looseKey(word), choice);
  return (cell) => byLabel(cell) ?? byAlias.get(looseKey(cell));
}
