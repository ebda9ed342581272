import type { Queryable } from '../db/client.ts';

/**
 * The users a digest run writes to: enabled, with an address, who have not switched the digest
 * off and may have work (a leader's or a viewer's list is empty by their role: no job for them).
 */
export async function digestRecipients(q: Queryable): Promise<number[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM users u
      WHERE NOT u.disabled AND u.email <> '' AND u.role IN ('admin', 'officer', 'coordinator')
        AND NOT EXISTS (SELECT 1 FROM user_mail_opt_outs o WHERE o.user_id = u.id AND o.kind = 'digest')
      ORDER BY id`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * The user's digest state, locked until the caller's transaction ends (a second maker of the
 * same digest waits here, then finds it made): the day of their last digest and what it saw.
 */
export async function lockDigestState(q: Queryable, userId: number): Promise<{ day: string | null; keys: string[] }> {
  await q.query('INSERT INTO digest_state (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
  const { rows } = await q.query<{ day: string | null; keys: string[] }>(`SELECT office_day::text AS day, item_keys AS keys FROM digest_state WHERE user_id = $1 FOR UPDATE`, [userId]);
  return rows[0]!;
}

/** Records the digest of `day` as made, with the keys of every item the list held that day. */
export async function saveDigestState(q: Queryable, userId: number, day: string, keys: readonly string[]): Promise<void> {
  await q.query('UPDATE digest_state SET office_day = $2::date, item_keys = $3::text[] WHERE user_id = $1', [userId, day, keys]);
}

/** Claims `day`'s scheduled run: true for the first process to ask, false for every other. */
export async function claimDigestRun(q: Queryable, day: string): Promise<boolean> {
  const { rowCount } = await q.query('INSERT INTO digest_runs (office_day) VALUES ($1::date) ON CONFLICT DO NOTHING', [day]);
  return rowCount === 1;
}

/** The hour of the office's day the digest goes out (settings `digest.hour`). */
export async function digestHour(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ value: unknown }>(`SELECT value FROM settings WHERE key = 'digest.hour'`);
  const v = rows[0]?.value;
  return typeof v === 'number' ? v : 7;
}
