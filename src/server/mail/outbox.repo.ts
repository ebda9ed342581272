import type { Queryable } from '../db/client.ts';
import { isoTimestamp } from '../db/columns.ts';

export type OutboxStatus = 'queued' | 'sent' | 'failed' | 'held';

/** One row of the outbox. */
export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  kind: string;
  userId: number | null;
  recipient: string;
  locale: 'en' | 'zh' | 'fr';
  subject: string;
  bodyText: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const COLUMNS = `id, idempotency_key AS "idempotencyKey", kind, user_id AS "userId", recipient, locale, subject,
  body_text AS "bodyText", status, attempts, last_error AS "lastError", ${isoTimestamp('created_at')} AS "createdAt", ${isoTimestamp('sent_at')} AS "sentAt"`;

/** A message to put in the outbox. */
export interface NewOutboxRow {
  idempotencyKey: string;
  kind: string;
  userId: number | null;
  recipient: string;
  locale: 'en' | 'zh' | 'fr';
  subject: string;
  bodyText: string;
}

/**
 * Inserts the message unless its key is there already or its recipient has switched its kind
 * off: the new row's id, or null when nothing was inserted.
 */
export async function insertIfAbsent(q: Queryable, m: NewOutboxRow): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO outbox (idempotency_key, kind, user_id, recipient, locale, subject, body_text)
     SELECT $1, $2, $3, $4, $5, $6, $7
      WHERE NOT EXISTS (SELECT 1 FROM user_mail_opt_outs o WHERE o.user_id = $3 AND o.kind = $2)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    [m.idempotencyKey, m.kind, m.userId, m.recipient, m.locale, m.subject, m.bodyText],
  );
  return r.rows[0]?.id ?? null;
}

/** One message by id. */
export async function findMessage(q: Queryable, id: number): Promise<OutboxRow | null> {
  return (await q.query<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE id = $1`, [id])).rows[0] ?? null;
}

/** Counts a try before it is made, so a send whose worker dies still shows as tried. */
export async function countAttempt(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE outbox SET attempts = attempts + 1 WHERE id = $1', [id]);
}

/** Records how a try ended: sent, failed for good, queued again (a retry follows) or held (no mail server). */
export async function markMessage(q: Queryable, id: number, status: OutboxStatus, answer: string | null): Promise<void> {
  await q.query(
    `UPDATE outbox SET status = $2, last_error = CASE WHEN $2 = 'sent' THEN NULL ELSE $3 END,
            sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
      WHERE id = $1`,
    [id, status, answer],
  );
}

/** The outbox, newest first, optionally one status: what the administrator's page lists. */
export async function listMessages(q: Queryable, options: { status?: OutboxStatus | undefined; limit: number; offset: number }): Promise<{ items: OutboxRow[]; total: number }> {
  const where = options.status ? 'WHERE status = $3' : '';
  const params: unknown[] = [options.limit, options.offset, ...(options.status ? [options.status] : [])];
  const items = (await q.query<OutboxRow>(`SELECT ${COLUMNS} FROM outbox ${where} ORDER BY id DESC LIMIT $1 OFFSET $2`, params)).rows;
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox ${options.status ? 'WHERE status = $1' : ''}`, options.status ? [options.status] : [])).rows[0]!.n;
  return { items, total };
}

/**
 * How much may still change in the outbox: messages queued, and jobs waiting or running now
 * (one may be about to write or send a message). The administrator's page reads again while
 * it is not zero, so that a message shows and moves on without a reload.
 */
export async function pendingWork(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM outbox WHERE status = 'queued')
           + (SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()))::int AS n`,
  );
  return rows[0]!.n;
}

/** The kinds of message `userId` has switched off. */
export async function optedOutKinds(q: Queryable, userId: number): Promise<string[]> {
  return (await q.query<{ kind: string }>('SELECT kind FROM user_mail_opt_outs WHERE user_id = $1 ORDER BY kind', [userId])).rows.map((r) => r.kind);
}

/** Switches `kind` off (off = true) or on again for `userId`. */
export async function setOptOut(q: Queryable, userId: number, kind: string, off: boolean): Promise<void> {
  if (off) await q.query('INSERT INTO user_mail_opt_outs (user_id, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, kind]);
  else await q.query('DELETE FROM user_mail_opt_outs WHERE user_id = $1 AND kind = $2', [userId, kind]);
}
