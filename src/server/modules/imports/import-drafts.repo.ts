/**
 * SQL of the import drafts: an upload kept until it is committed or discarded, its options and
 * decisions, and where its commit stands (rows done of rows total), read by any server process.
 */
import type { Queryable } from '../../db/client.ts';
import { isoTimestamp } from '../../db/columns.ts';
import type { ImportDecision, ImportDraftStatus } from '../../../shared/contracts/import-drafts.ts';
import { IMPORT_DRAFT_LIFETIME_DAYS } from '../../../shared/contracts/import-drafts.ts';
import type { ImportChoices, ImportPreviewRow, RowClass } from '../../../shared/contracts/imports.ts';
import type { ImportFileSummary } from './import-reading.ts';

/** What a draft's file was read as at its last preview (its staged rows were read so). */
export type DraftSummary = Omit<ImportFileSummary, 'kind' | 'fileName'>;

/** A draft as stored (without its file). */
export interface DraftRow {
  id: number;
  kind: string;
  createdBy: number;
  unitId: number | null;
  fileName: string;
  fileSha256: string;
  encoding: string | null;
  encodingOverride: string | null;
  mappingName: string | null;
  mapping: Record<string, string> | null;
  dayFirst: 'true' | 'false' | null;
  onDuplicate: 'skip' | 'update' | 'fail';
  /** The kind's choices for the whole file (the conference a file of attendees is added to). */
  choices: ImportChoices;
  decisions: Record<string, ImportDecision>;
  counts: Record<string, number>;
  status: ImportDraftStatus;
  rowsDone: number;
  rowsTotal: number;
  error: { code: string; fields?: Array<{ field: string; reason: string }> } | null;
  importId: number | null;
  outcome: { created: number; updated: number; unchanged: number; skipped: number } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** A draft still previewed expires on this day (UTC). */
  expiresOn: string;
  /** Past its lifetime: no longer committed, listed or changed. */
  expired: boolean;
  /** What the file was read as when its rows were staged; null: not staged (a draft from before migration 0051). */
  summary: DraftSummary | null;
}

const LIFETIME = `interval '${IMPORT_DRAFT_LIFETIME_DAYS} days'`;

const COLUMNS = `d.id::int, d.kind, d.created_by::int AS "createdBy", d.unit_id::int AS "unitId", d.file_name AS "fileName", d.file_sha256 AS "fileSha256",
  d.encoding, d.encoding_override AS "encodingOverride", d.mapping_name AS "mappingName", d.mapping, d.day_first AS "dayFirst",
  d.on_duplicate AS "onDuplicate", d.choices, d.decisions, d.counts, d.status, d.rows_done AS "rowsDone", d.rows_total AS "rowsTotal", d.error,
  d.import_id::int AS "importId", d.outcome, d.version, ${isoTimestamp('d.created_at')} AS "createdAt", ${isoTimestamp('d.updated_at')} AS "updatedAt",
  to_char((d.created_at + ${LIFETIME}) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "expiresOn", (d.created_at + ${LIFETIME} < now()) AS expired, d.summary`;

