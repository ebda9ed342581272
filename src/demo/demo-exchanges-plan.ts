import type { ExchangeKind } from '../shared/contracts/exchanges.ts';
import { academicYearSpan, lastCompleteAcademicYear } from '../server/modules/exchanges/exchanges.rules.ts';
import { addDays, addMonths } from '../shared/calendar.ts';
import type { Rng } from './demo-random.ts';

/**
 * The 31 host universities of the last complete academic year, in 13 countries (none in Hong
 * Kong, Macao or Taiwan, so that the 31 are all "in 13 different countries"). Keys of
 * demo-partners.ts.
 */
export const YEAR_HOSTS: readonly string[] = [
  'paris-cite', 'sorbonne', 'saclay', 'aix-marseille', 'lyon1', 'strasbourg', 'bordeaux', 'montpellier', // FR
  'jhu', 'pitt', 'umich', 'ucsf', 'duke', // US
  'toronto', 'mcgill', // CA
  'tokyo', 'kyoto', 'osaka', // JP
  'snu', 'yonsei', // KR
  'sydney', 'melbourne', // AU
  'leiden', // NL
  'karolinska', // SE
  'geneva', // CH
  'heidelberg', 'lmu', // DE
  'edinburgh', 'kcl', // GB
  'milan', // IT
  'nus', // SG
];
/** Hosts of earlier years only: two in regions (Hong Kong, Taiwan), counted as universities there but never as countries. */
export const EARLIER_HOSTS: readonly string[] = ['hku', 'ntu-tw', 'lille', 'umich', 'columbia', 'zurich'];

const KINDS: ReadonlyArray<readonly [ExchangeKind, number]> = [
  ['short_term_training', 10], ['summer_school', 4], ['clinical_elective', 4], ['semester_exchange', 4], ['joint_graduate', 3], ['degree_study', 1],
];

/** One applicant's fate: sent (and whether back by today), withdrawn after selection, or not selected. */
export type Fate = 'departed' | 'withdrawn' | 'not_selected';

export interface PlannedApplicant {
  score: number;
  appliedOn: string;
  fate: Fate;
  departureDate: string | null;
  returnDate: string | null;
}

export interface PlannedOpportunity {
  host: string;
  kind: ExchangeKind;
  academicYear: number;
  places: number;
  startsOn: string;
  endsOn: string;
  /** The last day applications were taken: the end of the month of the latest application. */
  applicationsCloseOn: string;
  applicants: PlannedApplicant[];
}

/** The last day of the month `day` falls in. */
export function monthEnd(day: string): string {
  return addDays(addMonths(`${day.slice(0, 7)}-01`, 1), -1);
}

