import { linkBase, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { syncReferenceData } from './reference/sync-reference.ts';
import { createCipher } from './security/personal-data.ts';
import { loadSecret } from './security/secret-key.ts';
import { restrictUmask, secureDataDir } from './security/owner-only.ts';
import { expireLapsedAgreements } from './modules/agreements/agreements.service.ts';
import { expireImportDrafts } from './modules/imports/import-drafts.service.ts';
import { demoRefusal } from './demo-guard.ts';
import { indexPassports } from './modules/people/passport-index.ts';
import { startWorker } from './jobs/queue.ts';
import { createMailer } from './mail/mailer.ts';
import { startDigestSchedule } from './mail/digest-schedule.ts';

/**
 * Starts Interchange: opens the database, applies migrations and reference data, loads the
 * demo into an empty database (when enabled; on a non-loopback HOST only with INTERCHANGE_DEMO=1),
 * starts the background jobs' worker, and serves HTTP until SIGINT/SIGTERM.
 */
export async function serve(config: Config): Promise<void> {
  restrictUmask();
  await secureDataDir(config.dataDir);
  const cipher = createCipher(await loadSecret(config));
  let db = await openDatabase(config);
  await migrate(db);
  // The demo's code (its generators and data) is imported only when the demo may be loaded:
  // a production server (INTERCHANGE_DEMO=0) never reads it.
  const demo = config.demo ? await import('../demo/load-demo.ts') : null;
  const loadsDemo = demo !== null && (await demo.isEmpty(db));
  const refusal = loadsDemo ? demoRefusal(config) : null;
  if (refusal) {
    console.error(refusal);
    await db.close();
    process.exitCode = 1;
    return;
  }
  await syncReferenceData(db);
  if (demo && loadsDemo) {
    demo.printDemoAccounts(await demo.loadDemoShowingProgress(db, cipher, linkBase(config)));
    // The embedded database's process keeps the memory the load grew it to (PGlite's WebAssembly
    // memory never shrinks): opened again, it holds what a restart on the same folder holds.
    if (db.engine === 'embedded') {
      await db.close();
      db = await openDatabase(config);
    }
  }
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
