import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { isoTimestamp } from '../../db/columns.ts';

/** A feed's row as the account page reads it (never its secret, which is not stored). */
export interface CalendarFeedRow {
  userId: number;
  createdAt: string;
  lastUsedAt: string | null;
}

const COLUMNS = `user_id AS "userId", ${isoTimestamp('created_at')} AS "createdAt", ${isoTimestamp('last_used_at')} AS "lastUsedAt"`;

/** The stored form of a feed secret: its SHA-256 digest, so that a copy of the database opens no feed. */
const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A new feed secret: 32 random bytes, base64url, behind a prefix that says what it is when found in a log or a paste. */
export const newFeedSecret = (): string => `icf_${randomBytes(32).toString('base64url')}`;

/** The user's feed, or null when they have none. */
export async function findFeedOfUser(db: Queryable, userId: number, lock = false): Promise<CalendarFeedRow | null> {
  const { rows } = await db.query<CalendarFeedRow>(`SELECT ${COLUMNS} FROM calendar_feeds WHERE user_id = $1${lock ? ' FOR UPDATE' : ''}`, [userId]);
  return rows[0] ?? null;
}

/** Stores `secret` as the user's one feed secret, replacing any earlier one (whose URL then stops working). */
export async function replaceFeedSecret(db: Queryable, userId: number, secret: string): Promise<CalendarFeedRow> {
  const { rows } = await db.query<CalendarFeedRow>(
    `INSERT INTO calendar_feeds (user_id, secret_hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = now(), last_used_at = NULL
     RETURNING ${COLUMNS}`,
    [userId, digest(secret)],
  );
  return rows[0]!;
}

/** The user a feed secret belongs to; null for a secret that is no feed's (any more). */
export async function findFeedOwner(db: Queryable, secret: string): Promise<number | null> {
  const { rows } = await db.query<{ userId: number }>(`SELECT user_id AS "userId" FROM calendar_feeds WHERE secret_hash = $1`, [digest(secret)]);
  return rows[0] ? Number(rows[0].userId) : null;
}

/** Notes that the user's feed was just read (the account page shows when a calendar last fetched it). */
export async function markFeedRead(db: Queryable, userId: number): Promise<void> {
  await db.query(`UPDATE calendar_feeds SET last_used_at = now() WHERE user_id = $1`, [userId]);
}
