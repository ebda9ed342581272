import type { Queryable } from '../../db/client.ts';
import type { Country } from '../../../shared/contracts/countries.ts';

/** Every ISO 3166-1 country and region, with names in English, Chinese and French. */
export async function listCountries(db: Queryable): Promise<Country[]> {
  const { rows } = await db.query<Country>(
    `SELECT code, alpha3, name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr", is_region AS "isRegion", continent
     FROM countries ORDER BY code`,
  );
  return rows;
}
