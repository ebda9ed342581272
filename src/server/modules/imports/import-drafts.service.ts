/**
 * Imports kept in the database between upload and commit (issue 12): the upload is stored as a
 * draft with its preview's counts, the user's decisions are saved on it, and its commit is a
 * background job (import-job.ts) whose progress any server process reads. A draft is its
 * uploader's: nobody else reads it but the administrator, who may also discard it.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DomainError, invalidFields, notFound, versionConflict, type FieldProblem } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { errorMessage, fieldReason } from '../../../shared/i18n/errors.ts';
import { roleMay } from '../../../shared/policies.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { IMPORT_KINDS, importChoicesOf, type ImportKindName, type ImportQuery } from '../../../shared/contracts/imports.ts';
import type { ImportDecision, ImportDraftUpdate, ImportDraftView } from '../../../shared/contracts/import-drafts.ts';
import { previewImport, type ImportPreview } from './imports.service.ts';
import { importAdapter } from './import-adapters.ts';
import { draftQuery, IMPORT_COMMIT_JOB } from './import-job.ts';
import { draftContent, findDraft, insertDraft, purgeDrafts, setDraftStatus, updateDraft, waitingDraftRows, type DraftRow } from './import-drafts.repo.ts';

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

/** Every decision names a row of the file, and a record proposed for it (or create / skip); each bad one named by its field. */
function checkDecisions(preview: ImportPreview, decisions: Record<string, ImportDecision>): void {
  const rows = new Map(preview.rows.map((r) => [String(r.rowNumber), r]));
  const problems: FieldProblem[] = [];
  for (const [rowNumber, decision] of Object.entries(decisions)) {
    const row = rows.get(rowNumber);
    if (!row) problems.push({ field: `decisions.${rowNumber}`, reason: 'unknown_row' });
    else if (typeof decision === 'number' && !row.matches.some((m) => m.id === decision)) problems.push({ field: `decisions.${rowNumber}`, reason: 'not_a_match' });
  }
  if (problems.length) throw invalidFields(...problems.slice(0, 100));
}

/**
 * Reads an uploaded file as a preview does and keeps it as a draft of the caller's, with the
 * preview's counts: the draft's id comes back with the preview, and the import waits on the
 * caller's to-do list until it is committed or discarded.
 */
export async function createImportDraft(
  ctx: RequestContext,
  options: { kind: ImportKindName; fileName: string; content: Buffer; query: Options; cipher: Cipher },
): Promise<{ draft: ImportDraftView; preview: ImportPreview }> {
  const preview = await previewImport(ctx, options);
  const { query } = options;
  // The mapping as given whole was read by the preview already: it is valid JSON of the right shape.
  const mapping = query.columns && !query.mapping ? (JSON.parse(query.columns) as Record<string, string>) : null;
  const id = await ctx.transaction(async (tx) => {
    const draftId = await insertDraft(tx, {
      kind: options.kind,
      createdBy: ctx.actor.userId,
      unitId: ctx.scope,
      fileName: options.fileName,
      fileSha256: createHash('sha256').update(options.content).digest('hex'),
      content: options.content,
      encoding: preview.encoding,
      encodingOverride: query.encoding ?? null,
      mappingName: query.mapping ?? null,
      mapping,
      dayFirst: query.dayFirst ?? null,
      onDuplicate: query.onDuplicate,
      // The kind's choices, checked by the preview (a conference out of the caller's reach is 404, and no draft is kept).
      choices: importChoicesOf(IMPORT_KINDS[options.kind], query),
      counts: preview.counts,
      rowsTotal: preview.rows.length,
    });
    await tx.audit({ action: 'create', entity: 'import_draft', entityId: draftId, unitId: ctx.scope, after: { kind: options.kind, fileName: options.fileName, choices: importChoicesOf(IMPORT_KINDS[options.kind], query), counts: preview.counts } });
    return draftId;
  });
  return { draft: presentDraft((await findDraft(ctx, id))!, ctx.locale), preview };
}

