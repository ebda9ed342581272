import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/where.ts';

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
 * out here; the totals still count them.
 */
export async function topInboundCountries(db: Queryable, scope: number | null, period: { since: string; until: string }, limit: number): Promise<CountryPersonTimes[]> {
  const where = new Where()
    .raw(`l.direction = 'inbound'`)
    .when(period.since, 'l.start_date >= ?::date')
    .when(period.until, 'l.start_date <= ?::date')
    .scope('l.unit_id', scope);
  const { rows } = await db.query<CountryPersonTimes>(
    `SELECT c.code, c.name_en AS "nameEn", c.name_zh AS "nameZh", c.name_fr AS "nameFr", c.is_region AS "isRegion",
            sum(l.count)::bigint AS "personTimes", count(DISTINCT l.person_id)::bigint AS "distinctPersons"
     FROM ledger l JOIN countries c ON c.code = l.country_code ${where}
     GROUP BY c.code ORDER BY "personTimes" DESC, c.code LIMIT ${where.param(limit)}`,
    where.params,
  );
  return rows;
}
