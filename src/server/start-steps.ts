/**
 * What `serve` (main.ts) does once the database is open: imported while the embedded
 * database's process starts, so that its imports (the routes and everything they use) and
 * PGlite's start overlap.
 */
import { linkBase, type Config } from './config.ts';
import { buildApp } from './app.ts';
import type { Db } from './db/client.ts';
import { syncReferenceData } from './reference/sync-reference.ts';
import type { Cipher } from './security/personal-data.ts';
import { expireLapsedAgreements } from './modules/agreements/agreements.service.ts';
import { expireImportDrafts } from './modules/imports/import-drafts.service.ts';
import { indexPassports } from './modules/people/passport-index.ts';
import { startWorker } from './jobs/queue.ts';
import { createMailer } from './mail/mailer.ts';
import { startDigestSchedule } from './mail/digest-schedule.ts';

// Imported here, not by main.ts: the migrations' check reaches the job queue and through it every job's code.
export { migrate } from './db/migrate.ts';

/**
 * Whether the database has no user yet: a first start, where the demo loads when enabled.
 * (The demo's own isEmpty says the same, but importing it would load the demo's code at every start.)
 */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM users) AS any');
  return rows[0]?.any === false;
}

/**
 * Brings the reference data up to date, indexes passports, builds the HTTP app, sweeps what
 * has lapsed (then hourly), starts the jobs' worker and the digest schedule, and listens until
 * SIGINT/SIGTERM.
 */
export async function startServing({ db, config, cipher }: { db: Db; config: Config; cipher: Cipher }): Promise<void> {
  await syncReferenceData(db);
  await indexPassports(db, cipher);
  const app = await buildApp({ db, config, cipher }, { logger: config.logLevel });
  // Agreements past their expiry are marked expired at start and then hourly (figures read dates, not this).
  const sweep = async () => {
    await expireLapsedAgreements(db).catch((error: unknown) => app.log.error({ err: error }, 'expiring agreements failed'));
    // Import drafts past 30 days are deleted, and finished drafts' files dropped.
    await expireImportDrafts(db).catch((error: unknown) => app.log.error({ err: error }, 'expiring import drafts failed'));
  };
  await sweep();
  const sweeper = setInterval(() => void sweep(), 60 * 60 * 1000);
  sweeper.unref();
  // Background jobs (mail, and whatever JOB_TYPES lists) run in every server process: the
  // queue is in the database, so several processes share the work and none runs a job twice.
  const mailer = createMailer(config);
  const worker = await startWorker({ db, mailer, publicUrl: linkBase(config), config, cipher }, { maintenanceIntervalSeconds: config.jobsCheckSeconds, onError: (error) => app.log.error({ err: error }, 'job queue') });
  // The daily digest is queued at the office's hour (settings), once a day across processes.
  const digests = startDigestSchedule(db, (error) => app.log.error({ err: error }, 'queueing the daily digest failed'));
  const stop = async (): Promise<void> => {
    clearInterval(sweeper);
    digests.stop();
    await worker.stop();
    mailer?.close();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  console.log(`Interchange is running on http://localhost:${config.port} (${db.engine} database)`);
}
