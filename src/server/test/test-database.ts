import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connectDb, type Db } from '../db/client.ts';
import { dumpEmbeddedImage, startEmbeddedEngine } from '../db/embedded/embedded-engine.ts';
import { migrate } from '../db/migrate.ts';
import { syncReferenceData } from '../reference/sync-reference.ts';
import { markUsed, unusedDatabases } from './shared-templates.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Which engine the database suites run on: set per vitest project. */
export function testEngine(): 'embedded' | 'postgresql' {
  return process.env.INTERCHANGE_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'embedded';
}

/** A digest of everything that shapes a fresh database: migrations, their runner and reference data. */
function schemaDigest(): string {
  const hash = createHash('sha256');
  const dirs = ['src/server/db/migrations', 'reference'];
  for (const dir of dirs)
    for (const file of readdirSync(root + dir).sort()) hash.update(file).update(readFileSync(`${root}${dir}/${file}`));
  hash.update(readFileSync(`${root}src/server/reference/sync-reference.ts`));
  // The runner shapes schema_migrations (its checksum column).
  hash.update(readFileSync(`${root}src/server/db/migrate.ts`));
  // The job types' queues are made with the schema.
  hash.update(readFileSync(`${root}src/server/jobs/job-types.ts`));
  return hash.digest('hex').slice(0, 12);
}

/** The migrated database image (embedded) every test database starts from. */
export const imagePath = (): string => `${root}.tmp/test-db-${schemaDigest()}.tar`;
/** The migrated template database (PostgreSQL) every test database is cloned from. */
export const templateName = (): string => `interchange_tpl_${schemaDigest()}`;

async function prepare(db: Db): Promise<void> {
  await migrate(db);
  await syncReferenceData(db);
}

/**
 * Makes the starting point of every test database once per schema: a PGlite image for the
 * embedded engine, a template database on PostgreSQL. Called from vitest's global setup.
 */
export async function prepareTestDatabases(engine: 'embedded' | 'postgresql'): Promise<void> {
  const image = imagePath();
  if (engine === 'embedded' && !existsSync(image)) {
    // Built in a folder (an in-memory database ends with its process), then dumped to an image.
    const dataDir = `${root}.tmp/test-db-build-${process.pid}`;
    await rm(dataDir, { recursive: true, force: true });
    const engine = await startEmbeddedEngine({ dataDir, durable: false });
    const db = connectDb(engine.url, 'embedded', engine.stop);
    await prepare(db);
    await db.close();
    await dumpEmbeddedImage({ dataDir, target: `${image}.partial` });
    await rename(`${image}.partial`, image);
    await rm(dataDir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (engine === 'postgresql' && url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Templates of other schemas: another checkout's run may be using one, so only those unused for hours go.
      for (const datname of await unusedDatabases(admin, '^interchange_tpl_[0-9a-f]{12}$', templateName())) await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName()]);
      if (!exists.rowCount) {
        const building = `${templateName()}_build_${randomBytes(3).toString('hex')}`;
        await admin.query(`CREATE DATABASE ${building}`);
        const db = connectDb(withDatabase(url, building), 'postgresql');
        await prepare(db);
        await db.close();
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${templateName()}`).catch(async () => {
          await admin.query(`DROP DATABASE ${building}`);
        });
      }
      await markUsed(admin, templateName());
    } finally {
      await admin.end();
    }
  }
}

/** `url` naming another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh database for one test file, on the engine of this vitest project. */
export async function openTestDatabase(): Promise<Db> {
  if (testEngine() === 'embedded') {
    const engine = await startEmbeddedEngine({ loadImage: imagePath(), durable: false });
    return connectDb(engine.url, 'embedded', engine.stop);
  }
  const clone = await cloneTemplate(templateName(), 'interchange_test');
  return connectDb(clone.url, 'postgresql', clone.drop);
}


/**
 * A fresh database for a real `interchange` process, ready and migrated: on the embedded
 * engine the data folder `dataDir` seeded from the test image (creating a folder from
 * nothing takes half a minute), on PostgreSQL a database cloned from the template.
 * `prepare` runs on it first (users, units: no process holds it yet). Returns the
 * DATABASE_URL to give the process ('' for the embedded engine) and how to drop it.
 */
export async function freshServeDatabase(dataDir: string, prepare: (db: Db) => Promise<void>): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  if (testEngine() === 'embedded') {
    // Seeded without flushes (the tests' speed): the real server's start makes the folder durable.
    const engine = await startEmbeddedEngine({ dataDir: `${dataDir}/pglite`, loadImage: imagePath(), durable: false });
    const db = connectDb(engine.url, 'embedded', engine.stop);
    try {
      await prepare(db);
    } finally {
      await db.close();
    }
    return { databaseUrl: '', drop: async () => undefined };
  }
  const clone = await cloneTemplate(templateName(), 'interchange_serve');
  const db = connectDb(clone.url, 'postgresql');
  try {
    await prepare(db);
  } finally {
    await db.close();
  }
  return { databaseUrl: clone.url, drop: clone.drop };
}

/**
 * A new PostgreSQL database (on TEST_DATABASE_URL's server) cloned from `template`, named
 * `prefix` plus this process and a random suffix: its URL, and how to drop it.
 */
export async function cloneTemplate(template: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  return {
    url: withDatabase(url, name),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
