/**
 * Imports kept in the database between upload and commit (issue 12): the upload is stored as a
 * draft with its preview's counts, the user's decisions are saved on it, and its commit is a
 * background job (import-job.ts) whose progress any server process reads. A draft is its
 * uploader's: nobody else reads it but the administrator, who may also discard it.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DomainError, invalidFields, notFound, versionConflict, type FieldProblem } from '../../core/errors.ts';
import type { RequestContext, TxContext } from '../../core/request-context.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';
import type { SpreadsheetLimits } from '../../interop/spreadsheet-limits.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { errorMessage, fieldReason } from '../../../shared/i18n/errors.ts';
import { roleMay } from '../../../shared/policies.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import {
  IMPORT_KINDS, IMPORT_PREVIEW_PAGE_SIZE, importChoicesOf, type ImportDraftPreview, type ImportDraftRowsPage, type ImportDraftRowsQuery, type ImportKindName, type ImportPreviewRow, type ImportQuery, type RowClass,
} from '../../../shared/contracts/imports.ts';
import type { ImportDecision, ImportDraftUpdate, ImportDraftView } from '../../../shared/contracts/import-drafts.ts';
import { importAdapter } from './import-adapters.ts';
import { openImport, type OpenedImport } from './import-reading.ts';
import { draftQuery, IMPORT_COMMIT_JOB } from './import-job.ts';
import {
  deleteDraftRows, draftContent, draftRowsNumbered, draftRowsPage, findDraft, insertDraft, insertDraftRows, purgeDrafts, setDraftStaged, setDraftStatus, updateDraft, waitingDraftRows,
  type DraftRow, type DraftSummary,
} from './import-drafts.repo.ts';

type Options = z.output<typeof ImportQuery>;

/** A draft as its reader sees it, the failure put in the reader's language. */
export function presentDraft(row: DraftRow, locale: Locale): ImportDraftView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    encoding: row.encoding,
    encodingOverride: row.encodingOverride,
    dayFirst: row.dayFirst === null ? null : row.dayFirst === 'true',
    onDuplicate: row.onDuplicate,
    choices: row.choices,
    decisions: row.decisions,
    counts: row.counts,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    error: row.error
      ? {
          code: row.error.code,
          message: errorMessage(row.error.code, locale),
          fields: (row.error.fields ?? []).map((f) => ({ field: f.field, message: `${f.field}: ${fieldReason(f.reason, locale)}` })),
        }
      : null,
    importId: row.importId,
    outcome: row.outcome,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresOn: row.expiresOn,
  };
}

/** The draft `id` if the caller may read it (its uploader, or the administrator); otherwise not found, as if it did not exist. */
async function readableDraft(ctx: RequestContext, db: Queryable, id: number, lock = false): Promise<DraftRow> {
  const row = await findDraft(db, id, lock);
  if (!row || (row.createdBy !== ctx.actor.userId && ctx.actor.role !== 'admin')) throw notFound();
  return row;
}

/** The draft `id` if the caller uploaded it and it still waits for a decision, at `version`. */
function ownOpenDraft(ctx: RequestContext, row: DraftRow, version: number): DraftRow {
  if (row.createdBy !== ctx.actor.userId) throw notFound();
  if (row.version !== version) throw versionConflict(presentDraft(row, ctx.locale));
  if (row.status !== 'previewed' && row.status !== 'failed') throw new DomainError('import_draft_closed', 'conflict');
  if (row.expired) throw new DomainError('import_draft_expired', 'conflict');
  return row;
}

/** The decisions by row number in order, to compare two sets of them. */
const sorted = (decisions: Record<string, ImportDecision>) => Object.entries(decisions).sort(([a], [b]) => Number(a) - Number(b));

