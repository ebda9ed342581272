import type { Queryable } from '../db/client.ts';
import { isoTimestamp } from '../db/columns.ts';
import type { ExportView } from '../../shared/contracts/exports.ts';
import type { Locale } from '../../shared/contracts/common.ts';
import type { ExportAsk } from './prepare-file.ts';

const VIEW = `id::int AS id, what, format, query, status, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", error,
  ${isoTimestamp('created_at')} AS "createdAt", ${isoTimestamp('finished_at')} AS "finishedAt", ${isoTimestamp('expires_at')} AS "expiresAt"`;

/** A prepared file's row as the job reads it: whose, what was asked, in which language, where it stands. */
export interface PreparedFileTask extends ExportAsk {
  id: number;
  userId: number;
  locale: Locale;
  status: ExportView['status'];
  error: string | null;
}

/** Records what `userId` asked for, waiting for its job; its expiry is the table's default (7 days). */
export async function insertPreparedFile(q: Queryable, userId: number, locale: Locale, ask: ExportAsk): Promise<ExportView> {
  const { rows } = await q.query<ExportView>(
    `INSERT INTO prepared_files (user_id, what, format, query, locale) VALUES ($1, $2, $3, $4, $5) RETURNING ${VIEW}`,
    [userId, ask.what, ask.format, JSON.stringify(ask.query), locale],
  );
  return rows[0]!;
}

/** The user's own prepared file, unexpired, or null (another user's is null too). */
export async function findOwnPreparedFile(q: Queryable, userId: number, id: number): Promise<ExportView | null> {
  const { rows } = await q.query<ExportView>(`SELECT ${VIEW} FROM prepared_files WHERE id = $1 AND user_id = $2 AND expires_at > now()`, [id, userId]);
  return rows[0] ?? null;
}

/** The bytes of the user's own finished file, or null. */
export async function findOwnFileContent(q: Queryable, userId: number, id: number): Promise<{ content: Buffer; contentType: string; fileName: string } | null> {
  const { rows } = await q.query<{ content: Buffer; contentType: string; fileName: string }>(
    `SELECT content, content_type AS "contentType", file_name AS "fileName" FROM prepared_files
      WHERE id = $1 AND user_id = $2 AND status = 'done' AND expires_at > now()`,
    [id, userId],
  );
  const row = rows[0];
  return row ? { ...row, content: Buffer.from(row.content) } : null;
}

/** The user's unexpired prepared files, newest first. */
export async function listOwnPreparedFiles(q: Queryable, userId: number, limit: number): Promise<ExportView[]> {
  const { rows } = await q.query<ExportView>(`SELECT ${VIEW} FROM prepared_files WHERE user_id = $1 AND expires_at > now() ORDER BY id DESC LIMIT $2`, [userId, limit]);
  return rows;
}

/** The row a job works on: whose, what was asked, where it stands (null: expired and removed). */
export async function findTask(q: Queryable, id: number): Promise<PreparedFileTask | null> {
  const { rows } = await q.query<PreparedFileTask>(
    `SELECT id::int AS id, user_id::int AS "userId", what, format, query, locale, status, error FROM prepared_files WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Marks the row as being made. */
export async function markRunning(q: Queryable, id: number): Promise<void> {
  await q.query(`UPDATE prepared_files SET status = 'running' WHERE id = $1`, [id]);
}

/** Keeps the file made, with its type, name and size. */
export async function markDone(q: Queryable, id: number, file: { body: Buffer; contentType: string; fileName: string }): Promise<void> {
  await q.query(
    `UPDATE prepared_files SET status = 'done', content = $2, content_type = $3, file_name = $4, size_bytes = $5, error = NULL, finished_at = now() WHERE id = $1`,
    [id, file.body, file.contentType, file.fileName, file.body.length],
  );
}

/** Records a try's error: `final`, the export failed (no more tries, or one would fail the same way); else it waits for its retry. */
export async function markFailed(q: Queryable, id: number, error: string, final: boolean): Promise<void> {
  await q.query(`UPDATE prepared_files SET status = $2::text, error = $3, finished_at = CASE WHEN $2::text = 'failed' THEN now() END WHERE id = $1`, [id, final ? 'failed' : 'waiting', error]);
}

/** Removes every prepared file past its expiry (its bytes with it); returns how many. */
export async function deleteExpiredFiles(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`WITH gone AS (DELETE FROM prepared_files WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`);
  return rows[0]?.n ?? 0;
}
