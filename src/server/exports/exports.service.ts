import type { RequestContext } from '../core/request-context.ts';
import { notFound } from '../core/errors.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import type { ExportRequest, ExportView } from '../../shared/contracts/exports.ts';
import { checkAsk, type ExportAsk } from './prepare-file.ts';
import { EXPIRE_PREPARED_FILES_JOB, EXPORT_FILE_JOB } from './export-file.job.ts';
import { findOwnFileContent, findOwnPreparedFile, insertPreparedFile, listOwnPreparedFiles } from './prepared-files.repo.ts';

/** How long a prepared file is kept (the table's default expiry says the same). */
const KEEP_SECONDS = 7 * 24 * 60 * 60;
/** How many of their recent exports a user is shown. */
const RECENT = 20;

/**
 * Asks for a file to be prepared in the background: refused at once as the synchronous route
 * would refuse it (the caller's role, the filters), else recorded, audited as an export, and
 * queued with its removal a week on, in one transaction (a rolled-back ask leaves no job).
 */
export async function requestExport(ctx: RequestContext, { input }: { input: ExportRequest }): Promise<ExportView> {
  const ask: ExportAsk = { what: input.what, format: input.format, query: input.query };
  checkAsk(ctx, ask);
  return ctx.transaction(async (tx) => {
    const view = await insertPreparedFile(tx, ctx.actor.userId, ctx.locale, ask);
    await enqueueJob(tx, EXPORT_FILE_JOB, { preparedFileId: view.id });
    await enqueueJob(tx, EXPIRE_PREPARED_FILES_JOB, { preparedFileId: view.id }, { startAfterSeconds: KEEP_SECONDS + 60 });
    await tx.audit({ action: 'export', entity: 'prepared_file', entityId: view.id, unitId: ctx.actor.unitId, after: { what: ask.what, format: ask.format, query: ask.query, background: true } });
    return view;
  });
}

/** One of the caller's own exports; another user's, or an expired one, is not found. */
export async function getExport(ctx: RequestContext, { id }: { id: number }): Promise<ExportView> {
  const view = await findOwnPreparedFile(ctx.db, ctx.actor.userId, id);
  if (!view) throw notFound();
  return view;
}

/** The file of one of the caller's own finished exports; not found until it is done, and for anyone else. */
export async function getExportFile(ctx: RequestContext, { id }: { id: number }): Promise<{ content: Buffer; contentType: string; fileName: string }> {
  const file = await findOwnFileContent(ctx.db, ctx.actor.userId, id);
  if (!file) throw notFound();
  return file;
}

/** The caller's recent exports, newest first. */
export async function listExports(ctx: RequestContext): Promise<{ items: ExportView[] }> {
  return { items: await listOwnPreparedFiles(ctx.db, ctx.actor.userId, RECENT) };
}
