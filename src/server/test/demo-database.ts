import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connectDb, type Db } from '../db/client.ts';
import { dumpEmbeddedImage, startEmbeddedEngine } from '../db/embedded/embedded-engine.ts';
import { createCipher } from '../security/personal-data.ts';
import { officeToday } from '../../shared/calendar.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { cloneTemplate, imagePath, templateName, testEngine, withDatabase } from './test-database.ts';
import { markUsed, unusedDatabases } from './shared-templates.ts';

/**
 * The demo, loaded once and copied for each demo test file: a dozen files each loading the
 * whole demo through the services took most of the run. The copy is named by a digest of the
 * code that makes it (server, shared, demo, migrations, reference data) and of today's date,
 * so it never lags the code, and runs of the same code share it.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = `${root}.tmp/`;

function addTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) addTree(hash, path);
    else if (!name.endsWith('.test.ts')) hash.update(path).update(readFileSync(path));
  }
}

function demoDigest(): string {
  const hash = createHash('sha256').update(officeToday());
  for (const dir of ['src/server', 'src/shared', 'src/demo', 'reference']) addTree(hash, `${root}${dir}`);
  return hash.digest('hex').slice(0, 12);
}

let digest: string | null = null;
const demoName = () => (digest ??= demoDigest());
const demoImage = () => `${tmp}test-demo-${demoName()}.tar`;
const demoTemplate = () => `interchange_demo_${demoName()}`;
const DEMO_LOCK = 0x64656d6f; // pg_advisory_lock key: "demo"

/** Drops the demo copies made from other code; called from vitest's global setup. */
export async function forgetDemoDatabases(engine: 'embedded' | 'postgresql'): Promise<void> {
  if (engine === 'embedded') {
    if (!existsSync(tmp)) return;
    const stale = readdirSync(tmp).filter((f) => /^test-demo-[0-9a-f]{12}\.tar$/.test(f) && f !== `test-demo-${demoName()}.tar`);
    for (const file of stale) await rm(`${tmp}${file}`, { force: true });
    return;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Another checkout's run may be copying one: only those unused for hours go.
    for (const datname of await unusedDatabases(admin, '^interchange_demo_[0-9a-f]{12}$', demoTemplate())) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Whether the process that wrote its id into the lock at `path` is gone (a run killed while loading). */
function lockIsStale(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Waits for the file lock at `path` (another vitest worker may be loading the demo), runs
 * `work`, releases it. The lock holds its owner's process id: a lock left by a run that was
 * killed is taken over, instead of making every later run wait for ever.
 */
async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch {
      if (lockIsStale(path)) await rm(path, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}

async function ensureEmbeddedDemo(): Promise<string> {
  const image = demoImage();
  await withFileLock(`${image}.lock`, async () => {
    if (existsSync(image)) return;
    const dataDir = `${tmp}test-demo-build-${process.pid}-${randomBytes(3).toString('hex')}`;
    await rm(dataDir, { recursive: true, force: true });
    const engine = await startEmbeddedEngine({ dataDir, loadImage: imagePath(), durable: false });
    const db = connectDb(engine.url, 'embedded', engine.stop);
    try {
      await loadDemo(db, createCipher('test-secret'), officeToday());
    } finally {
      await db.close();
    }
    await dumpEmbeddedImage({ dataDir, target: `${image}.partial` });
    await rename(`${image}.partial`, image);
    await rm(dataDir, { recursive: true, force: true });
  });
  return image;
}

async function ensurePostgresDemo(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [DEMO_LOCK]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [demoTemplate()]);
    if (!exists.rowCount) {
      const building = `${demoTemplate()}_build`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building} TEMPLATE ${templateName()}`);
      const db = connectDb(withDatabase(url, building), 'postgresql');
      try {
        await loadDemo(db, createCipher('test-secret'), officeToday());
      } finally {
        await db.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${demoTemplate()}`);
    }
    await markUsed(admin, demoTemplate());
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [DEMO_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

/**
 * A database of its own holding the whole demo as loaded today (cipher secret 'test-secret'),
 * on this vitest project's engine. The first caller loads it; the others copy it.
 */
export async function openDemoDatabase(): Promise<Db> {
  if (testEngine() === 'embedded') {
    const engine = await startEmbeddedEngine({ loadImage: await ensureEmbeddedDemo(), durable: false });
    return connectDb(engine.url, 'embedded', engine.stop);
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  await ensurePostgresDemo(url);
  const clone = await cloneTemplate(demoTemplate(), 'interchange_test');
  return connectDb(clone.url, 'postgresql', clone.drop);
}