/** Every decision names a staged row of the draft, and a record proposed for it (or create / skip); each bad one named by its field. */
async function checkDecisions(db: Queryable, draftId: number, decisions: Record<string, ImportDecision>): Promise<void> {
  const numbers = Object.keys(decisions).map(Number);
  const rows = new Map((await draftRowsNumbered(db, draftId, numbers)).map((r) => [String(r.rowNumber), r]));
  const problems: FieldProblem[] = [];
  for (const [rowNumber, decision] of Object.entries(decisions)) {
    const row = rows.get(rowNumber);
    if (!row) problems.push({ field: `decisions.${rowNumber}`, reason: 'unknown_row' });
    else if (typeof decision === 'number' && !row.matches.some((m) => m.id === decision)) problems.push({ field: `decisions.${rowNumber}`, reason: 'not_a_match' });
  }
  if (problems.length) throw invalidFields(...problems.slice(0, 100));
}

/** Rows staged in one statement: a few thousand rows of JSON a round trip. */
const STAGE_BATCH = 2_000;

/** A draft's file as staged: what it was read as, its counts per class and its rows. */
interface Staged {
  summary: DraftSummary;
  counts: Record<RowClass, number>;
  rowsTotal: number;
}

/**
 * Reads an opened file's rows into the draft's staged rows (those it had are dropped first),
 * STAGE_BATCH rows a statement, as they are read: neither the file's rows nor the answer are
 * held whole. On PostgreSQL a batch is written while the next is read (one batch in flight);
 * the embedded engine runs in this thread, so there each is awaited. Runs in `tx`: a file that
 * fails on its last row stages nothing.
 */
async function stageRows(tx: TxContext, draftId: number, opened: OpenedImport, engine: Db['engine']): Promise<Staged> {
  await deleteDraftRows(tx, draftId);
  const counts: Record<RowClass, number> = { new: 0, update: 0, duplicate: 0, error: 0 };
  const overlap = engine === 'postgresql';
  let rowsTotal = 0;
  let batch: ImportPreviewRow[] = [];
  let pending: Promise<void> = Promise.resolve();
  const flush = async () => {
    await pending;
    const rows = batch;
    batch = [];
    pending = insertDraftRows(tx, draftId, rows);
    // Handled here so that a failure while the next rows are read is not reported unhandled; awaited below all the same.
    pending.catch(() => undefined);
    if (!overlap) await pending;
  };
  try {
    for await (const { row } of opened.rows) {
      counts[row.class] += 1;
      rowsTotal += 1;
      batch.push(row);
      if (batch.length >= STAGE_BATCH) await flush();
    }
    await flush();
    await pending;
  } catch (error) {
    // The transaction ends after the statement in flight, never between its parts.
    await pending.catch(() => undefined);
    throw error;
  }
  const { kind: _kind, fileName: _fileName, ...summary } = opened.summary;
  return { summary, counts, rowsTotal };
}

/** A draft's counts with every class (a draft stores the four; an old one may lack some). */
function countsOf(row: DraftRow): Record<RowClass, number> {
  return { new: 0, update: 0, duplicate: 0, error: 0, ...row.counts };
}

/** The preview a draft answers with: what its file was read as, its counts, and the first page of its staged rows. */
async function stagedPreview(db: Queryable, row: DraftRow & { summary: DraftSummary }): Promise<ImportDraftPreview> {
  const counts = countsOf(row);
  const rows = await draftRowsPage(db, row.id, { rowClass: null, offset: 0, limit: IMPORT_PREVIEW_PAGE_SIZE });
  return { kind: row.kind as ImportKindName, fileName: row.fileName, ...row.summary, counts, rows, rowsTotal: row.rowsTotal, pageSize: IMPORT_PREVIEW_PAGE_SIZE };
}

/** Opens a draft's stored file with its options (`row`'s, or those about to be saved). */
async function openDraftFile(ctx: RequestContext, row: DraftRow, cipher: Cipher): Promise<OpenedImport> {
  const content = await draftContent(ctx, row.id);
  if (!content) throw new DomainError('import_draft_closed', 'conflict');
  return openImport(ctx, { kind: row.kind as ImportKindName, fileName: row.fileName, content, query: { ...draftQuery(row), decisions: undefined }, cipher });
}

/**
 * A draft whose preview is staged: one from before the rows were staged (migration 0051) has
 * its file read once into them, without a new version (its options and decisions are unchanged).
 */
