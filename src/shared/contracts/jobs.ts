import { z } from 'zod';
import { MAIL_KINDS } from '../mail-kinds.ts';
import { IsoDate, WholeNumber } from './common.ts';

/** How the administrator's page groups a job's states: pg-boss's created/retry, active, failed, completed. */
export const JOB_STATES = ['waiting', 'running', 'failed', 'done', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JobsQuery = z.object({ state: z.enum(JOB_STATES).optional() });
export type JobsQuery = z.infer<typeof JobsQuery>;

/** One background job as the administrator sees it. */
export interface JobView {
  id: string;
  type: string;
  state: JobState;
  /** Tries made so far beyond the first, and allowed. */
  retryCount: number;
  retryLimit: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When a waiting retry may start. */
  startAfter: string;
  /** A failed try's error message. */
  error: string | null;
}

export interface JobsPage {
  counts: Record<JobState, number>;
  items: JobView[];
}

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'held'] as const;
export const OutboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  // whole numbers as every list takes them (common.ts): "1.5", "NaN" and "0x1" are refused, not coerced
  page: WholeNumber.pipe(z.number().int().min(1).max(100_000)).default(1),
  pageSize: WholeNumber.pipe(z.number().int().min(1).max(100)).default(20),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

/** One message of the outbox, as the administrator reads it. */
export interface OutboxMessage {
  id: number;
  kind: string;
  recipient: string;
  locale: 'en' | 'zh' | 'fr';
  subject: string;
  bodyText: string;
  status: (typeof OUTBOX_STATUSES)[number];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** One page of the outbox, and how much may still change in it (messages queued, jobs waiting or running): the page reads again while that is not zero. */
export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  page: number;
  pageSize: number;
  pending: number;
}

/** The kinds of message the signed-in user receives (true) or has switched off (false). */
export const MailPreferences = z.object(Object.fromEntries(MAIL_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof MAIL_KINDS)[number], z.ZodBoolean>);
export type MailPreferences = z.infer<typeof MailPreferences>;
/** Kinds switched on (true) or off (false); those not named stay as they are. No version: the last choice wins. */
export const MailPreferencesChange = MailPreferences.partial();

/** Starting the daily digest run by hand: for the office's today unless a day is named. */
export const DigestRunInput = z.object({ date: IsoDate.optional() });
export type DigestRunInput = z.infer<typeof DigestRunInput>;

/** A digest run queued: its office day and its job. */
export interface DigestRunQueued {
  day: string;
  jobId: string;
}
