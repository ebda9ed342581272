import { createHash } from 'node:crypto';
import { defineJobType } from '../jobs/job-type.ts';
import { countAttempt, findMessage, markMessage } from './outbox.repo.ts';

/** The text of a failed send to keep for the administrator: the server's own answer when it gave one. */
function serverAnswer(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown };
  const text = typeof e.response === 'string' && e.response ? e.response : typeof e.message === 'string' ? e.message : String(error);
  return text.slice(0, 2000);
}

/** A Message-ID fixed for the outbox row: a repeat of a send whose answer was lost carries the same one. */
export function outboxMessageId(id: number, key: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'interchange.invalid';
  return `<outbox-${id}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}@${domain}>`;
}

/**
 * Sends one outbox message. A message already sent is not sent again (the job may be a retry
 * after the send succeeded but its worker died before the job was marked done). Without a
 * mail server the message is held in the outbox. A refused send is retried with backoff
 * (pg-boss: 30 s, 1 min, 2 min …) and, after the last try, left failed with the server's answer.
 */
export const SEND_MAIL_JOB = defineJobType<{ outboxId: number }>({
  name: 'send-mail',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  async run(deps, job) {
    const message = await findMessage(deps.db, job.data.outboxId);
    if (!message || message.status === 'sent' || message.status === 'held') return;
    if (!deps.mailer) {
      await markMessage(deps.db, message.id, 'held', null);
      return;
    }
    await countAttempt(deps.db, message.id);
    try {
      await deps.mailer.send({
        to: message.recipient,
        subject: message.subject,
        text: message.bodyText,
        locale: message.locale,
        messageId: outboxMessageId(message.id, message.idempotencyKey, deps.mailer.from),
      });
    } catch (error) {
      const last = job.retryCount >= job.retryLimit;
      await markMessage(deps.db, message.id, last ? 'failed' : 'queued', serverAnswer(error));
      throw error;
    }
    await markMessage(deps.db, message.id, 'sent', null);
  },
});