async function stagedDraft(ctx: RequestContext, row: DraftRow, cipher: Cipher): Promise<DraftRow & { summary: DraftSummary }> {
  if (row.status !== 'previewed' && row.status !== 'failed' && row.status !== 'committing') throw new DomainError('import_draft_closed', 'conflict');
  if (row.summary !== null) return row as DraftRow & { summary: DraftSummary };
  const opened = await openDraftFile(ctx, row, cipher);
  await ctx.transaction(async (tx) => {
    await findDraft(tx, row.id, true);
    const staged = await stageRows(tx, row.id, opened, ctx.db.engine);
    await setDraftStaged(tx, row.id, { encoding: staged.summary.encoding, summary: staged.summary, counts: staged.counts, rowsTotal: staged.rowsTotal });
  });
  return (await findDraft(ctx, row.id)) as DraftRow & { summary: DraftSummary };
}

/**
 * Reads an uploaded file as a preview does and keeps it as a draft of the caller's, its rows
 * classified and staged as they are read (import_draft_rows), with the counts: the draft comes
 * back with its counts and the first page of its rows, the others read a page at a time
 * (`importDraftRows`); the import waits on the caller's to-do list until committed or discarded.
 */
export async function createImportDraft(
  ctx: RequestContext,
  options: { kind: ImportKindName; fileName: string; content: Buffer; query: Options; cipher: Cipher; limits?: SpreadsheetLimits },
): Promise<{ draft: ImportDraftView; preview: ImportDraftPreview }> {
  const { query } = options;
  // The header, the mapping and the kind's choices are checked here, before anything is kept (a conference out of the caller's reach is 404).
  const opened = await openImport(ctx, options);
  // The mapping as given whole was read already: it is valid JSON of the right shape.
  const mapping = query.columns && !query.mapping ? (JSON.parse(query.columns) as Record<string, string>) : null;
  const choices = importChoicesOf(IMPORT_KINDS[options.kind], query);
  const id = await ctx.transaction(async (tx) => {
    const draftId = await insertDraft(tx, {
      kind: options.kind,
      createdBy: ctx.actor.userId,
      unitId: ctx.scope,
      fileName: options.fileName,
      fileSha256: createHash('sha256').update(options.content).digest('hex'),
      content: options.content,
      encoding: opened.summary.encoding,
      encodingOverride: query.encoding ?? null,
      mappingName: query.mapping ?? null,
      mapping,
      dayFirst: query.dayFirst ?? null,
      onDuplicate: query.onDuplicate,
      choices,
      counts: {},
      rowsTotal: 0,
      summary: null,
    });
    const staged = await stageRows(tx, draftId, opened, ctx.db.engine);
    await setDraftStaged(tx, draftId, { encoding: staged.summary.encoding, summary: staged.summary, counts: staged.counts, rowsTotal: staged.rowsTotal });
    await tx.audit({ action: 'create', entity: 'import_draft', entityId: draftId, unitId: ctx.scope, after: { kind: options.kind, fileName: options.fileName, choices, counts: staged.counts } });
    return draftId;
  });
  const row = (await findDraft(ctx, id)) as DraftRow & { summary: DraftSummary };
  return { draft: presentDraft(row, ctx.locale), preview: await stagedPreview(ctx, row) };
}

/** A draft: its status, options, decisions, counts and progress (its uploader's, or the administrator's to read). */
export async function getImportDraft(ctx: RequestContext, options: { id: number }): Promise<ImportDraftView> {
  return presentDraft(await readableDraft(ctx, ctx, options.id), ctx.locale);
}

/** A draft whose kind's choices are still within the caller's reach (a conference moved to another unit since the upload is 404). */
async function reachableDraft(ctx: RequestContext, id: number, cipher: Cipher): Promise<DraftRow> {
  const row = await readableDraft(ctx, ctx, id);
  await importAdapter(row.kind as ImportKindName, { cipher }).checkChoices?.(ctx, row.choices);
  return row;
}

