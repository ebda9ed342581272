import type { Db } from '../db/client.ts';
import { OFFICE_TIME_ZONE, officeToday } from '../../shared/calendar.ts';
import { claimDigestRun, digestHour } from './digest.repo.ts';
import { queueDigestRun } from './digest.job.ts';

/** The hour (0–23) of `now` on the office's clock. */
export function officeHour(now: Date, timeZone = OFFICE_TIME_ZONE): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
}

/**
 * Queues today's digest run once the office's clock reaches the hour set in `digest.hour`,
 * once per office day whichever server process looks first (the day is claimed in the same
 * transaction as the run is queued). Returns the day queued, or null.
 */
export async function queueDueDigest(db: Db, now: Date = new Date()): Promise<string | null> {
  if (officeHour(now) < (await digestHour(db))) return null;
  const day = officeToday(now);
  return db.transaction(async (tx) => ((await claimDigestRun(tx, day)) ? (await queueDigestRun(tx, day), day) : null));
}

/**
 * Looks at the clock every minute in this server process (each process does; the claim makes
 * one run a day). pg-boss's own cron needs its scheduler running in every process, with its
 * clock-skew checks; this needs one row. Stop it before closing the database.
 */
export function startDigestSchedule(db: Db, onError: (error: unknown) => void, everyMs = 60_000): { stop(): void } {
  const tick = () => void queueDueDigest(db).catch(onError);
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
