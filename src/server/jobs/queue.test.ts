import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { openTestDatabase } from '../test/test-database.ts';
import { enqueueJob } from './enqueue.ts';
import { defineJobType, type JobType } from './job-type.ts';
import { ensureQueues, startWorker, type Worker } from './queue.ts';

// Two workers on one database, as two server processes run them: on PostgreSQL each pg-boss
// takes its own connections from the pool; on the embedded engine they share its one connection.
const FAST = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 };

let db: Db;
const workers: Worker[] = [];

/** A job type named `name` whose handler is `run`; each worker gets its own copy (its own handler). */
function testType(name: string, run: (n: number) => Promise<void>, expireInSeconds = 60): JobType<{ n: number }> {
  return defineJobType<{ n: number }>({ name, retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds, run: (_deps, job) => run(job.data.n) });
}

async function worker(type: JobType<{ n: number }>): Promise<Worker> {
  const w = await startWorker({ db, mailer: null, publicUrl: null }, { ...FAST, types: [type as JobType<never>], onError: () => undefined });
  workers.push(w);
  return w;
}

async function states(name: string): Promise<Record<string, number>> {
  const r = await db.query<{ state: string; n: number }>('SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state', [name]);
  return Object.fromEntries(r.rows.map((row) => [row.state, row.n]));
}

async function until(check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not done after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  for (const w of workers.splice(0)) await w.stop({ graceful: false });
  await db?.close();
});

describe('the job queue', () => {
  it('runs each job once when two workers take from one queue', async () => {
    const ran: string[] = [];
    const count = 24;
    const typeFor = (who: string) => testType('test-count', async (n) => void ran.push(`${who}:${n}`));
    await ensureQueues(db, [typeFor('setup') as JobType<never>]);
    await db.transaction(async (tx) => {
      for (let n = 0; n < count; n += 1) await enqueueJob(tx, typeFor('setup'), { n });
    });
    await Promise.all([worker(typeFor('first')), worker(typeFor('second'))]);
    await until(async () => (await states('test-count')).completed === count);
    const numbers = ran.map((r) => Number(r.split(':')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual([...Array(count).keys()]);
    expect(await states('test-count')).toEqual({ completed: count });
  });

  it('a job queued in a transaction that rolls back never runs', async () => {
    const type = testType('test-rollback', async () => undefined);
    await ensureQueues(db, [type as JobType<never>]);
    await db.transaction(async (tx) => {
      await enqueueJob(tx, type, { n: 1 });
      await tx.query('SELECT 1/0');
    }).catch(() => undefined);
    expect(await states('test-rollback')).toEqual({});
  });

  it('a job whose worker stops in the middle of it is finished by another, once', async () => {
    let started = 0;
    const finishedBy: number[] = [];
    // The first worker takes the job and never ends it; it is stopped while the job runs.
    const stuck = testType('test-stuck', () => {
      started += 1;
      return new Promise<void>(() => undefined);
    });
    const healthy = testType('test-stuck', async (n) => void finishedBy.push(n));
    await ensureQueues(db, [stuck as JobType<never>]);
    await db.transaction((tx) => enqueueJob(tx, stuck, { n: 7 }));
    const first = await worker(stuck);
    await until(async () => started === 1 && (await states('test-stuck')).active === 1);
    await first.stop({ graceful: false });
    await worker(healthy);
    await until(async () => (await states('test-stuck')).completed === 1);
    expect(started).toBe(1);
    expect(finishedBy).toEqual([7]);
    const row = (await db.query<{ retryCount: number }>(`SELECT retry_count AS "retryCount" FROM pgboss.job WHERE name = 'test-stuck'`)).rows[0]!;
    expect(row.retryCount).toBe(1);
  });

  it('a job queued while no worker runs waits, and runs when one starts', async () => {
    const ran: number[] = [];
    const type = testType('test-later', async (n) => void ran.push(n));
    await ensureQueues(db, [type as JobType<never>]);
    await db.transaction((tx) => enqueueJob(tx, type, { n: 3 }));
    expect(await states('test-later')).toEqual({ created: 1 });
    await worker(type);
    await until(async () => (await states('test-later')).completed === 1);
    expect(ran).toEqual([3]);
  });
});
