import type { Queryable } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { insertIfAbsent, type NewOutboxRow } from './outbox.repo.ts';
import { SEND_MAIL_JOB } from './send-mail.job.ts';

/**
 * Puts a message in the outbox and queues its send, on `q` (inside the caller's transaction,
 * the two commit with the change they tell of). Never twice: a key already there, or a kind
 * the recipient switched off, inserts nothing and queues nothing. Returns the new row's id.
 */
export async function enqueueMessage(q: Queryable, message: NewOutboxRow): Promise<number | null> {
  const id = await insertIfAbsent(q, message);
  if (id !== null) await enqueueJob(q, SEND_MAIL_JOB, { outboxId: id });
  return id;
}
