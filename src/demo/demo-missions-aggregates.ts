import type { Db } from '../server/db/client.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createAggregates } from '../server/modules/ledger/aggregates.service.ts';
import { AggregateInput, type LedgerCategory } from '../shared/contracts/ledger.ts';
import { MISSIONS_FROM } from './demo-missions-plan.ts';

/** Outbound staff person-times "since 1954": about 17,000, as the seed says. */
export const OUTBOUND_TARGET = 17_000;

// Staff sent abroad a year, as the annual returns would show it (relative): a few in the 1950s,
// almost none in the Cultural Revolution, the opening after 1978, a dip in 1989, SARS in 2003,
// growth to 2012, then the tighter rules on official trips abroad (2013) hold it level.
// Years between two anchors are interpolated.
const ANCHORS: ReadonlyArray<readonly [number, number]> = [
  [1954, 3], [1956, 6], [1957, 8], [1958, 5], [1960, 4], [1962, 2], [1964, 5], [1965, 5], [1966, 1], [1967, 0], [1971, 0], [1972, 1],
  [1975, 3], [1977, 5], [1978, 14], [1979, 30], [1980, 55], [1985, 140], [1988, 190], [1989, 140], [1990, 150], [1992, 200], [1995, 260],
  [2000, 330], [2002, 380], [2003, 260], [2004, 400], [2008, 470], [2012, 560], [2013, 520], [2019, 540],
];

function weightOf(year: number): number {
  const after = ANCHORS.findIndex(([y]) => y >= year);
  const [y1, w1] = ANCHORS[after]!;
  if (y1 === year || after === 0) return w1;
  const [y0, w0] = ANCHORS[after - 1]!;
  return w0 + ((w1 - w0) * (year - y0)) / (y1 - y0);
}

// From 2000 the annual return breaks the count down by purpose.
const PURPOSES: ReadonlyArray<readonly [LedgerCategory, number]> = [
  ['conference', 40], ['friendly_visit', 12], ['investigation_tour', 12], ['advanced_study', 14], ['lecturing', 8], ['joint_research', 14],
];
const BY_PURPOSE_FROM = 2000;

/** One count of the office's annual returns: a year, a purpose (or all of them). */
export interface OutboundAggregateSpec {
  year: number;
  category: LedgerCategory;
  count: number;
}

/**
 * The annual counts of the years before individual mission records (1954–2019): each year's
 * staff person-times follow the years' shape so that, with the `recorded` person-times of the
 * missions since 2020, the total since 1954 comes to about 17,000. From 2000 a year is split
 * by purpose.
 */
export function planOutboundAggregates(recorded: number): OutboundAggregateSpec[] {
  const years = Array.from({ length: MISSIONS_FROM - 1954 }, (_, i) => 1954 + i);
  const total = years.reduce((s, y) => s + weightOf(y), 0);
  const specs: OutboundAggregateSpec[] = [];
  for (const year of years) {
    const count = Math.round(((OUTBOUND_TARGET - recorded) * weightOf(year)) / total);
    if (count <= 0) continue;
    if (year < BY_PURPOSE_FROM) {
      specs.push({ year, category: 'all_purposes', count });
      continue;
    }
    const sum = PURPOSES.reduce((s, [, w]) => s + w, 0);
    const cells = PURPOSES.map(([category, w]) => ({ year, category, count: Math.round((count * w) / sum) }));
    // The cells add up to the year's count: what rounding left over goes to the conferences.
    cells[0]!.count += count - cells.reduce((s, c) => s + c.count, 0);
    specs.push(...cells.filter((c) => c.count > 0));
  }
  return specs;
}

function sourceOf(year: number): string {
  // The school was Shanghai Second Medical College until 1985, Shanghai Second Medical University until 2005.
  const name = year < 1985 ? 'Shanghai Second Medical College' : year < 2005 ? 'Shanghai Second Medical University' : 'SJTUSM';
  return `${name}, foreign affairs office: annual return of staff sent abroad ${year} (demo)`;
}

/**
 * Enters the annual counts through the aggregates service, each with its source, flagged as
 * aggregates in the ledger: all in one call (createAggregates), which writes the rows, ledger
 * rows, rollups and audit rows createAggregate would write for each, in four statements.
 */
export async function loadOutboundAggregates(db: Db, specs: readonly OutboundAggregateSpec[], unitId: number): Promise<void> {
  const inputs = specs.map((a) =>
    parseOrThrow(AggregateInput, {
      direction: 'outbound',
      who: 'staff',
      count: a.count,
      category: a.category,
      countryCode: null,
      unitId,
      startDate: `${a.year}-01-01`,
      endDate: `${a.year}-12-31`,
      sourceDocument: sourceOf(a.year),
      notes: 'Staff sent abroad on official missions (因公出国), as the annual return gives them; the return does not break them down by country.',
    }),
  );
  await createAggregates(systemContext(db), { inputs });
}
