import type { Queryable } from '../../db/client.ts';

/**
 * An outbound exchange application as EWP's Outgoing Mobilities API needs it: the application,
 * its opportunity (the places the partner offers), the partner institution and the student —
 * only the student fields the API requires (the birth date still encrypted), never a passport.
 */
export interface OmobilityRow {
  omobilityId: string;
  status: 'nominated' | 'departed' | 'returned' | 'withdrawn';
  nomineeIscedFCode: string | null;
  eqfLevel: number | null;
  kind: string;
  academicYear: number;
  startsOn: string | null;
  endsOn: string | null;
  departureDate: string | null;
  returnDate: string | null;
  agreementIscedFCode: string | null;
  sendingUnitId: number;
  receivingHeiId: string;
  personId: number;
  givenName: string | null;
  familyName: string;
  gender: string | null;
  nationality: string | null;
  email: string | null;
  birthDateEnc: string | null;
}

/** Which mobilities a query asks for; every list given must match (its values are OR-ed), as EWP's index says. */
export interface OmobilityFilter {
  /** The receiving institutions the caller covers (SCHAC codes, lower case): it sees those mobilities only. */
  callerHeiIds: readonly string[];
  omobilityIds?: readonly string[];
  receivingHeiIds?: readonly string[];
  /** The academic year by the year it starts in (2025 = 2025/2026). */
  academicYear?: number;
  modifiedSince?: Date;
}

/**
 * The application statuses EWP sees: nominated to the partner, or later (gone, back); and a
 * withdrawal after the nomination (the partner learns it is cancelled), known from the
 * application's audit history, the only record of the statuses it went through.
 */
export const SERVED_STATUSES = ['nominated', 'departed', 'returned'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The nominated (or later) applications to a partner whose SCHAC code the caller covers,
 * narrowed by the filter; a change to the application, its opportunity, the partner or the
 * student counts as a modification.
 */
export async function findOmobilities(db: Queryable, filter: OmobilityFilter): Promise<OmobilityRow[]> {
  const params: unknown[] = [[...SERVED_STATUSES], filter.callerHeiIds.map((id) => id.toLowerCase())];
  const nominatedOnce = `EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'exchange_application' AND l.entity_id = a.id::text AND l.after->>'status' = ANY($1::text[]))`;
  const where = [`(a.status = ANY($1::text[]) OR (a.status = 'withdrawn' AND ${nominatedOnce}))`, `p.erased_at IS NULL`, `i.schac IS NOT NULL`, `lower(i.schac) = ANY($2::text[])`];
  if (filter.omobilityIds) {
    // An id that is no uuid names no mobility: it is ignored, as EWP's get says (not an error).
    params.push(filter.omobilityIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()));
    where.push(`a.ewp_omobility_id = ANY($${params.length}::uuid[])`);
  }
  if (filter.receivingHeiIds) {
    params.push(filter.receivingHeiIds.map((id) => id.toLowerCase()));
    where.push(`lower(i.schac) = ANY($${params.length}::text[])`);
  }
  if (filter.academicYear !== undefined) {
    params.push(filter.academicYear);
    where.push(`o.academic_year = $${params.length}`);
  }
  if (filter.modifiedSince) {
    params.push(filter.modifiedSince.toISOString());
    where.push(`GREATEST(a.updated_at, o.updated_at, i.updated_at, p.updated_at) > $${params.length}::timestamptz`);
  }
  const { rows } = await db.query<OmobilityRow>(
    `SELECT a.ewp_omobility_id::text AS "omobilityId", a.status, a.isced_f_code AS "nomineeIscedFCode", a.eqf_level AS "eqfLevel",
            o.kind, o.academic_year AS "academicYear", to_char(o.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(o.ends_on, 'YYYY-MM-DD') AS "endsOn",
            to_char(a.departure_date, 'YYYY-MM-DD') AS "departureDate", to_char(a.return_date, 'YYYY-MM-DD') AS "returnDate",
            o.isced_f_code AS "agreementIscedFCode", o.unit_id::int AS "sendingUnitId", lower(i.schac) AS "receivingHeiId",
            p.id::int AS "personId", p.given_name AS "givenName", p.family_name AS "familyName", p.gender, p.nationality::text AS nationality,
            p.email, p.birth_date_enc AS "birthDateEnc"
       FROM exchange_applications a
       JOIN exchange_opportunities o ON o.id = a.opportunity_id
       JOIN institutions i ON i.id = o.host_institution_id
       JOIN people p ON p.id = a.person_id
      WHERE ${where.join(' AND ')}
      ORDER BY a.id`,
    params,
  );
  return rows;
}
