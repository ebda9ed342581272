import type { Db } from '../server/db/client.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createAggregates } from '../server/modules/ledger/aggregates.service.ts';
import { AggregateInput, type LedgerCategory } from '../shared/contracts/ledger.ts';

/** Inbound person-times "since 1980": about 50,000, as the seed says. */
export const INBOUND_TARGET = 50_000;

/** The first year with individual visit records; the years before enter as the annual statistics' counts. */
export const RECORDS_FROM = 2020;

/** Person-times recorded individually (visits, conferences), by year, country and purpose. */
export interface RecordedPersonTimes {
  year: number;
  country: string | null;
  category: LedgerCategory;
  count: number;
}

/** One count of the office's annual statistics: a year, a country or region, a purpose. */
export interface AggregateSpec {
  year: number;
  /** Null for the countries the return groups as "other countries". */
  country: string | null;
  category: LedgerCategory;
  count: number;
}

// The shape of the years: growth through the 1980s, a fall in 1989, growth again, SARS in
// 2003, the Expo in 2010, a plateau near the top before the pandemic (relative weights).
const YEAR_WEIGHTS: Readonly<Record<number, number>> = {
  1980: 20, 1981: 23, 1982: 26, 1983: 29, 1984: 33, 1985: 37, 1986: 41, 1987: 44, 1988: 47, 1989: 30,
  1990: 32, 1991: 38, 1992: 44, 1993: 50, 1994: 55, 1995: 60, 1996: 64, 1997: 68, 1998: 70, 1999: 74,
  2000: 78, 2001: 82, 2002: 86, 2003: 56, 2004: 90, 2005: 95, 2006: 99, 2007: 103, 2008: 107, 2009: 105,
  2010: 114, 2011: 116, 2012: 118, 2013: 120, 2014: 122, 2015: 124, 2016: 126, 2017: 128, 2018: 130, 2019: 132,
};

// Where visitors came from, decade by decade (Taiwan from 1988, South Korea from 1992).
const COUNTRIES: ReadonlyArray<readonly [from: number, weights: ReadonlyArray<readonly [string, number]>]> = [
  [1980, [['JP', 30], ['US', 20], ['FR', 14], ['HK', 12], ['DE', 6], ['GB', 5], ['CA', 4], ['AU', 3], ['IT', 1.5], ['SE', 1], ['CH', 1], ['NL', 1], ['BE', 1], ['TW', 2]]],
  [1990, [['JP', 24], ['US', 18], ['FR', 13], ['HK', 10], ['TW', 7], ['DE', 5], ['GB', 5], ['KR', 5], ['CA', 4], ['AU', 4], ['SG', 2], ['SE', 1.5], ['NL', 1], ['CH', 1], ['IT', 1], ['BE', 1], ['RU', 1], ['TH', 0.5]]],
  [2000, [['JP', 20], ['US', 18], ['FR', 12], ['HK', 8], ['TW', 8], ['KR', 8], ['DE', 5], ['GB', 5], ['CA', 4], ['AU', 4], ['SG', 3], ['SE', 1.5], ['NL', 1.5], ['CH', 1.5], ['IT', 1], ['BE', 1], ['FI', 0.5], ['HU', 0.5], ['RU', 0.5], ['TH', 0.5], ['MO', 0.5], ['MY', 0.5]]],
  [2010, [['US', 18], ['JP', 16], ['FR', 12], ['TW', 9], ['KR', 9], ['HK', 7], ['DE', 5], ['GB', 5], ['AU', 5], ['CA', 4], ['SG', 3], ['SE', 2], ['NL', 1.5], ['CH', 1.5], ['IT', 1.5], ['BE', 1], ['FI', 0.5], ['HU', 0.5], ['NO', 0.5], ['DK', 0.5], ['RU', 0.5], ['TH', 0.5], ['MO', 0.5], ['IN', 0.5], ['MY', 0.5], ['NZ', 0.5], ['AT', 0.5], ['ES', 0.5]]],
];

// What they came for: more courtesy calls and study tours in the early years, more academic work later.
const PURPOSES: ReadonlyArray<readonly [from: number, weights: ReadonlyArray<readonly [LedgerCategory, number]>]> = [
  [1980, [['academic_exchange', 35], ['courtesy_visit', 30], ['inspection', 20], ['lecturing', 10], ['negotiation_signing', 5]]],
  [1990, [['academic_exchange', 40], ['courtesy_visit', 24], ['inspection', 16], ['lecturing', 12], ['negotiation_signing', 8]]],
  [2000, [['academic_exchange', 45], ['courtesy_visit', 18], ['lecturing', 13], ['inspection', 12], ['negotiation_signing', 9], ['other', 3]]],
];

