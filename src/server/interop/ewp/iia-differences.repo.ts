import type { Queryable } from '../../db/client.ts';
import type { IiaDifference, IiaTermField } from '../../../shared/contracts/ewp-iia-copies.ts';

/** One field on which a partner's stored copy of an IIA differs from our agreement, and the copy it is on. */
export interface StoredIiaDifference {
  copyId: number;
  partnerHeiId: string;
  partnerIiaId: string;
  difference: IiaDifference;
}

/**
 * The difference on `field` between the agreement `agreementId` and the partner's copy of it, as
 * last pulled (the latest copy matched to the agreement that lists one), its copy row locked for the
 * change that accepts it; null when no stored copy differs on that field. Not unit-scoped: the
 * caller has reached the agreement first.
 */
export async function findIiaDifference(db: Queryable, agreementId: number, field: IiaTermField): Promise<StoredIiaDifference | null> {
  const { rows } = await db.query<{ id: string; partner_hei_id: string; partner_iia_id: string; differences: IiaDifference[] }>(
    `SELECT id, partner_hei_id, partner_iia_id, differences FROM ewp_iia_copies
      WHERE agreement_id = $1 AND jsonb_typeof(differences) = 'array' AND differences @> jsonb_build_array(jsonb_build_object('field', $2::text))
      ORDER BY pulled_at DESC, id DESC LIMIT 1 FOR UPDATE`,
    [agreementId, field],
  );
  const row = rows[0];
  const difference = row?.differences.find((d) => d.field === field);
  if (!row || !difference) return null;
  return { copyId: Number(row.id), partnerHeiId: row.partner_hei_id, partnerIiaId: row.partner_iia_id, difference };
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
