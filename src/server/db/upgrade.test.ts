import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { App } from '../http/context.ts';
import { verifyLedgerRollups } from '../modules/ledger/ledger-verify.service.ts';
import { syncReferenceData } from '../reference/sync-reference.ts';
import { createCipher } from '../security/personal-data.ts';
import { connectDb, type Db } from './client.ts';
import { startEmbeddedEngine } from './embedded/embedded-engine.ts';
import { migrate } from './migrate.ts';
import { testEngine, withDatabase } from '../test/test-database.ts';

/**
 * An upgrade from the previous release: `upgrade/0a00766-demo.sql.gz` is a database made by
 * the code of commit 0a00766 (the schema before 0014_sign_in_attempts.sql): its demo loaded
 * with `interchange demo load` on PostgreSQL, an API token made through that code, then
 * `pg_dump --no-owner --no-privileges --no-comments --rows-per-insert=200`, less its
 * `\restrict` lines (psql commands, not SQL), with the reference catalogue cut to the entries
 * the institutions point at and its version forgotten, so that start-up loads it again.
 * Today's migrations and start-up run on it, on this project's engine, and everything the
 * old release held must still be there, count the same and be readable through the API.
 * When a release changes the schema, the next one replaces this dump with its own.
 */
const DUMP = new URL('./upgrade/0a00766-demo.sql.gz', import.meta.url);
/** The old installation's key to personal data (its data folder's secret.key): a demo's, made for this dump. */
const OLD_SECRET = 'zibHybokk653my2RurUwA1Xz0ZAhIC_NWTSPNsHenuA';
/** The API token made by the old code for the demo's officer. */
const OLD_TOKEN = 'ict_Wli8dNoGbAIJvUmw96m5e3bp0zOZTg2x5SifiYlabIk';

let db: Db;
let app: App;
let drop: () => Promise<void> = async () => undefined;
const before = new Map<string, number>();
let migratedAt = 0;
let encryptedNumbers = 0;
const settingsRows = async () => (await db.query<{ key: string; value: string }>('SELECT key, value::text AS value FROM settings ORDER BY key')).rows;
let settingsBefore: Array<{ key: string; value: string }> = [];

