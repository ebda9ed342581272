import { z } from 'zod';
import { MAIL_KINDS } from '../mail-kinds.ts';
import { IsoDate, WholeNumber } from './common.ts';

/** How the administrator's page groups a job's states: pg-boss's created/retry, active, failed, completed. */
export const JOB_STATES = ['waiting', 'running', 'failed', 'done', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JobsQuery = z.object({ state: z.enum(JOB_STATES).optional() });
export type JobsQuery = z.infer<typeof JobsQuery>;

/** One background job as the administrator sees it. */
export const JobView = z.object({
  id: z.string(),
  type: z.string(),
  state: z.enum(JOB_STATES),
  /** Tries made so far beyond the first, and allowed. */
  retryCount: z.number(),
  retryLimit: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** When a waiting retry may start. */
  startAfter: z.string(),
  /** A failed try's error message. */
  error: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobsPage = z.object({
  counts: z.object(Object.fromEntries(JOB_STATES.map((state) => [state, z.number()])) as Record<JobState, z.ZodNumber>),
  items: z.array(JobView),
});
export type JobsPage = z.infer<typeof JobsPage>;

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'held'] as const;
export const OutboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  // whole numbers as every list takes them (common.ts): "1.5", "NaN" and "0x1" are refused, not coerced
  page: WholeNumber.pipe(z.number().int().min(1).max(100_000)).default(1),
  pageSize: WholeNumber.pipe(z.number().int().min(1).max(100)).default(20),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

/** One message of the outbox, as the administrator reads it. */
export const OutboxMessage = z.object({
  id: z.number(),
  kind: z.string(),
  recipient: z.string(),
  locale: z.enum(['en', 'zh', 'fr']),
  subject: z.string(),
  bodyText: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** One page of the outbox, and how much may still change in it (messages queued, jobs waiting or running): the page reads again while that is not zero. */
export const OutboxPage = z.object({
  items: z.array(OutboxMessage),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pending: z.number(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

/** The kinds of message the signed-in user receives (true) or has switched off (false). */
export const MailPreferences = z.object(Object.fromEntries(MAIL_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof MAIL_KINDS)[number], z.ZodBoolean>);
export type MailPreferences = z.infer<typeof MailPreferences>;
/** Kinds switched on (true) or off (false); those not named stay as they are. No version: the last choice wins. */
export const MailPreferencesChange = MailPreferences.partial();

/** Starting the daily digest run by hand: for the office's today unless a day is named. */
export const DigestRunInput = z.object({ date: IsoDate.optional() });
export type DigestRunInput = z.infer<typeof DigestRunInput>;

/** A digest run queued: its office day and its job. */
export const DigestRunQueued = z.object({ day: z.string(), jobId: z.string() });
export type DigestRunQueued = z.infer<typeof DigestRunQueued>;
