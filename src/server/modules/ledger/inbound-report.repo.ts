import type { Scoped } from '../../core/request-context.ts';
import { Where } from '../../db/where.ts';
import { rollupSums, type RollupSum } from './ledger-rollup.repo.ts';

/** One country or region's share of the inbound person-times. */
export interface CountryPersonTimes {
  code: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  isRegion: boolean;
  personTimes: number;
  distinctPersons: number;
}

/**
 * The countries and regions with the most inbound person-times that started in [since, until],
 * whatever wrote them (visits, conferences, aggregate counts). Rows without a country are left
 * out here; the totals still count them. Person-times come from the rollups; the distinct
 * persons of the listed countries only are counted on the ledger's individual rows.
 */
export async function topInboundCountries(db: Scoped, period: { since: string; until: string }, limit: number): Promise<CountryPersonTimes[]> {
  const sums = await rollupSums(db, { direction: 'inbound', from: period.since || undefined, to: period.until || undefined }, db.scope, 'country');
  const top = sums
    .filter((s): s is RollupSum & { key: string } => typeof s.key === 'string')
    .sort((a, b) => b.personTimes - a.personTimes || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
  if (!top.length) return [];
  const where = new Where()
    .raw(`l.direction = 'inbound' AND l.person_id IS NOT NULL`)
    .when(period.since, 'l.start_date >= ?::date')
    .when(period.until, 'l.start_date <= ?::date')
    .scope('l.unit_id', db.scope);
  const codes = where.param(top.map((t) => t.key));
  const { rows } = await db.query<Omit<CountryPersonTimes, 'personTimes'>>(
    `SELECT c.code, c.name_en AS "nameEn", c.name_zh AS "nameZh", c.name_fr AS "nameFr", c.is_region AS "isRegion",
            (SELECT count(DISTINCT l.person_id) FROM ledger l ${where} AND l.country_code = c.code)::bigint AS "distinctPersons"
     FROM countries c WHERE c.code = ANY(${codes}::text[])`,
    where.params,
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return top.map((t) => ({ ...byCode.get(t.key)!, personTimes: t.personTimes }));
}