/** An empty database of this project's engine. */
async function emptyDatabase(): Promise<Db> {
  if (testEngine() === 'embedded') {
    const engine = await startEmbeddedEngine({ durable: false });
    return connectDb(engine.url, 'embedded', engine.stop);
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `interchange_upgrade_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  drop = async () => {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return connectDb(withDatabase(url, name), 'postgresql');
}

/** Rows per table of the public schema. */
async function tableCounts(): Promise<Map<string, number>> {
  const tables = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  const counts = new Map<string, number>();
  for (const { name } of tables.rows) counts.set(name, Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]!.n));
  return counts;
}

async function get(url: string, auth: Record<string, string>) {
  const response = await app.inject({ method: 'GET', url, headers: auth });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.json();
}

beforeAll(async () => {
  db = await emptyDatabase();
  // one query, so one connection: pg_dump's script empties the search path for its session, which RESET gives back
  await db.query(`${gunzipSync(readFileSync(DUMP)).toString('utf8')}\nRESET ALL;`);
  for (const [table, n] of await tableCounts()) before.set(table, n);
  settingsBefore = await settingsRows();
  encryptedNumbers = Number((await db.query<{ n: string }>('SELECT count(number_enc) AS n FROM expert_documents')).rows[0]!.n);
  migratedAt = Date.now();
  await migrate(db);
  await syncReferenceData(db);
  app = await buildApp({ db, config: { ...readConfig({}), webDir: '/nonexistent' }, cipher: createCipher(OLD_SECRET) });
  await app.ready();
}, 600_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await drop();
});

describe("an upgrade from the previous release's database", () => {
  it('applies every migration since, and records the checksum of each file', async () => {
    const files = readdirSync(new URL('./migrations/', import.meta.url)).filter((f) => f.endsWith('.sql')).sort();
    const applied = await db.query<{ name: string; checksum: string | null }>('SELECT name, checksum FROM schema_migrations ORDER BY name');
    expect(applied.rows.map((r) => r.name)).toEqual(files);
    expect(applied.rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum ?? ''))).toBe(true);
    expect(before.get('schema_migrations')).toBeLessThan(files.length);
  });

  it('keeps every row of every table the old release had', async () => {
    const after = await tableCounts();
    expect(before.size).toBeGreaterThan(30);
    expect(settingsBefore.length).toBeGreaterThan(0);
    for (const [table, n] of before) {
      // what the migrations and the reference sync are there to write
      if (['schema_migrations', 'reference_institutions', 'reference_versions'].includes(table)) continue;
      // a migration may add a setting's default (0020: the digest's hour); the office's own are kept as they were
      if (table === 'settings') expect(await settingsRows()).toEqual(expect.arrayContaining(settingsBefore));
      else expect(after.get(table), table).toBe(n);
    }
    expect(after.get('reference_institutions')).toBeGreaterThan(10_000);
  });

  it('recounts every rollup cell and figure from the ledger without a difference', async () => {
    const result = await verifyLedgerRollups(db);
    expect(result.cells).toBeGreaterThan(100);
    expect(result.cellDifferences).toEqual([]);
    expect(result.figureDifferences).toEqual([]);
  });

  it("keeps the old API token with the rights it had, expiring 90 days after the upgrade", async () => {
    const auth = { authorization: `Bearer ${OLD_TOKEN}` };
    const visits = await get('/api/visits?pageSize=1', auth);
    expect(visits.total).toBe(before.get('visits'));
    const token = await db.query<{ scope: string; modules: string[] | null; expires: string }>('SELECT scope, modules, extract(epoch FROM expires_at) * 1000 AS expires FROM api_tokens');
    expect(token.rows).toHaveLength(1);
    expect(token.rows[0]).toMatchObject({ scope: 'read_write', modules: null });
    const days = (Number(token.rows[0]!.expires) - migratedAt) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
  });

  it("lets the old accounts sign in, and shows every record of each kind, with the personal data the old key encrypted", async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'officer@demo.interchange', password: 'demo-officer-password' } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const auth = { cookie };

    const kinds: Array<[list: string, table: string]> = [
      ['agreements', 'agreements'],
      ['visits', 'visits'],
      ['missions', 'missions'],
      ['conferences', 'conferences'],
      ['appointments', 'appointments'],
      ['honours', 'honours'],
      ['students', 'student_enrolments'],
      ['institutions', 'institutions'],
      ['exchange-applications', 'exchange_applications'],
      ['programme-students', 'programme_students'],
    ];
    for (const [list, table] of kinds) {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const body = await get(`/api/${list}?pageSize=200&page=${page}`, auth);
        ids.push(...body.items.map((item: { id: number }) => item.id));
        if (ids.length >= body.total || body.items.length === 0) break;
      }
      expect(ids.length, list).toBe(before.get(table));
      for (const id of ids.slice(0, 400)) expect((await get(`/api/${list}/${id}`, auth)).id).toBe(id);
    }

    // the expert documents' numbers were encrypted by the old installation's key
    const holders = await db.query<{ person_id: string }>('SELECT DISTINCT person_id FROM expert_documents');
    expect(holders.rows.length).toBeGreaterThan(0);
    let numbers = 0;
    for (const { person_id } of holders.rows) {
      const documents = await get(`/api/people/${person_id}/expert-documents`, auth);
      for (const d of documents.items ?? documents) if (typeof d.number === 'string' && d.number.length > 0) numbers++;
    }
    expect(encryptedNumbers).toBeGreaterThan(0);
    expect(numbers).toBe(encryptedNumbers);

    const factsheet = await app.inject({ method: 'GET', url: '/api/reports/factsheet?lang=en', headers: auth });
    expect(factsheet.statusCode, factsheet.body.slice(0, 300)).toBe(200);
  });
});
