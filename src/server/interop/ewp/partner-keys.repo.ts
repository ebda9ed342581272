import type { Queryable } from '../../db/client.ts';
import { isoTimestamp, selectList } from '../../db/columns.ts';
import type { PartnerKey } from '../../../shared/contracts/ewp.ts';

const COLUMNS = selectList({
  id: 'id',
  heiId: 'hei_id',
  keyId: 'key_id',
  publicKeyPem: 'public_key_pem',
  createdBy: 'created_by',
  createdAt: isoTimestamp('created_at'),
});

/** Every partner key, by institution then date. */
export async function listPartnerKeys(db: Queryable): Promise<PartnerKey[]> {
  const { rows } = await db.query<PartnerKey>(`SELECT ${COLUMNS} FROM ewp_partner_keys ORDER BY hei_id, created_at, id`);
  return rows;
}

/** The registrations of one key id (one per institution it signs for): empty when the key is unknown. */
export async function partnerKeysById(db: Queryable, keyId: string): Promise<PartnerKey[]> {
  const { rows } = await db.query<PartnerKey>(`SELECT ${COLUMNS} FROM ewp_partner_keys WHERE key_id = $1 ORDER BY hei_id`, [keyId]);
  return rows;
}

/** One registration, or null; `lock` for a delete. */
export async function findPartnerKey(db: Queryable, id: number, lock = false): Promise<PartnerKey | null> {
  const { rows } = await db.query<PartnerKey>(`SELECT ${COLUMNS} FROM ewp_partner_keys WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Registers a key for an institution; a second registration of the same pair fails on its unique key (409). */
export async function insertPartnerKey(db: Queryable, values: { heiId: string; keyId: string; publicKeyPem: string; createdBy: number | null }): Promise<PartnerKey> {
  const { rows } = await db.query<PartnerKey>(
    `INSERT INTO ewp_partner_keys (hei_id, key_id, public_key_pem, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [values.heiId, values.keyId, values.publicKeyPem, values.createdBy],
  );
  return rows[0]!;
}

/** Removes one registration. */
export async function deletePartnerKeyRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM ewp_partner_keys WHERE id = $1', [id]);
}
