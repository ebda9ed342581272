import type { Scoped } from '../../core/request-context.ts';
import { unitScopeSql } from '../../db/scope.ts';
import { APPOINTMENT_TITLES, type AppointmentTitle, type ExpertsEngaged, type ExpertVisit } from '../../../shared/contracts/appointments.ts';

/**
 * Experts engaged on `asOf`: distinct people with an appointment in force then, by title
 * and by nationality; and the distinct people ever appointed up to then. Within a
 * coordinator's unit when `scope` is set. The one definition every report uses.
 */
export async function expertsEngaged(db: Scoped, asOf: string): Promise<ExpertsEngaged> {
  const { scope } = db;
  const params = scope !== null ? [asOf, scope] : [asOf];
  const inScope = scope !== null ? `AND ${unitScopeSql('a.unit_id', 2)}` : '';
  const inForce = `SELECT a.person_id, a.title, p.nationality FROM appointments a JOIN people p ON p.id = a.person_id
                    WHERE appointment_in_force(a.status, a.start_date, a.end_date, a.revoked_on, $1::date) ${inScope}`;
  const { rows: totals } = await db.query<{ engaged: number; engagedSince: number }>(
    `SELECT (SELECT count(DISTINCT person_id)::int FROM (${inForce}) f) AS engaged,
            (SELECT count(DISTINCT a.person_id)::int FROM appointments a
              WHERE a.status IN ('appointed','revoked') AND a.start_date <= $1::date ${inScope}) AS "engagedSince"`,
    params,
  );
  const { rows: titles } = await db.query<{ title: AppointmentTitle; experts: number }>(
    `SELECT title, count(DISTINCT person_id)::int AS experts FROM (${inForce}) f GROUP BY title`,
    params,
  );
  const { rows: byCountry } = await db.query<{ countryCode: string | null; experts: number; isRegion: boolean | null }>(
    `SELECT f.nationality AS "countryCode", c.is_region AS "isRegion", count(DISTINCT f.person_id)::int AS experts
       FROM (${inForce}) f LEFT JOIN countries c ON c.code = f.nationality
      GROUP BY f.nationality, c.is_region ORDER BY experts DESC, f.nationality NULLS LAST`,
    params,
  );
  const perTitle = new Map(titles.map((t) => [t.title, t.experts]));
  const known = byCountry.filter((c) => c.countryCode !== null);
  return {
    asOf,
    engaged: totals[0]!.engaged,
    byTitle: APPOINTMENT_TITLES.map((title) => ({ title, experts: perTitle.get(title) ?? 0 })),
    byCountry: byCountry.map(({ countryCode, experts }) => ({ countryCode, experts })),
    countriesAndRegions: known.length,
    countries: known.filter((c) => !c.isRegion).length,
    engagedSince: totals[0]!.engagedSince,
  };
}

/**
 * The visits a person came on, read from the ledger (the visits module's contract with the
 * rest): its inbound person-times whose source is a visit, newest first, within the caller's reach.
 */
export async function visitsOf(db: Scoped, personId: number): Promise<ExpertVisit[]> {
  const { scope } = db;
  const params = scope !== null ? [personId, scope] : [personId];
  const { rows } = await db.query<ExpertVisit>(
    `SELECT l.source_id AS "visitId", l.start_date AS "startDate", l.end_date AS "endDate", l.category, l.country_code AS "countryCode",
            l.institution_id AS "institutionId", i.name_en AS "institutionName", l.unit_id AS "unitId"
       FROM ledger l LEFT JOIN institutions i ON i.id = l.institution_id
      WHERE l.person_id = $1 AND l.direction = 'inbound' AND l.source_module = 'visit' ${scope !== null ? `AND ${unitScopeSql('l.unit_id', 2)}` : ''}
      ORDER BY l.start_date DESC, l.id DESC`,
    params,
  );
  return rows;
}

/** The inbound person-times of a person (every source), within the caller's reach. */
export async function inboundPersonTimes(db: Scoped, personId: number): Promise<number> {
  const { scope } = db;
  const params = scope !== null ? [personId, scope] : [personId];
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ledger l WHERE l.person_id = $1 AND l.direction = 'inbound' ${scope !== null ? `AND ${unitScopeSql('l.unit_id', 2)}` : ''}`,
    params,
  );
  return rows[0]!.n;
}

/** Distinct people whose appointment (conferred, even if revoked since) started in [from, to], within the caller's reach. */
export async function expertsAppointedIn(db: Scoped, from: string, to: string): Promise<number> {
  const { scope } = db;
  const params: unknown[] = [from, to];
  if (scope !== null) params.push(scope);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(DISTINCT a.person_id)::int AS n FROM appointments a
      WHERE a.status IN ('appointed','revoked') AND a.start_date BETWEEN $1::date AND $2::date ${scope !== null ? `AND ${unitScopeSql('a.unit_id', 3)}` : ''}`,
    params,
  );
  return rows[0]!.n;
}