/** Stores a new draft with its file and its first preview's counts. */
export async function insertDraft(
  db: Queryable,
  values: {
    kind: string; createdBy: number; unitId: number | null; fileName: string; fileSha256: string; content: Buffer; encoding: string | null; encodingOverride: string | null;
    mappingName: string | null; mapping: Record<string, string> | null; dayFirst: 'true' | 'false' | null; onDuplicate: string; choices: ImportChoices; counts: Record<string, number>; rowsTotal: number;
    summary: DraftSummary | null;
  },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO import_drafts (kind, created_by, unit_id, file_name, file_sha256, content, encoding, encoding_override, mapping_name, mapping, day_first, on_duplicate, choices, counts, rows_total, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id::int`,
    [values.kind, values.createdBy, values.unitId, values.fileName, values.fileSha256, values.content, values.encoding, values.encodingOverride, values.mappingName,
      values.mapping === null ? null : JSON.stringify(values.mapping), values.dayFirst, values.onDuplicate, JSON.stringify(values.choices), JSON.stringify(values.counts), values.rowsTotal,
      values.summary === null ? null : JSON.stringify(values.summary)],
  );
  return rows[0]!.id;
}

/** One draft, or null; `lock` holds it until the transaction ends (a commit and a discard never cross). */
export async function findDraft(db: Queryable, id: number, lock = false): Promise<DraftRow | null> {
  const { rows } = await db.query<DraftRow>(`SELECT ${COLUMNS} FROM import_drafts d WHERE d.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** A draft's file, or null once dropped. */
export async function draftContent(db: Queryable, id: number): Promise<Buffer | null> {
  const { rows } = await db.query<{ content: Buffer | null }>('SELECT content FROM import_drafts WHERE id = $1', [id]);
  return rows[0]?.content ?? null;
}

/** Changes a draft's options, decisions and counts (and what its file was read as, when read again); bumps its version. */
export async function updateDraft(
  db: Queryable,
  id: number,
  values: { encoding: string | null; encodingOverride: string | null; dayFirst: 'true' | 'false' | null; onDuplicate: string; decisions: Record<string, ImportDecision>; counts: Record<string, number>; rowsTotal: number; summary: DraftSummary | null },
): Promise<void> {
  await db.query(
    `UPDATE import_drafts SET encoding = $2, encoding_override = $3, day_first = $4, on_duplicate = $5, decisions = $6, counts = $7, rows_total = $8,
            summary = $9, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, values.encoding, values.encodingOverride, values.dayFirst, values.onDuplicate, JSON.stringify(values.decisions), JSON.stringify(values.counts), values.rowsTotal,
      values.summary === null ? null : JSON.stringify(values.summary)],
  );
}

/** Records what a draft's file was read as and its counts once its rows are staged (no new version: its options and decisions are as they were). */
export async function setDraftStaged(
  db: Queryable,
  id: number,
  values: { encoding: string | null; summary: DraftSummary; counts: Record<string, number>; rowsTotal: number },
): Promise<void> {
  await db.query('UPDATE import_drafts SET encoding = $2, summary = $3, counts = $4, rows_total = $5 WHERE id = $1', [
    id, values.encoding, JSON.stringify(values.summary), JSON.stringify(values.counts), values.rowsTotal,
  ]);
}

/** Moves a draft to `status`; a finished one (committed, discarded) drops its file, which nothing reads again. */
export async function setDraftStatus(
  db: Queryable,
  id: number,
  status: ImportDraftStatus,
  extra: { error?: DraftRow['error']; importId?: number; outcome?: DraftRow['outcome']; rowsDone?: number } = {},
): Promise<void> {
  const finished = status === 'committed' || status === 'discarded';
  await db.query(
    `UPDATE import_drafts SET status = $2, error = $3, import_id = COALESCE($4, import_id), outcome = COALESCE($5, outcome), rows_done = COALESCE($6, rows_done),
            content = CASE WHEN $7 THEN NULL ELSE content END, finished_at = CASE WHEN $7 OR $2 = 'failed' THEN now() ELSE finished_at END,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [id, status, extra.error ? JSON.stringify(extra.error) : null, extra.importId ?? null, extra.outcome ? JSON.stringify(extra.outcome) : null, extra.rowsDone ?? null, finished],
  );
  // Nothing shows a finished draft's preview again: its staged rows go with its file.
  if (finished) await deleteDraftRows(db, id);
}

/** Records how far a commit has come (outside its transaction, so that other sessions see it). */
export async function setDraftProgress(db: Queryable, id: number, rowsDone: number, rowsTotal: number): Promise<void> {
  await db.query(`UPDATE import_drafts SET rows_done = $2, rows_total = $3 WHERE id = $1 AND status = 'committing'`, [id, rowsDone, rowsTotal]);
}

/** A user's drafts waiting for their decision (previewed, or failed and to be tried again; not expired), newest first. */
export async function waitingDraftRows(db: Queryable, userId: number): Promise<DraftRow[]> {
  const { rows } = await db.query<DraftRow>(
    `SELECT ${COLUMNS} FROM import_drafts d WHERE d.created_by = $1 AND d.status IN ('previewed', 'failed') AND d.created_at + ${LIFETIME} >= now() ORDER BY d.created_at DESC, d.id DESC`,
    [userId],
  );
  return rows;
}

/**
 * Clears what drafts keep past their use: the file of a committed, discarded or failed draft
 * finished more than a day ago, and previewed drafts past their lifetime (deleted).
 * Returns how many drafts were deleted.
 */
export async function purgeDrafts(db: Queryable): Promise<number> {
  await db.query(`UPDATE import_drafts SET content = NULL WHERE content IS NOT NULL AND status IN ('committed', 'discarded', 'failed') AND finished_at < now() - interval '1 day'`);
  const { rowCount } = await db.query(`DELETE FROM import_drafts WHERE status IN ('previewed', 'discarded', 'failed') AND created_at + ${LIFETIME} < now()`);
  return rowCount ?? 0;
}

/** A staged preview row as kept: the row without its number and class, which are columns. */
type StagedData = Omit<ImportPreviewRow, 'rowNumber' | 'class'>;

/**
 * Stages a batch of a draft's preview rows in one statement (the batch as one JSON array turned
 * into rows by the server: one round trip for thousands of rows, on both engines; json, not jsonb,
 * so the server validates each row's text once and keeps it as sent).
 */
export async function insertDraftRows(db: Queryable, draftId: number, rows: ImportPreviewRow[]): Promise<void> {
  if (rows.length === 0) return;
  const batch = rows.map(({ rowNumber, class: rowClass, ...data }) => ({ n: rowNumber, c: rowClass, d: data }));
  await db.query(
    `INSERT INTO import_draft_rows (draft_id, row_number, class, data)
     SELECT $1, r.n, r.c, r.d FROM json_to_recordset($2::json) AS r(n integer, c text, d json)`,
    [draftId, JSON.stringify(batch)],
  );
}

/** Drops a draft's staged rows (its file read again, or the draft finished). */
export async function deleteDraftRows(db: Queryable, draftId: number): Promise<void> {
  await db.query('DELETE FROM import_draft_rows WHERE draft_id = $1', [draftId]);
}

const asRow = (r: { rowNumber: number; class: RowClass; data: StagedData }): ImportPreviewRow => ({ rowNumber: r.rowNumber, class: r.class, ...r.data });

/** One page of a draft's staged rows in file order, of one class or of all. */
export async function draftRowsPage(db: Queryable, draftId: number, options: { rowClass: RowClass | null; offset: number; limit: number }): Promise<ImportPreviewRow[]> {
  const { rows } = await db.query<{ rowNumber: number; class: RowClass; data: StagedData }>(
    `SELECT row_number AS "rowNumber", class, data FROM import_draft_rows
      WHERE draft_id = $1 AND ($2::text IS NULL OR class = $2::text) ORDER BY row_number LIMIT $3 OFFSET $4`,
    [draftId, options.rowClass, options.limit, options.offset],
  );
  return rows.map(asRow);
}

/** A draft's staged rows of these numbers (those that exist): what its decisions are checked against. */
export async function draftRowsNumbered(db: Queryable, draftId: number, rowNumbers: number[]): Promise<Array<Pick<ImportPreviewRow, 'rowNumber' | 'class' | 'matches'>>> {
  if (rowNumbers.length === 0) return [];
  const { rows } = await db.query<{ rowNumber: number; class: RowClass; matches: ImportPreviewRow['matches'] }>(
    `SELECT row_number AS "rowNumber", class, data->'matches' AS matches FROM import_draft_rows WHERE draft_id = $1 AND row_number = ANY($2::int[])`,
    [draftId, rowNumbers],
  );
  return rows;
}
