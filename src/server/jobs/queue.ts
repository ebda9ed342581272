import PgBoss from 'pg-boss';
import type { Db } from '../db/client.ts';
import { executor } from './enqueue.ts';
import type { JobDeps, JobType } from './job-type.ts';
import { JOB_TYPES } from './job-types.ts';

/** Settings of a worker; tests shorten the intervals (pg-boss's least: polling 0.5 s, maintenance 1 s). */
export interface WorkerOptions {
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** The job types this worker runs (default: every one in JOB_TYPES). */
  types?: readonly JobType<never>[];
  /** Called with an error pg-boss reports outside any job (a lost connection). */
  onError?: (error: Error) => void;
}

/** A running worker: stop it before closing the database. */
export interface Worker {
  stop(options?: { graceful?: boolean }): Promise<void>;
}

/**
 * Creates each job type's queue (pg-boss keeps a table per queue), or brings its tries and
 * timeout to what the type says now: a job takes them from its queue when it is queued.
 */
export async function ensureQueues(db: Db, types: readonly JobType<never>[] = JOB_TYPES): Promise<void> {
  const boss = new PgBoss({ db: executor(db), migrate: false, supervise: false, schedule: false } as PgBoss.ConstructorOptions);
  for (const type of types) {
    const settings = { retryLimit: type.retryLimit, retryDelay: type.retryDelaySeconds, retryBackoff: type.retryBackoff, expireInSeconds: type.expireInSeconds };
    const queue = await boss.getQueue(type.name);
    if (!queue) await boss.createQueue(type.name, { name: type.name, ...settings });
    else if (queue.retryLimit !== settings.retryLimit || queue.retryDelay !== settings.retryDelay || queue.retryBackoff !== settings.retryBackoff || queue.expireInSeconds !== settings.expireInSeconds)
      await boss.updateQueue(type.name, { name: type.name, ...settings });
  }
}

/**
 * Starts a worker on `deps.db`: it takes each queue's jobs (FOR UPDATE SKIP LOCKED, so two
 * workers on one database never take the same one), runs them, and with its maintenance
 * fails and requeues tries that ran past their time (a worker killed mid-job), on whichever
 * worker gets there first. Works over the embedded engine's single connection.
 */
export async function startWorker(deps: JobDeps, options: WorkerOptions = {}): Promise<Worker> {
  const types = options.types ?? JOB_TYPES;
  await ensureQueues(deps.db, types);
  const boss = new PgBoss({
    db: executor(deps.db),
    migrate: false,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    monitorStateIntervalSeconds: 60 * 60,
  } as PgBoss.ConstructorOptions);
  boss.on('error', (error: Error) => (options.onError ?? ((e: Error) => console.error(`Interchange: job queue: ${e.message}`)))(error));
  await boss.start();
  for (const type of types) {
    // pg-boss waits out the polling interval after every job, found or not: one job per 2 s.
    // Told after each job, the worker asks again at once, and waits only when the queue is empty
    // (a thousand digests are sent in seconds, not half an hour).
    let workerId = '';
    workerId = await boss.work<object>(type.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      try {
        await type.run(deps, { id: job.id, data: job.data as never, retryCount: job.retryCount, retryLimit: job.retryLimit });
      } finally {
        boss.notifyWorker(workerId);
      }
    });
  }
  return {
    async stop({ graceful = true } = {}) {
      await boss.stop({ graceful, wait: true, timeout: 10_000, close: false } as PgBoss.StopOptions);
    },
  };
}
