import type { Queryable } from '../../db/client.ts';
import type { Direction } from '../../../shared/contracts/ledger.ts';
import { rollupSums, type RollupFilter } from './ledger-rollup.repo.ts';

/**
 * A person-time figure's filters. `unitId` is a unit and its sub-units (a coordinator's
 * figures, or a unit's on the dashboard); `from` and `to` are start dates, both inclusive,
 * and need not be whole years (see ledger-period.rules.ts).
 */
export interface PersonTimesFilter {
  direction?: Direction;
  from?: string;
  to?: string;
  unitId?: number;
  countryCode?: string;
  category?: string;
  who?: string;
}

const rollupFilter = (f: PersonTimesFilter): RollupFilter => ({
  direction: f.direction,
  from: f.from,
  to: f.to,
  country: f.countryCode,
  category: f.category,
  who: f.who,
});

/**
 * Person-times (人次, aggregate counts included) matching `filter`, read from the rollups
 * kept by the ledger's writer: its cost follows the number of rollup cells, not of rows.
 * The one definition the fact sheet, the dashboard, the CLI and `report verify` share.
 */
export async function personTimes(db: Queryable, filter: PersonTimesFilter): Promise<number> {
  const [sum] = await rollupSums(db, rollupFilter(filter), filter.unitId ?? null);
  return sum?.personTimes ?? 0;
}

/** Person-times by the year the stays started, for time series; years with none are left out. */
export async function personTimesByYear(db: Queryable, filter: PersonTimesFilter): Promise<Array<{ year: number; personTimes: number }>> {
  const sums = await rollupSums(db, rollupFilter(filter), filter.unitId ?? null, 'year');
  return sums.map((s) => ({ year: Number(s.key), personTimes: s.personTimes }));
}

/** The dimensions a person-time figure breaks down by. */
export type PersonTimesDimension = 'country' | 'category' | 'unit' | 'who';

/**
 * Person-times broken down by country/region code, category, unit id (each unit on its own;
 * a subtree is the sum of its units) or who, largest first. A null key: rows without one.
 */
export async function personTimesBy(
  db: Queryable,
  by: PersonTimesDimension,
  filter: PersonTimesFilter,
): Promise<Array<{ key: string | null; personTimes: number }>> {
  const sums = await rollupSums(db, rollupFilter(filter), filter.unitId ?? null, by);
  return sums
    .map((s) => ({ key: s.key === null ? null : String(s.key).trim(), personTimes: s.personTimes }))
    .sort((a, b) => b.personTimes - a.personTimes || String(a.key).localeCompare(String(b.key)));
}