/** A draft's preview shown again from its staged rows (reopening a draft from the to-do list): its counts and first page. */
export async function previewImportDraft(ctx: RequestContext, options: { id: number; cipher: Cipher }): Promise<{ draft: ImportDraftView; preview: ImportDraftPreview }> {
  const row = await stagedDraft(ctx, await reachableDraft(ctx, options.id, options.cipher), options.cipher);
  return { draft: presentDraft(row, ctx.locale), preview: await stagedPreview(ctx, row) };
}

/** One page of a draft's preview rows, of one class or of all, in file order: what the web's preview table pages through. */
export async function importDraftRows(ctx: RequestContext, options: { id: number; query: z.output<typeof ImportDraftRowsQuery>; cipher: Cipher }): Promise<ImportDraftRowsPage> {
  const row = await stagedDraft(ctx, await reachableDraft(ctx, options.id, options.cipher), options.cipher);
  const { page, pageSize } = options.query;
  const rowClass = options.query.class ?? null;
  const counts = countsOf(row);
  const total = rowClass ? counts[rowClass] : row.rowsTotal;
  const items = await draftRowsPage(ctx, row.id, { rowClass, offset: (page - 1) * pageSize, limit: pageSize });
  return { items, total, page, pageSize, class: rowClass };
}

/**
 * Saves the uploader's decisions and reading options on a draft. Decisions alone are checked
 * against the staged rows (a row of the file; a record proposed for it), without reading the
 * file; a new encoding or day order reads it again (it changes the rows), staging its rows anew
 * in the same transaction as the save, and the counts are stored anew.
 */
export async function updateImportDraft(
  ctx: RequestContext,
  options: { id: number; input: z.output<typeof ImportDraftUpdate>; cipher: Cipher },
): Promise<{ draft: ImportDraftView; preview: ImportDraftPreview }> {
  const { input } = options;
  const current = ownOpenDraft(ctx, await readableDraft(ctx, ctx, options.id), input.version);
  const next: DraftRow = {
    ...current,
    ...(input.encoding !== undefined ? { encodingOverride: input.encoding } : {}),
    ...(input.dayFirst !== undefined ? { dayFirst: input.dayFirst === null ? null : input.dayFirst ? 'true' : 'false' } : {}),
    ...(input.onDuplicate ? { onDuplicate: input.onDuplicate } : {}),
    ...(input.decisions ? { decisions: input.decisions } : {}),
  };
  // A save that changes nothing writes nothing: no audit row, the same version.
  const same = (a: DraftRow, b: DraftRow) =>
    a.encodingOverride === b.encodingOverride && a.dayFirst === b.dayFirst && a.onDuplicate === b.onDuplicate && JSON.stringify(sorted(a.decisions)) === JSON.stringify(sorted(b.decisions));
  const reread = current.summary === null || next.encodingOverride !== current.encodingOverride || next.dayFirst !== current.dayFirst;
  // The file, read again with the new options, is opened before the transaction (its header and mapping checked); its rows are staged within it.
  const opened = reread ? await openDraftFile(ctx, next, options.cipher) : undefined;
  if (!opened) {
    await checkDecisions(ctx, current.id, next.decisions);
    if (same(current, next)) return { draft: presentDraft(current, ctx.locale), preview: await stagedPreview(ctx, current as DraftRow & { summary: DraftSummary }) };
  }
  await ctx.transaction(async (tx) => {
    const locked = ownOpenDraft(ctx, await readableDraft(ctx, tx, options.id, true), input.version);
    const staged: Staged = opened ? await stageRows(tx, locked.id, opened, ctx.db.engine) : { summary: locked.summary!, counts: countsOf(locked), rowsTotal: locked.rowsTotal };
    if (opened) await checkDecisions(tx, locked.id, next.decisions);
    const values = { encoding: staged.summary.encoding, encodingOverride: next.encodingOverride, dayFirst: next.dayFirst, onDuplicate: next.onDuplicate, decisions: next.decisions, counts: staged.counts, rowsTotal: staged.rowsTotal, summary: staged.summary };
    // A draft staged for the first time with its options unchanged (one from before migration 0051): staged, not changed.
    if (same(locked, next)) return setDraftStaged(tx, locked.id, values);
    await updateDraft(tx, locked.id, values);
    await tx.audit({
      action: 'update', entity: 'import_draft', entityId: locked.id, unitId: locked.unitId,
      before: { encodingOverride: locked.encodingOverride, dayFirst: locked.dayFirst, onDuplicate: locked.onDuplicate, decisions: locked.decisions, counts: locked.counts },
      after: { encodingOverride: values.encodingOverride, dayFirst: values.dayFirst, onDuplicate: values.onDuplicate, decisions: values.decisions, counts: values.counts },
    });
  });
  const saved = (await findDraft(ctx, current.id)) as DraftRow & { summary: DraftSummary };
  return { draft: presentDraft(saved, ctx.locale), preview: await stagedPreview(ctx, saved) };
}

