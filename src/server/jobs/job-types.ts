import type { JobType } from './job-type.ts';
import { SEND_MAIL_JOB } from '../mail/send-mail.job.ts';
import { STEP_TAKEN_JOB } from '../mail/step-taken.ts';
import { DIGEST_RUN_JOB, DIGEST_USERS_JOB } from '../mail/digest.job.ts';
import { EXPIRE_PREPARED_FILES_JOB, EXPORT_FILE_JOB } from '../exports/export-file.job.ts';
import { IMPORT_COMMIT_JOB } from '../modules/imports/import-job.ts';

/**
 * Every kind of background job the server runs: the one list the worker reads (a queue per
 * entry, created with the schema at start). A new kind of job — a long import, an export — is
 * a `defineJobType` in its module and one line here.
 */
export const JOB_TYPES: readonly JobType<never>[] = [SEND_MAIL_JOB, STEP_TAKEN_JOB, DIGEST_RUN_JOB, DIGEST_USERS_JOB, EXPORT_FILE_JOB, EXPIRE_PREPARED_FILES_JOB, IMPORT_COMMIT_JOB];
