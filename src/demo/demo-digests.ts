import type { Db } from '../server/db/client.ts';
import { ensureQueues } from '../server/jobs/queue.ts';
import { digestRecipients } from '../server/mail/digest.repo.ts';
import { writeDigest } from '../server/mail/digest.job.ts';

/**
 * Writes the demo day's digest of every demo account with work waiting, as the daily run would,
 * so that the outbox shows them at the first start (held there: the demo has no mail server).
 * The day's scheduled run then finds them made. Returns how many messages were written.
 */
export async function loadDemoDigests(db: Db, today: string, linkBase: string): Promise<number> {
  // their sends are queued with them: the queues must exist before the worker first starts
  await ensureQueues(db);
  let written = 0;
  for (const userId of await digestRecipients(db)) if ((await writeDigest({ db, publicUrl: linkBase }, userId, today)) === 'written') written += 1;
  return written;
}
