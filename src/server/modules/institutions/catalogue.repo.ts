import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/where.ts';
import type { CatalogueEntry } from '../../../shared/contracts/institutions.ts';

/**
 * Entries of the reference catalogue matching `q`, shortest names first (the closest match
 * to what was typed), each with the institution already made from it, if any.
 */
export async function searchCatalogue(db: Queryable, query: { q: string; country?: string; limit: number }): Promise<CatalogueEntry[]> {
  const where = new Where().search('r.search_text', query.q).when(query.country, 'r.country_code = ?');
  const limit = where.param(query.limit);
  const { rows } = await db.query<CatalogueEntry>(
    `SELECT r.ref, r.source, r.name, r.country_code AS "countryCode", r.city, r.website, r.domains,
            r.erasmus_code AS "erasmusCode", r.pic,
            (SELECT i.id FROM institutions i WHERE i.reference_ref = r.ref ORDER BY i.id LIMIT 1) AS "institutionId"
     FROM reference_institutions r ${where}
     ORDER BY length(r.name), r.name, r.ref LIMIT ${limit}`,
    where.params,
  );
  return rows;
}

/** One catalogue entry, or null. */
export async function findCatalogueEntry(db: Queryable, ref: string): Promise<{ ref: string } | null> {
  const { rows } = await db.query<{ ref: string }>('SELECT ref FROM reference_institutions WHERE ref = $1', [ref]);
  return rows[0] ?? null;
}