/** A departure inside the academic year, by kind: summer kinds in July, semesters and graduate programmes in September or February. */
function departureOf(rng: Rng, kind: ExchangeKind, year: number): { start: string; weeks: number } {
  const d = (y: number, m: number, day: number) => `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  switch (kind) {
    case 'summer_school':
    case 'short_term_training':
      return { start: d(year + 1, rng.pick([6, 7, 7, 8]), rng.int(1, 20)), weeks: rng.int(2, 6) };
    case 'clinical_elective': {
      const month = rng.pick([10, 11, 3, 4, 5]);
      return { start: d(month >= 9 ? year : year + 1, month, rng.int(1, 25)), weeks: rng.int(4, 8) };
    }
    case 'semester_exchange':
      return rng.chance(0.5) ? { start: d(year, 9, rng.int(1, 15)), weeks: 18 } : { start: d(year + 1, 2, rng.int(1, 20)), weeks: 18 };
    default:
      return { start: d(year, 9, rng.int(1, 20)), weeks: 48 };
  }
}

/** The day (MM-DD) the office allocates each year's places; every application is made before it. */
export const ALLOCATION_DAY = '05-10';

/**
 * The exchanges of one academic year: an opportunity per host, with the students sent
 * (`sent` in all, spread over the hosts, at least one each), a few selected who withdrew, and
 * a few applicants not selected. Scores fall so that the allocation by merit picks the sent
 * and the withdrawn before the others.
 */
export function planYear(rng: Rng, year: number, hosts: readonly string[], sent: number, today: string): PlannedOpportunity[] {
  const shares = hosts.map(() => 1);
  for (let left = sent - hosts.length; left > 0; left--) shares[rng.int(0, hosts.length - 1)]! += 1;
  const { from } = academicYearSpan(year);
  return hosts.map((host, i) => {
    const kind = rng.weighted(KINDS);
    const withdrawn = rng.chance(0.3) ? 1 : 0;
    const notSelected = rng.int(0, 3);
    const places = shares[i]! + withdrawn;
    const applicants: PlannedApplicant[] = [];
    let score = 99;
    // Applications close before the office allocates the places (ALLOCATION_DAY).
    const appliedOn = () => addDays(from, -rng.int(125, 200));
    let starts = '9999-12-31';
    let ends = '0000-01-01';
    for (let k = 0; k < places + notSelected; k++) {
      score -= rng.int(1, 2);
      const fate: Fate = k >= places ? 'not_selected' : k >= shares[i]! ? 'withdrawn' : 'departed';
      const { start, weeks } = departureOf(rng, kind, year);
      const back = addDays(start, weeks * 7);
      if (fate === 'departed') {
        if (start < starts) starts = start;
        if (back > ends) ends = back;
      }
      applicants.push({ score, appliedOn: appliedOn(), fate, departureDate: fate === 'departed' ? start : null, returnDate: fate === 'departed' && back <= today ? back : null });
    }
    // read from the applications, not drawn, so that the rest of the plan stays as it was
    const applicationsCloseOn = monthEnd(applicants.reduce((last, a) => (a.appliedOn > last ? a.appliedOn : last), applicants[0]!.appliedOn));
    return { host, kind, academicYear: year, places, startsOn: starts, endsOn: ends, applicationsCloseOn, applicants };
  });
}

/** A call for applications of the running academic year, its days counted from the load date. */
export interface PlannedCall {
  host: string;
  kind: ExchangeKind;
  places: number;
  /** Days from the load date: applications close, the exchange starts and ends. */
  closes: number;
  starts: number;
  weeks: number;
  /** How many applied, each some days before the closing day (or before the load date, if the call is still open). */
  applicants: number;
  /** How many of them the office has already shortlisted. */
  shortlisted: number;
}

/**
 * The running academic year's calls, relative to the load date, so that the office always has
 * places to allocate: a spring semester whose applications closed three weeks ago (its
 * allocation late), a clinical elective closed five days ago (due in nine days), and a summer
 * school still taking applications for a month (not on anyone's list yet).
 */
export const RUNNING_YEAR_CALLS: readonly PlannedCall[] = [
  { host: 'sorbonne', kind: 'semester_exchange', places: 2, closes: -21, starts: 70, weeks: 18, applicants: 5, shortlisted: 2 },
  { host: 'karolinska', kind: 'clinical_elective', places: 1, closes: -5, starts: 120, weeks: 6, applicants: 3, shortlisted: 0 },
  { host: 'tokyo', kind: 'summer_school', places: 3, closes: 30, starts: 200, weeks: 3, applicants: 2, shortlisted: 0 },
];

/**
 * Every year of the demo relative to the load date: the last complete academic year (about 200
 * students to the 31 hosts) and the four before it, growing towards it.
 */
export function planExchanges(rng: Rng, today: string): { lastYear: number; years: Array<{ year: number; opportunities: PlannedOpportunity[] }> } {
  const lastYear = lastCompleteAcademicYear(today);
  const years: Array<{ year: number; opportunities: PlannedOpportunity[] }> = [];
  for (let back = 4; back >= 1; back--) {
    const year = lastYear - back;
    const hosts = [...rng.shuffle(YEAR_HOSTS).slice(0, 31 - back * 3), ...EARLIER_HOSTS.slice(0, back + 1)].filter((h, i, all) => all.indexOf(h) === i);
    years.push({ year, opportunities: planYear(rng, year, hosts, 200 - back * 22 + rng.int(-5, 5), today) });
  }
  years.push({ year: lastYear, opportunities: planYear(rng, lastYear, YEAR_HOSTS, rng.int(193, 207), today) });
  return { lastYear, years };
}
