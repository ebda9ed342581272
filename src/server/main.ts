import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import type { Db } from './db/client.ts';
import { createCipher } from './security/personal-data.ts';
import { loadSecret } from './security/secret-key.ts';
import { restrictUmask, secureDataDir } from './security/owner-only.ts';
import { demoRefusal } from './demo-guard.ts';
import { loadDemoInItsOwnProcess } from './demo-process.ts';

/**
 * Starts Interchange: opens the database, applies migrations and reference data, loads the
 * demo into an empty database (when enabled; on a non-loopback HOST only with INTERCHANGE_DEMO=1),
 * starts the background jobs' worker, and serves HTTP until SIGINT/SIGTERM.
 */
export async function serve(config: Config): Promise<void> {
  restrictUmask();
  await secureDataDir(config.dataDir);
  const cipher = createCipher(await loadSecret(config));
  // A new embedded folder with the demo on: the demo loads in a process of its own (demo-process.ts),
  // which creates the folder, and this one opens it afterwards as a restart would.
  if (config.demo && !config.databaseUrl && !existsSync(join(config.dataDir, 'pglite', 'PG_VERSION'))) {
    if (!(await loadDemoOrRefuse(config))) return;
  }
  // The embedded database's process is started first (PGlite's start: 1.5–2 s of its CPU) and the
  // server's code (Fastify, the routes and what they import: about as long again) is imported
  // while it starts, on the other core: a restart waits for the longer of the two, not their sum.
  const [opened, steps] = await Promise.all([openDatabase(config), import('./start-steps.ts')]);
  let db: Db = opened;
  await steps.migrate(db);
  if (config.demo && (await steps.isEmptyDatabase(db))) {
    // A database with no user yet (PostgreSQL, or an embedded folder created without the demo).
    // The embedded engine takes one connection: the loading process takes it while this one waits.
    if (db.engine === 'embedded') await db.close();
    if (!(await loadDemoOrRefuse(config))) {
      if (db.engine !== 'embedded') await db.close();
      return;
    }
    if (db.engine === 'embedded') db = await openDatabase(config);
  }
  await steps.startServing({ db, config, cipher });
}

/**
 * Loads the demo in its own process, or says why it must not load here and sets exit code 1:
 * false when this start must end.
 */
async function loadDemoOrRefuse(config: Config): Promise<boolean> {
  const refusal = demoRefusal(config);
  if (refusal) {
    console.error(refusal);
    process.exitCode = 1;
    return false;
  }
  await loadDemoInItsOwnProcess();
  return true;
}
