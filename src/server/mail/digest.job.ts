import type { Queryable } from '../db/client.ts';
import { requestContext } from '../core/request-context.ts';
import { todoFor } from '../modules/todo/todo.service.ts';
import { defineJobType, type JobDeps } from '../jobs/job-type.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { enqueueMessage } from './outbox.ts';
import { optedOutKinds } from './outbox.repo.ts';
import { enabledActorOf } from '../modules/users/users.service.ts';
import { composeDigest, digestItemKey } from './digest.ts';
import { digestRecipients, lockDigestState, saveDigestState } from './digest.repo.ts';

/** What became of one user's digest of a day. */
export type DigestOutcome = 'written' | 'nothing' | 'made-before' | 'skipped';

/** The address links point to when INTERCHANGE_PUBLIC_URL is not set (a trial on this machine). */
const LOCAL_BASE = 'http://localhost:3000';

/**
 * Makes `userId`'s digest of the office day `day`, once: their to-do list as they see it that
 * day (a coordinator's unit only), its late items and those not on it at their previous digest,
 * written to the outbox in their language with its send queued, all in one transaction that
 * holds their digest state's lock. A second maker (another server, a run triggered twice) waits
 * for the lock and finds the day made; the outbox key `digest:<user>:<day>` is the last guard.
 * An empty digest sends nothing but still records what the list held, so tomorrow's "new" is new.
 */
export async function writeDigest(deps: Pick<JobDeps, 'db' | 'publicUrl'>, userId: number, day: string): Promise<DigestOutcome> {
  return deps.db.transaction(async (tx) => {
    // The user as a job acts for them (a disabled or removed one is none), as exports and imports read them.
    const user = await enabledActorOf(tx, userId);
    if (!user || !user.email || (await optedOutKinds(tx, userId)).includes('digest')) return 'skipped';
    const state = await lockDigestState(tx, userId);
    if (state.day !== null && state.day >= day) return 'made-before';
    const reach = requestContext(user, deps.db);
    const list = await todoFor({ scope: reach.scope, query: (text, params) => tx.query(text, params), actor: { role: user.role } }, day);
    const message = composeDigest({ items: list.items, previous: new Set(state.keys), locale: user.locale, name: user.displayName, day, baseUrl: deps.publicUrl ?? LOCAL_BASE });
    if (message)
      await enqueueMessage(tx, { idempotencyKey: `digest:${userId}:${day}`, kind: 'digest', userId, recipient: user.email, locale: user.locale, subject: message.subject, bodyText: message.text });
    await saveDigestState(tx, userId, day, list.items.map(digestItemKey));
    return message ? 'written' : 'nothing';
  });
}

/** How many users' digests one job makes: fewer, larger jobs than one per user, each try still short. */
export const DIGEST_CHUNK = 25;

/**
 * The digests of a few users of one day, one after the other, each in its own transaction:
 * a retry (the job failed, or its process was killed in its middle) finds the users done
 * before made already and makes the others.
 */
export const DIGEST_USERS_JOB = defineJobType<{ userIds: number[]; day: string }>({
  name: 'digest-users',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 300,
  async run(deps, job) {
    for (const userId of job.data.userIds) await writeDigest(deps, userId, job.data.day);
  },
});

/** Queues the digests of every user who may receive one, DIGEST_CHUNK users a job; returns how many users. */
export async function fanOutDigest(q: Queryable, day: string): Promise<number> {
  const users = await digestRecipients(q);
  for (let i = 0; i < users.length; i += DIGEST_CHUNK) await enqueueJob(q, DIGEST_USERS_JOB, { userIds: users.slice(i, i + DIGEST_CHUNK), day });
  return users.length;
}

/**
 * The daily digest run of one office day: queues every user's digest, in one transaction (all
 * or none). Running it twice (two servers triggered, a retry) queues the users twice, and each
 * user's digest is still made once (writeDigest).
 */
export const DIGEST_RUN_JOB = defineJobType<{ day: string }>({
  name: 'digest-run',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 300,
  async run(deps, job) {
    await deps.db.transaction((tx) => fanOutDigest(tx, job.data.day));
  },
});

/** Queues the digest run of `day` on `q` (inside a transaction: with the change that asked for it); its job's id. */
export async function queueDigestRun(q: Queryable, day: string): Promise<string> {
  return enqueueJob(q, DIGEST_RUN_JOB, { day });
}