/** A draft: its status, options, decisions, counts and progress (its uploader's, or the administrator's to read). */
export async function getImportDraft(ctx: RequestContext, options: { id: number }): Promise<ImportDraftView> {
  return presentDraft(await readableDraft(ctx, ctx, options.id), ctx.locale);
}

/** A draft's preview read again from its stored file with its options (reopening a draft from the to-do list). */
export async function previewImportDraft(ctx: RequestContext, options: { id: number; cipher: Cipher }): Promise<{ draft: ImportDraftView; preview: ImportPreview }> {
  const row = await readableDraft(ctx, ctx, options.id);
  const content = await draftContent(ctx, row.id);
  if (!content) throw new DomainError('import_draft_closed', 'conflict');
  const preview = await previewImport(ctx, { kind: row.kind as ImportKindName, fileName: row.fileName, content, query: draftQuery(row), cipher: options.cipher });
  return { draft: presentDraft(row, ctx.locale), preview };
}

/**
 * Saves the uploader's decisions and reading options on a draft: the file is read again with
 * them (an encoding or a day order changes the rows), every decision is checked against that
 * preview (a row of the file; a record proposed for it), and the counts are stored anew.
 */
export async function updateImportDraft(
  ctx: RequestContext,
  options: { id: number; input: z.output<typeof ImportDraftUpdate>; cipher: Cipher },
): Promise<{ draft: ImportDraftView; preview: ImportPreview }> {
  const { input } = options;
  const current = ownOpenDraft(ctx, await readableDraft(ctx, ctx, options.id), input.version);
  const next: DraftRow = {
    ...current,
    ...(input.encoding !== undefined ? { encodingOverride: input.encoding } : {}),
    ...(input.dayFirst !== undefined ? { dayFirst: input.dayFirst === null ? null : input.dayFirst ? 'true' : 'false' } : {}),
    ...(input.onDuplicate ? { onDuplicate: input.onDuplicate } : {}),
    ...(input.decisions ? { decisions: input.decisions } : {}),
  };
  const content = await draftContent(ctx, current.id);
  if (!content) throw new DomainError('import_draft_closed', 'conflict');
  const preview = await previewImport(ctx, { kind: current.kind as ImportKindName, fileName: current.fileName, content, query: { ...draftQuery(next), decisions: undefined }, cipher: options.cipher });
  checkDecisions(preview, next.decisions);
  // A save that changes nothing writes nothing: no audit row, the same version.
  const same = (a: DraftRow, b: DraftRow) =>
    a.encodingOverride === b.encodingOverride && a.dayFirst === b.dayFirst && a.onDuplicate === b.onDuplicate && JSON.stringify(sorted(a.decisions)) === JSON.stringify(sorted(b.decisions));
  if (same(current, next)) return { draft: presentDraft(current, ctx.locale), preview };
  await ctx.transaction(async (tx) => {
    const locked = ownOpenDraft(ctx, await readableDraft(ctx, tx, options.id, true), input.version);
    const values = { encoding: preview.encoding, encodingOverride: next.encodingOverride, dayFirst: next.dayFirst, onDuplicate: next.onDuplicate, decisions: next.decisions, counts: preview.counts, rowsTotal: preview.rows.length };
    await updateDraft(tx, locked.id, values);
    await tx.audit({
      action: 'update', entity: 'import_draft', entityId: locked.id, unitId: locked.unitId,
      before: { encodingOverride: locked.encodingOverride, dayFirst: locked.dayFirst, onDuplicate: locked.onDuplicate, decisions: locked.decisions, counts: locked.counts },
      after: { encodingOverride: values.encodingOverride, dayFirst: values.dayFirst, onDuplicate: values.onDuplicate, decisions: values.decisions, counts: values.counts },
    });
  });
  return { draft: presentDraft((await findDraft(ctx, current.id))!, ctx.locale), preview };
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
 * waited more than IMPORT_DRAFT_LIFETIME_DAYS (30) days are deleted. Returns how many were deleted.
 */
export async function expireImportDrafts(db: Queryable): Promise<number> {
  return purgeDrafts(db);
}
