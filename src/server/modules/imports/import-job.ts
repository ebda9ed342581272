/**
 * The background commit of an import draft: the existing commit (one transaction, savepoints
 * for each record's service) run as the draft's uploader, as they are now, with its progress
 * written on the draft for any server process to read.
 */
import { DomainError } from '../../core/errors.ts';
import type { z } from 'zod';
import { requestContext, systemContext } from '../../core/request-context.ts';
import { defineJobType, type JobDeps, type JobRun } from '../../jobs/job-type.ts';
import { enabledActorOf } from '../users/users.service.ts';
import { roleMay } from '../../../shared/policies.ts';
import { IMPORT_KINDS, type ImportKindName, type ImportQuery } from '../../../shared/contracts/imports.ts';
import { commitImport } from './imports.service.ts';
import { draftContent, findDraft, setDraftProgress, setDraftStatus, type DraftRow } from './import-drafts.repo.ts';

type Failure = NonNullable<DraftRow['error']>;

/** Marks the draft failed with `error` (a coded error, put in words when read), audited as the system's. */
async function fail(deps: Pick<JobDeps, 'db'>, draft: DraftRow, error: Failure): Promise<void> {
  await systemContext(deps.db).transaction(async (tx) => {
    const now = await findDraft(tx, draft.id, true);
    if (!now || now.status !== 'committing') return;
    await setDraftStatus(tx, draft.id, 'failed', { error });
    await tx.audit({ action: 'update', entity: 'import_draft', entityId: draft.id, unitId: draft.unitId, before: { status: 'committing' }, after: { status: 'failed', error } });
  });
}

/** The reading options and the kind's choices of a draft, as a preview and the commit take them (the decisions included). */
export function draftQuery(row: DraftRow): z.output<typeof ImportQuery> {
  return {
    onDuplicate: row.onDuplicate,
    ...(row.encodingOverride ? { encoding: row.encodingOverride } : {}),
    ...(row.dayFirst ? { dayFirst: row.dayFirst } : {}),
    ...(row.mappingName ? { mapping: row.mappingName } : {}),
    ...(row.mapping ? { columns: JSON.stringify(row.mapping) } : {}),
    ...row.choices,
    decisions: JSON.stringify(row.decisions),
  };
}

/**
 * Commits draft `draftId` if it is still committing: as its uploader (refused, writing nothing,
 * if they are disabled or may no longer import the kind), progress written every few hundred
 * rows. The draft is marked committed in the import's own transaction, so a retry after a crash
 * finds it either committed or untouched. A refusal (a bad row, undecided duplicates) marks it
 * failed at once; any other error is retried, and marks it failed after the last try.
 */
export async function runDraftCommit(deps: JobDeps, job: Pick<JobRun<{ draftId: number }>, 'data' | 'retryCount' | 'retryLimit'>): Promise<void> {
  const draft = await findDraft(deps.db, job.data.draftId);
  if (!draft || draft.status !== 'committing') return;
  const kind = IMPORT_KINDS[draft.kind as ImportKindName];
  const actor = await enabledActorOf(deps.db, draft.createdBy);
  if (!kind || !actor || !roleMay(actor.role, kind.entity, 'create')) return fail(deps, draft, { code: 'import_owner_refused' });
  const content = await draftContent(deps.db, draft.id);
  if (!content || !deps.cipher) return fail(deps, draft, { code: 'import_failed' });
  const ctx = requestContext(actor, deps.db);
  // Progress is written beside the import's transaction, on another connection, for other
  // sessions to read. The embedded engine has one connection, held by that transaction:
  // there a write beside it would wait for it forever, so its draft shows 0 until the end.
  const onProgress = deps.db.engine === 'postgresql' ? (done: number, total: number) => setDraftProgress(deps.db, draft.id, done, total) : undefined;
  try {
    await commitImport(ctx, {
      kind: draft.kind as ImportKindName,
      fileName: draft.fileName,
      content,
      query: draftQuery(draft),
      cipher: deps.cipher,
      rowsTotal: draft.rowsTotal,
      ...(onProgress ? { onProgress } : {}),
      async onRecorded(tx, importId, counts) {
        const now = await findDraft(tx, draft.id, true);
        // Committed by another try in the meantime (a worker thought dead): this one rolls back.
        if (!now || now.status !== 'committing') throw new DomainError('import_draft_closed', 'conflict');
        await setDraftStatus(tx, draft.id, 'committed', { importId, outcome: counts, rowsDone: now.rowsTotal });
        await tx.audit({ action: 'update', entity: 'import_draft', entityId: draft.id, unitId: draft.unitId, before: { status: 'committing' }, after: { status: 'committed', importId, ...counts } });
      },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === 'import_draft_closed') return;
      return fail(deps, draft, { code: error.code, ...(error.extra.fields?.length ? { fields: error.extra.fields.map((f) => ({ field: f.field, reason: f.reason })) } : {}) });
    }
    if (job.retryCount < job.retryLimit) throw error;
    return fail(deps, draft, { code: 'import_failed' });
  }
}

/** An import draft's commit, as a job: tried again (after a lost connection, a killed worker) up to three times. */
export const IMPORT_COMMIT_JOB = defineJobType<{ draftId: number }>({
  name: 'import-commit',
  retryLimit: 3,
  retryDelaySeconds: 10,
  retryBackoff: true,
  // A 100,000-row file commits in seconds to minutes; a try past this is taken as dead and tried again.
  expireInSeconds: 30 * 60,
  run: runDraftCommit,
});
