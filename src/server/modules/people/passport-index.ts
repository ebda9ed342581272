/**
 * The blind index of passport numbers (migration 0023): people whose number was stored before
 * the index existed, or written by a path that does not index it, get theirs at start.
 */
import type { Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';

/** Indexes every passport number on file that has no index yet; returns how many. */
export async function indexPassports(db: Queryable, cipher: Cipher): Promise<number> {
  const { rows } = await db.query<{ id: number; passportEnc: string }>(
    'SELECT id, passport_enc AS "passportEnc" FROM people WHERE passport_enc IS NOT NULL AND passport_index IS NULL',
  );
  for (const row of rows) await db.query('UPDATE people SET passport_index = $2 WHERE id = $1', [row.id, cipher.index(cipher.decrypt(row.passportEnc))]);
  return rows.length;
}
