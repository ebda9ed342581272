import { linkBase, type Config } from '../server/config.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { ensureQueues } from '../server/jobs/queue.ts';
import { digestRecipients } from '../server/mail/digest.repo.ts';
import { writeDigest, type DigestOutcome } from '../server/mail/digest.job.ts';
import { recordAudit } from '../server/audit/record-audit.ts';
import { SYSTEM_ACTOR } from '../server/policies/actor.ts';
import { officeToday } from '../shared/calendar.ts';
import { DigestRunInput } from '../shared/contracts/jobs.ts';
import { openReadyDb } from './open-ready-db.ts';

/**
 * `interchange digest [--date YYYY-MM-DD]`: makes the daily digest of that office day (default
 * today) for every user, in this process, as the run job does: each message goes to the outbox
 * and its send is queued for the server's worker (held in the outbox without a mail server). A
 * user whose digest of the day is made already is left alone, so it is safe to run again.
 */
export async function digestCommand(config: Config, options: { date?: string }): Promise<void> {
  let day: string;
  try {
    day = parseOrThrow(DigestRunInput, { date: options.date }).date ?? officeToday();
  } catch {
    console.error(`--date: ${JSON.stringify(options.date)} is not a day (YYYY-MM-DD)`);
    process.exitCode = 2;
    return;
  }
  const { db } = await openReadyDb(config);
  try {
    await ensureQueues(db);
    const counts: Record<DigestOutcome, number> = { written: 0, nothing: 0, 'made-before': 0, skipped: 0 };
    for (const userId of await digestRecipients(db)) counts[await writeDigest({ db, publicUrl: linkBase(config) }, userId, day)] += 1;
    await recordAudit(db, { actor: { ...SYSTEM_ACTOR, email: 'cli' }, action: 'create', entity: 'job', entityId: `digest:${day}`, unitId: null, after: { type: 'digest-run', day, ...counts } });
    console.log(`Digest of ${day}: ${counts.written} written, ${counts.nothing} with nothing new or late, ${counts['made-before']} made before.`);
  } finally {
    await db.close();
  }
}
