import PgBoss from 'pg-boss';
import type { Queryable } from '../db/client.ts';
import type { JobType } from './job-type.ts';

/** pg-boss's way of running SQL, over any of ours: the pool, or an open transaction (embedded: the one connection). */
export function executor(q: Queryable): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
  return { executeSql: (text, values) => q.query(text, values) };
}

/** Only for building pg-boss's insert: every send passes the caller's own connection. */
const SENDER = new PgBoss({ db: executor({ query: () => Promise.reject(new Error('enqueueJob: no connection given')) }), migrate: false, supervise: false, schedule: false } as PgBoss.ConstructorOptions);

/**
 * Enqueues one job of `type` on `q`: inside a transaction it commits or vanishes with the
 * change that asked for it (an outbox row and its send job are written together).
 * Its tries and timeout are its queue's (`ensureQueues`), read when it is inserted.
 * `singletonKey` keeps a second job with the same key from being queued while one waits or runs;
 * `startAfterSeconds` holds it back that long (a prepared file's removal, a week on).
 */
export async function enqueueJob<D extends object>(q: Queryable, type: JobType<D>, data: D, options: { singletonKey?: string; startAfterSeconds?: number } = {}): Promise<string> {
  const id = await SENDER.send(type.name, data, {
    db: executor(q),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
  } as PgBoss.SendOptions);
  // pg-boss inserts nothing, silently, into a queue that does not exist (or a singleton taken).
  if (!id && !options.singletonKey) throw new Error(`job queue ${type.name} does not exist: is it in JOB_TYPES?`);
  return id ?? '';
}

