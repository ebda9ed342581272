import type { Scoped } from '../../core/request-context.ts';
import { selectPage, Where } from '../../db/where.ts';
import { unitScopeSql } from '../../db/scope.ts';
import type { Partner, PartnerFigures, TimelineEntry } from '../../../shared/contracts/agreements.ts';

/** Agreements in force on `$1`, within a coordinator's unit when `scope` is set (its id is `$2`). */
function inForceSql(scope: number | null): string {
  return `SELECT ap.institution_id, a.kind, a.signed_on FROM agreements a JOIN agreement_partners ap ON ap.agreement_id = a.id
          WHERE agreement_in_force(a.status, a.effective_on, a.expires_on, a.auto_renewal, a.terminated_on, $1::date)
          ${scope !== null ? `AND ${unitScopeSql('a.unit_id', 2)}` : ''}`;
}

/**
 * The partner figures on `asOf`: universities with an agreement in force, their countries and
 * regions (and countries alone), per country, and the organizations with working arrangements.
 * The one definition of "partner" that every report uses.
 */
export async function partnerFigures(db: Scoped, asOf: string): Promise<PartnerFigures> {
  const { scope } = db;
  const params = scope !== null ? [asOf, scope] : [asOf];
  const { rows: byCountry } = await db.query<{ countryCode: string; universities: number; institutions: number; isRegion: boolean }>(
    `SELECT i.country_code AS "countryCode", c.is_region AS "isRegion",
            count(DISTINCT i.id) FILTER (WHERE i.kind = 'university')::int AS universities, count(DISTINCT i.id)::int AS institutions
       FROM (${inForceSql(scope)}) f JOIN institutions i ON i.id = f.institution_id JOIN countries c ON c.code = i.country_code
      GROUP BY i.country_code, c.is_region ORDER BY universities DESC, i.country_code`,
    params,
  );
  const { rows: organizations } = await db.query<PartnerFigures['organizations'][number]>(
    `SELECT DISTINCT i.id, i.name_en AS "nameEn", i.name_zh AS "nameZh", i.name_fr AS "nameFr", i.kind, i.country_code AS "countryCode"
       FROM (${inForceSql(scope)}) f JOIN institutions i ON i.id = f.institution_id
      WHERE f.kind = 'working_arrangement' ORDER BY i.name_en, i.id`,
    params,
  );
  const withUniversities = byCountry.filter((c) => c.universities > 0);
  return {
    asOf,
    universities: withUniversities.reduce((sum, c) => sum + c.universities, 0),
    countriesAndRegions: withUniversities.length,
    countries: withUniversities.filter((c) => !c.isRegion).length,
    byCountry: byCountry.map(({ countryCode, universities, institutions }) => ({ countryCode, universities, institutions })),
    organizations,
  };
}

/** The institutions behind a partner figure: a page of those with an agreement in force on `asOf`. */
export function listPartners(
  db: Scoped,
  asOf: string,
  query: { q?: string; country?: string; kind?: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const { scope } = db;
  const where = new Where();
  where.param(asOf);
  if (scope !== null) where.param(scope);
  where.search('i.search_text', query.q).when(query.country, 'i.country_code = ?').when(query.kind, 'i.kind = ?');
  const from = `(SELECT institution_id, count(*)::int AS n, min(signed_on) AS first_signed FROM (${inForceSql(scope)}) f GROUP BY institution_id) p
                JOIN institutions i ON i.id = p.institution_id`;
  const select = `i.id AS "institutionId", i.name_en AS "nameEn", i.name_zh AS "nameZh", i.name_local AS "nameLocal", i.kind,
                  i.country_code AS "countryCode", p.n AS "agreementsInForce", p.first_signed AS "firstSignedOn"`;
  const orderBy = `i.name_en ${query.order === 'desc' ? 'DESC' : 'ASC'}, i.id`;
  return selectPage<Partner>(db, { select, from, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/**
 * Everything we did with an institution, newest first: the agreements' steps, and every
 * activity of the partner_activity view (one line per source record and label), which each
 * module feeds through the ledger or its own rows in the view.
 */
export async function institutionTimeline(db: Scoped, institutionId: number): Promise<TimelineEntry[]> {
  const { scope } = db;
  const params = scope !== null ? [institutionId, scope] : [institutionId];
  const agreementScope = scope !== null ? `AND ${unitScopeSql('a.unit_id', 2)}` : '';
  const activityScope = scope !== null ? `AND ${unitScopeSql('pa.unit_id', 2)}` : '';
  const { rows } = await db.query<TimelineEntry>(
    `SELECT e.date::text AS date, 'agreements' AS module, e.event, a.id AS "sourceId", a.title_en AS "titleEn", a.title_zh AS "titleZh", NULL::int AS "personTimes"
       FROM agreements a JOIN agreement_partners ap ON ap.agreement_id = a.id
       CROSS JOIN LATERAL (VALUES (a.signed_on, 'signed'), (a.effective_on, 'effective'), (a.expires_on, 'expires'), (a.terminated_on, 'terminated')) AS e(date, event)
      WHERE ap.institution_id = $1 AND e.date IS NOT NULL ${agreementScope}
        AND (e.event <> 'expires' OR a.status NOT IN ('draft','under_review','approved'))
     UNION ALL
     SELECT min(pa.activity_date)::text, pa.source_module, pa.label, pa.source_id, pa.label, NULL, sum(pa.count)::int
       FROM partner_activity pa WHERE pa.institution_id = $1 ${activityScope}
      GROUP BY pa.source_module, pa.source_id, pa.label
     ORDER BY 1 DESC, 4 DESC`,
    params,
  );
  return rows;
}