/**
 * Starts a draft's commit: it becomes `committing` and its job is queued in the same
 * transaction (both or neither). The job writes the file wholly or not at all, as its uploader,
 * reporting progress on the draft; GET the draft to follow it. A failed draft may be committed again.
 */
export async function commitImportDraft(ctx: RequestContext, options: { id: number; version: number; cipher: Cipher }): Promise<ImportDraftView> {
  await ctx.transaction(async (tx) => {
    const row = ownOpenDraft(ctx, await readableDraft(ctx, tx, options.id, true), options.version);
    if (!roleMay(ctx.actor.role, IMPORT_KINDS[row.kind as ImportKindName]?.entity ?? 'import', 'create')) throw notFound();
    // The kind's choices must still be within the caller's reach (a conference moved to another unit since the upload is 404);
    // the job checks them again as the uploader when it runs.
    await importAdapter(row.kind as ImportKindName, { cipher: options.cipher }).checkChoices?.(tx, row.choices);
    await setDraftStatus(tx, row.id, 'committing', { rowsDone: 0 });
    await enqueueJob(tx, IMPORT_COMMIT_JOB, { draftId: row.id });
    await tx.audit({ action: 'update', entity: 'import_draft', entityId: row.id, unitId: row.unitId, before: { status: row.status }, after: { status: 'committing' } });
  });
  return presentDraft((await findDraft(ctx, options.id))!, ctx.locale);
}

/** Discards a draft that waits for a decision (its uploader, or the administrator): it leaves the to-do list and its file is dropped. */
export async function discardImportDraft(ctx: RequestContext, options: { id: number; version: number }): Promise<ImportDraftView> {
  await ctx.transaction(async (tx) => {
    const row = await readableDraft(ctx, tx, options.id, true);
    if (row.version !== options.version) throw versionConflict(presentDraft(row, ctx.locale));
    if (row.status !== 'previewed' && row.status !== 'failed') throw new DomainError('import_draft_closed', 'conflict');
    await setDraftStatus(tx, row.id, 'discarded');
    await tx.audit({ action: 'update', entity: 'import_draft', entityId: row.id, unitId: row.unitId, before: { status: row.status }, after: { status: 'discarded' } });
  });
  return presentDraft((await findDraft(ctx, options.id))!, ctx.locale);
}

/** A draft waiting on its uploader, as the to-do list shows it. */
export interface WaitingDraft {
  id: number;
  kind: string;
  fileName: string;
  expiresOn: string;
}

/** The drafts waiting for `userId`'s decision (previewed, not expired), newest first: the to-do list's imports. */
export async function waitingImportDrafts(db: Queryable, userId: number): Promise<WaitingDraft[]> {
  return (await waitingDraftRows(db, userId)).map((r) => ({ id: r.id, kind: r.kind, fileName: r.fileName, expiresOn: r.expiresOn }));
}

/**
 * The hourly clean-up of drafts: the files of finished drafts are dropped, and drafts that
 * waited more than IMPORT_DRAFT_LIFETIME_DAYS (30) days are deleted, their staged rows with them
 * (ON DELETE CASCADE). Returns how many were deleted.
 */
export async function expireImportDrafts(db: Queryable): Promise<number> {
  return purgeDrafts(db);
}