const ofYear = <T>(table: ReadonlyArray<readonly [number, T]>, year: number): T => [...table].reverse().find(([from]) => year >= from)![1];

function countriesOf(year: number): ReadonlyArray<readonly [string, number]> {
  return ofYear(COUNTRIES, year).filter(([c]) => !(c === 'TW' && year < 1988) && !(c === 'KR' && year < 1992));
}

// Countries with fewer person-times in a year than this are one "other countries" count, as the annual returns group them.
const MIN_SHARE = 30;

/** A country's count of a year, split by purpose only when it is large enough for the return to break it down. */
function countryCells(year: number, country: string | null, share: number): AggregateSpec[] {
  const k = country === null ? 0 : share >= 300 ? 4 : share >= 130 ? 3 : share >= 80 ? 2 : 0;
  if (k === 0) return [{ year, country, category: 'all_purposes', count: Math.round(share) }];
  const purposes = ofYear(PURPOSES, year).slice(0, k);
  const total = purposes.reduce((s, [, w]) => s + w, 0);
  return purposes.map(([category, w]) => ({ year, country, category, count: Math.round((share * w) / total) }));
}

/**
 * The annual statistics of the years before individual records: each year's inbound
 * person-times follow the years' shape so that, with what is recorded individually, the
 * total since 1980 comes to about 50,000. A year's count leaves out its conferences' foreign
 * participants and its individually recorded visits (the seed's four notable ones), which
 * are in the ledger already; the rest is split by country or region (the small ones grouped)
 * and, for the larger ones, by purpose.
 */
export function planInboundAggregates(recorded: readonly RecordedPersonTimes[]): AggregateSpec[] {
  const sum = (rows: readonly RecordedPersonTimes[]) => rows.reduce((s, r) => s + r.count, 0);
  const later = sum(recorded.filter((r) => r.year >= RECORDS_FROM));
  const weights = Object.entries(YEAR_WEIGHTS);
  const totalWeight = weights.reduce((s, [, w]) => s + w, 0);
  const specs: AggregateSpec[] = [];
  for (const [y, weight] of weights) {
    const year = Number(y);
    const thatYear = recorded.filter((r) => r.year === year);
    const counted = Math.round(((INBOUND_TARGET - later) * weight) / totalWeight) - sum(thatYear.filter((r) => r.category === 'conference'));
    if (counted <= 0) throw new Error(`demo inbound: ${year} has more recorded person-times than its share`);
    const countries = countriesOf(year);
    const countryWeight = countries.reduce((s, [, w]) => s + w, 0);
    const shares = countries.map(([country, w]) => [country, (counted * w) / countryWeight] as const);
    const cells = shares.filter(([, share]) => share >= MIN_SHARE).flatMap(([country, share]) => countryCells(year, country, share));
    const other = shares.filter(([, share]) => share < MIN_SHARE).reduce((s, [, share]) => s + share, 0);
    if (other > 0) cells.push(...countryCells(year, null, other));
    // An individually recorded visit comes out of its country's count (its purpose's first), else out of the other countries'.
    for (const r of thatYear.filter((x) => x.category !== 'conference')) {
      const ofCountry = cells.filter((c) => c.country === r.country);
      const cell = ofCountry.find((c) => c.category === r.category) ?? ofCountry[0] ?? cells.find((c) => c.country === null) ?? cells[0]!;
      cell.count -= r.count;
    }
    specs.push(...cells.filter((c) => c.count > 0));
  }
  return specs;
}

function sourceOf(year: number): string {
  // The school was Shanghai Second Medical University until 2005.
  return year < 2005
    ? `Shanghai Second Medical University, Foreign Affairs Office: annual statistics ${year} (demo)`
    : `SJTUSM Office of International Cooperation and Exchange: annual statistics ${year} (demo)`;
}

/**
 * Enters the annual counts through the aggregates service, each with its source, flagged as
 * aggregates in the ledger: all in one call (createAggregates), which writes the rows, ledger
 * rows, rollups and audit rows createAggregate would write for each, in four statements.
 */
export async function loadInboundAggregates(db: Db, specs: readonly AggregateSpec[], unitId: number): Promise<void> {
  const inputs = specs.map((a) =>
    parseOrThrow(AggregateInput, {
      direction: 'inbound',
      who: 'visitor',
      count: a.count,
      category: a.category,
      countryCode: a.country,
      unitId,
      startDate: `${a.year}-01-01`,
      endDate: `${a.year}-12-31`,
      sourceDocument: sourceOf(a.year),
      notes: 'Foreign visitors received, by country or region and purpose, as the annual return gives them; conference participants are counted with each conference.',
    }),
  );
  await createAggregates(systemContext(db), { inputs });
}
