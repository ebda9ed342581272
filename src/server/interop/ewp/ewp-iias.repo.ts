import type { Queryable } from '../../db/client.ts';
import { isoTimestamp } from '../../db/columns.ts';

/** An exchange agreement with one partner institution that has a SCHAC code: what its IIA is built from. */
export interface IiaAgreementRow {
  id: number;
  status: string;
  ourSignatory: string | null;
  partnerSignatory: string | null;
  signedOn: string | null;
  effectiveOn: string | null;
  /** The end of the term running on the day asked (automatic renewals rolled forward); null = open-ended. */
  termEndsOn: string | null;
  terminatedOn: string | null;
  studentsInPerYear: number | null;
  studentsOutPerYear: number | null;
  staffInPerYear: number | null;
  staffOutPerYear: number | null;
  studentMobility: 'studies' | 'traineeship' | null;
  staffMobility: 'teaching' | 'training' | null;
  languageSkills: string[];
  partnerHeiId: string;
  /** The partner's own id and code for the agreement, once a pull has matched its copy to it. */
  partnerIiaId: string | null;
  partnerIiaCode: string | null;
  /** The last change to the agreement or to its partner institution (whose SCHAC code it publishes). */
  modifiedAt: string;
}

/**
 * The agreements an IIA may be built from, for the partners with these SCHAC codes: student or
 * staff exchanges, shown to the partner from their approval on (a draft or one under review is
 * the office's own), with exactly one partner institution, whose SCHAC code is one of `heiIds`
 * (EWP's IIAs have two partners, and a partner reads its own). `ids` narrows to those agreements.
 */
export async function iiaAgreementRows(db: Queryable, options: { heiIds: readonly string[]; ids?: readonly number[]; asOf: string }): Promise<IiaAgreementRow[]> {
  const params: unknown[] = [options.asOf, options.heiIds];
  const byId = options.ids ? `AND a.id = ANY($${params.push(options.ids)}::bigint[])` : '';
  const { rows } = await db.query<IiaAgreementRow>(
    `SELECT a.id, a.status, a.our_signatory AS "ourSignatory", a.partner_signatory AS "partnerSignatory",
            a.signed_on AS "signedOn", a.effective_on AS "effectiveOn",
            agreement_term_end(a.expires_on, a.auto_renewal, a.renewal_term_months, $1::date) AS "termEndsOn",
            a.terminated_on AS "terminatedOn",
            a.students_in_per_year AS "studentsInPerYear", a.students_out_per_year AS "studentsOutPerYear",
            a.staff_in_per_year AS "staffInPerYear", a.staff_out_per_year AS "staffOutPerYear",
            a.student_mobility AS "studentMobility", a.staff_mobility AS "staffMobility", a.language_skills AS "languageSkills",
            lower(btrim(p.schac)) AS "partnerHeiId", copy.partner_iia_id AS "partnerIiaId", copy.partner_iia_code AS "partnerIiaCode",
            ${isoTimestamp('greatest(a.updated_at, p.updated_at)')} AS "modifiedAt"
       FROM agreements a
       JOIN agreement_partners ap ON ap.agreement_id = a.id
       JOIN institutions p ON p.id = ap.institution_id
       LEFT JOIN LATERAL (SELECT c.partner_iia_id, c.partner_iia_code FROM ewp_iia_copies c
                           WHERE c.agreement_id = a.id AND c.partner_hei_id = lower(btrim(p.schac))
                           ORDER BY c.pulled_at DESC, c.id DESC LIMIT 1) copy ON true
      WHERE a.kind IN ('student_exchange', 'staff_exchange')
        AND a.status IN ('approved', 'signed', 'active', 'expired', 'terminated')
        AND NOT EXISTS (SELECT 1 FROM agreement_partners other WHERE other.agreement_id = a.id AND other.institution_id <> ap.institution_id)
        AND lower(btrim(p.schac)) = ANY($2::text[])
        ${byId}
      ORDER BY a.id`,
    params,
  );
  return rows;
}
