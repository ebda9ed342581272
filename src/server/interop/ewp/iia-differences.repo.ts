import type { Queryable } from '../../db/client.ts';
import type { IiaDifference, IiaTermField } from '../../../shared/contracts/ewp-iia-copies.ts';

/** A partner's stored copy of one of our IIAs, as last pulled. */
export interface StoredIiaCopy {
  id: number;
  partnerHeiId: string;
  partnerIiaId: string;
  partnerIiaCode: string | null;
  differences: IiaDifference[];
}

/** The SCHAC code of an agreement's one partner institution; null with several partners, or none, or no code. */
export async function partnerHeiIdOf(db: Queryable, partners: ReadonlyArray<{ institutionId: number }>): Promise<string | null> {
  if (partners.length !== 1) return null;
  const { rows } = await db.query<{ heiId: string | null }>(`SELECT nullif(lower(btrim(schac)), '') AS "heiId" FROM institutions WHERE id = $1`, [partners[0]!.institutionId]);
  return rows[0]?.heiId ?? null;
}

/**
 * The copy of the agreement `agreementId` that its partner `partnerHeiId` served at the last pull
 * (the latest matched to it), or null: what the agreement's page shows and what an accept takes
 * from, the same row for both; with `forUpdate`, locked for the change that accepts a difference.
 * Not unit-scoped: the caller has reached the agreement first.
 */
export async function latestIiaCopy(db: Queryable, agreementId: number, partnerHeiId: string | null, options: { forUpdate?: boolean } = {}): Promise<StoredIiaCopy | null> {
  if (!partnerHeiId) return null;
  const { rows } = await db.query<{ id: string } & Omit<StoredIiaCopy, 'id'>>(
    `SELECT id, partner_hei_id AS "partnerHeiId", partner_iia_id AS "partnerIiaId", partner_iia_code AS "partnerIiaCode", differences
       FROM ewp_iia_copies WHERE agreement_id = $1 AND partner_hei_id = $2 ORDER BY pulled_at DESC, id DESC LIMIT 1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [agreementId, partnerHeiId],
  );
  const row = rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

/** Takes the difference on `field` off a stored copy's list: the agreement now says what the partner says. */
export async function removeIiaDifference(db: Queryable, copyId: number, field: IiaTermField): Promise<void> {
  await db.query(
    `UPDATE ewp_iia_copies
        SET differences = COALESCE((SELECT jsonb_agg(d ORDER BY n) FROM jsonb_array_elements(differences) WITH ORDINALITY AS e(d, n) WHERE d->>'field' IS DISTINCT FROM $2), '[]'::jsonb)
      WHERE id = $1`,
    [copyId, field],
  );
}
