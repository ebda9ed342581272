import { defineJobType } from '../jobs/job-type.ts';
import { DomainError } from '../core/errors.ts';
import { requestContext } from '../core/request-context.ts';
import { enabledActorOf } from '../modules/users/users.service.ts';
import { prepareFile } from './prepare-file.ts';
import { deleteExpiredFiles, findTask, markDone, markFailed, markRunning } from './prepared-files.repo.ts';

/** Why a try failed, as the export's owner reads it: a refusal's code, or an unexpected error's message. */
function reasonOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Makes one prepared file. The owner's context is rebuilt from the database at each try (still
 * enabled, their role and unit as they are now), so a coordinator's file holds their unit only,
 * exactly as the synchronous route would give them. A refusal (disabled, no longer allowed, a
 * filter refused) fails the export at once and every retry repeats it; anything else is retried
 * and fails the export at the last try. Each failure is kept on the row for its owner.
 */
export const EXPORT_FILE_JOB = defineJobType<{ preparedFileId: number }>({
  name: 'export-file',
  retryLimit: 2,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  async run({ db, config, cipher }, job) {
    const task = await findTask(db, job.data.preparedFileId);
    if (!task || task.status === 'done') return;
    // A refusal already recorded is repeated, not run again: nothing it depends on is retried.
    if (task.status === 'failed') throw new Error(task.error ?? 'failed');
    await markRunning(db, task.id);
    try {
      if (!config || !cipher) throw new Error('export job started without the server configuration');
      const actor = await enabledActorOf(db, task.userId);
      if (!actor) throw new DomainError('account_disabled', 'forbidden');
      const ctx = requestContext(actor, db, task.locale);
      const file = await prepareFile(ctx, { db, config, cipher }, { what: task.what, format: task.format, query: task.query });
      await markDone(db, task.id, file);
    } catch (error) {
      await markFailed(db, task.id, reasonOf(error), error instanceof DomainError || job.retryCount >= job.retryLimit);
      throw error;
    }
  },
});

/** Removes the prepared files past their expiry: queued with each export to run when it expires (7 days on). */
export const EXPIRE_PREPARED_FILES_JOB = defineJobType<{ preparedFileId: number }>({
  name: 'expire-prepared-files',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
  async run({ db }) {
    await deleteExpiredFiles(db);
  },
});
