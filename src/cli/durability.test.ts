import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../server/test/serve-process.ts';
import { freshServeDatabase, testEngine } from '../server/test/test-database.ts';
import { connectDb, type Db } from '../server/db/client.ts';
import { startEmbeddedEngine } from '../server/db/embedded/embedded-engine.ts';
import { conferenceBody, personBody, visitBody } from '../server/test/factories.ts';
import { halfWrittenRecords } from '../server/test/durability-invariants.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createUnit } from '../server/modules/units/units.service.ts';
import { createUser } from '../server/modules/users/users.service.ts';
import { UnitInput } from '../shared/contracts/units.ts';
import { UserInput } from '../shared/contracts/users.ts';

// Issue 6, "Nothing lost". A service killed with SIGKILL: in a burst of writes (the server
// and the embedded database's process at once), in an import (the server process alone), and
// with only its database cut off in a burst (the embedded database's process killed,
// PostgreSQL's connections terminated). After each restart on the same data folder or
// database every acknowledged write is there with its audit row, nothing is half there, and
// `interchange report verify` passes. The kill lands wherever it lands: the assertions hold
// for any timing (acknowledged ⊆ present; an import all or nothing). The tests run in order
// on one database, each crash on top of the last, as a server's life would have them.

const BIN = 'bin/interchange.js';
const EMAIL = 'officer@durability.test';
const PASSWORD = 'durability test passphrase';
const IMPORT_ROWS = 10_000;
let dataDir = '';
let env: NodeJS.ProcessEnv = {};
let dropDatabase = async (): Promise<void> => undefined;
let unitId = 0;
/** The attendee table's file in the embedded data folder (see importWatcher). */
let attendeeFile = '';
let server: ServeProcess | null = null;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'interchange-durability-'));
  const database = await freshServeDatabase(dataDir, async (db) => {
    unitId = (await createUnit(systemContext(db), { input: parseOrThrow(UnitInput, { code: 'DUR', kind: 'university', nameEn: 'Durability University', nameZh: '耐久大学' }) })).id;
    await createUser(systemContext(db), { input: parseOrThrow(UserInput, { email: EMAIL, displayName: 'Officer', role: 'officer', unitId: null, password: PASSWORD }) });
    attendeeFile = (await db.query<{ path: string }>(`SELECT pg_relation_filepath('conference_attendees') AS path`)).rows[0]!.path;
  });
  dropDatabase = database.drop;
  env = { ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: database.databaseUrl, INTERCHANGE_SECRET: 'durability-secret', INTERCHANGE_DEMO: '0' };
}, 120_000);
afterAll(async () => {
  await server?.kill('SIGKILL', 'group');
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase();
});

/** The server with the processes it starts (the embedded database's) in a group of their own. */
async function start(): Promise<ServeProcess> {
  server = await startServeProcess(env, { ownProcessGroup: true });
  return server;
}

/** The database directly, while no server holds it (the embedded engine has one session). */
async function openDirect(): Promise<Db> {
  if (testEngine() === 'postgresql') return connectDb(env.DATABASE_URL!, 'postgresql');
  const engine = await startEmbeddedEngine({ dataDir: join(dataDir, 'pglite') });
  return connectDb(engine.url, 'embedded', engine.stop);
}

/** Runs the `interchange` command without blocking this process's event loop. */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

async function signIn(s: ServeProcess): Promise<Session> {
  const response = await fetch(`${s.base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return { base: s.base, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

async function call<T>(s: Session, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${s.base}${url}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A call that must succeed (setting the scene or reading back, not the write under test). */
async function must<T>(s: Session, method: string, url: string, body?: unknown): Promise<T> {
  const result = await call<T>(s, method, url, body);
  expect(result.status, `${method} ${url}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body;
}

interface Write {
  kind: 'person' | 'aggregate' | 'held';
  url: string;
  body: Record<string, unknown>;
  /** The answer, when a 2xx came back (the write is acknowledged). */
  answer?: { id: number; version: number };
}

/** The writes of the burst that were acknowledged, checked again in the database at the end. */
let acknowledgedWrites: Write[] = [];
/** The conference whose import was cut off, and whether its import is there. */
let importCase: { id: number; imported: boolean } | null = null;

describe('a service killed with SIGKILL loses nothing it acknowledged', () => {
  it('in a burst of concurrent writes: after a restart every acknowledged write is there as acknowledged', async () => {
    let s = await signIn(await start());
    // Visits approved beforehand: holding one writes a ledger row per visitor in its transaction.
    const visitors: number[] = [];
    for (let i = 0; i < 3; i += 1) visitors.push((await must<{ id: number }>(s, 'POST', '/api/people', personBody())).id);
    const visits: Array<{ id: number; version: number }> = [];
    for (let i = 0; i < 20; i += 1) {
      const visit = await must<{ id: number; version: number }>(s, 'POST', '/api/visits', visitBody(unitId, visitors, { startDate: '2024-03-01', endDate: '2024-03-02' }));
      visits.push(await must(s, 'POST', `/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version }));
    }
    const writes: Write[] = [];
    for (let i = 0; i < 60; i += 1) {
      const personal = { passportNumber: `E${1_000_000 + i}`, birthDate: `1970-01-${String(1 + (i % 28)).padStart(2, '0')}` };
      writes.push({ kind: 'person', url: '/api/people', body: { ...personBody(), ...personal } });
      writes.push({
        kind: 'aggregate',
        url: '/api/ledger/aggregates',
        body: { direction: 'inbound', who: 'visitor', count: 10 + i, category: 'all_purposes', countryCode: 'FR', unitId, startDate: '1985-01-01', endDate: '1985-12-31', sourceDocument: `Archive ${i}` },
      });
      const visit = visits[i];
      if (visit) writes.push({ kind: 'held', url: `/api/visits/${visit.id}/transitions`, body: { to: 'held', on: '2024-03-01', version: visit.version } });
    }

    // All at once; the whole service (the server and the embedded database's process) is killed
    // when a third are acknowledged, the rest in flight.
    // An answer that still arrives after the kill was sent is acknowledged all the same.
    const killAt = Math.floor(writes.length / 3);
    let answered = 0;
    let killed: Promise<void> | null = null;
    const refused: string[] = [];
    await Promise.allSettled(
      writes.map(async (write) => {
        const response = await call<Write['answer']>(s, 'POST', write.url, write.body);
        if (response.status >= 300) return refused.push(`${write.url}: ${response.status} ${JSON.stringify(response.body)}`);
        write.answer = response.body;
        answered += 1;
        if (answered === killAt) killed = server!.kill('SIGKILL', 'group');
      }),
    );
    expect(killed, 'the burst ended before the kill').not.toBeNull();
    await killed;
    // Every answer that came back was a success; the writes cut off by the kill got none.
    expect(refused).toEqual([]);
    acknowledgedWrites = writes.filter((w) => w.answer);
    expect(acknowledgedWrites.length).toBeGreaterThanOrEqual(killAt);
    expect(acknowledgedWrites.length).toBeLessThan(writes.length);

    s = await signIn(await start());
    for (const write of acknowledgedWrites) {
      const { id, version } = write.answer!;
      if (write.kind === 'person')
        expect(await must(s, 'GET', `/api/people/${id}`)).toMatchObject({
          familyName: write.body.familyName,
          passportNumber: write.body.passportNumber,
          birthDate: write.body.birthDate,
          version,
        });
      else if (write.kind === 'aggregate')
        expect(await must(s, 'GET', `/api/ledger/aggregates/${id}`)).toMatchObject({ count: write.body.count, sourceDocument: write.body.sourceDocument, version });
      else expect(await must(s, 'GET', `/api/visits/${id}`)).toMatchObject({ status: 'held', version });
    }
  }, 240_000);

  it('in the middle of a large attendee import: after a restart the import is all there or not at all', async () => {
    let s = await signIn(server ?? (await start()));
    let conference = await must<{ id: number; version: number }>(s, 'POST', '/api/conferences', conferenceBody(unitId, { foreignParticipants: 40 }));
    for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }])
      conference = await must(s, 'POST', `/api/conferences/${conference.id}/transitions`, { ...step, version: conference.version });
    const countries = ['FR', 'US', 'JP', 'DE', 'CN'];
    const csv = `Name,Country,Institution\n${Array.from({ length: IMPORT_ROWS }, (_, i) => `Attendee ${i},${countries[i % 5]},Institute ${i % 50}`).join('\n')}\n`;
    const form = new FormData();
    form.append('file', new Blob([csv]), 'attendees.csv');
    const watch = importWatcher();
    let acknowledged = false;
    const upload = fetch(`${s.base}/api/imports/attendees/commit?conference=${conference.id}`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: form,
    }).then((response) => {
      acknowledged = response.status === 201;
    });
    // The server process alone is killed (the embedded database's process is left to close the
    // database with the import's transaction open), as soon as that transaction writes, or after
    // it answers (then it must all be there).
    const when = await Promise.race([watch.writing().then(() => 'while its transaction was writing'), upload.then(() => 'after it answered')]);
    watch.stop();
    await server!.kill('SIGKILL', 'process');
    await upload.catch(() => undefined);

    s = await signIn(await start());
    const attendees = await must<unknown[]>(s, 'GET', `/api/conferences/${conference.id}/attendees`);
    const after = await must<{ version: number; attendeeCount: number }>(s, 'GET', `/api/conferences/${conference.id}`);
    await server!.stop();
    server = null;
    if (acknowledged) expect(attendees).toHaveLength(IMPORT_ROWS);
    expect([0, IMPORT_ROWS]).toContain(attendees.length);
    const imported = attendees.length === IMPORT_ROWS;
    console.info(`import of ${IMPORT_ROWS} rows killed ${when}${acknowledged ? ' (acknowledged)' : ''}: after the restart ${imported ? 'all' : 'none'} there`);
    expect(after.attendeeCount).toBe(attendees.length);
    // The import adds its rows 2,000 at a time, each batch moving the conference's version on; none written, none moved.
    if (imported) expect(after.version).toBeGreaterThan(conference.version);
    else expect(after.version).toBe(conference.version);
    importCase = { id: conference.id, imported };
  }, 240_000);

  it('when the database side dies in a burst: acknowledged writes are there, and the server does not carry on without its database', async () => {
    let s = await signIn(server ?? (await start()));
    const writes: Write[] = Array.from({ length: 60 }, () => ({ kind: 'person' as const, url: '/api/people', body: personBody() }));
    const killAt = Math.floor(writes.length / 3);
    let answered = 0;
    let cut: Promise<void> | null = null;
    await Promise.allSettled(
      writes.map(async (write) => {
        const response = await call<Write['answer']>(s, 'POST', write.url, write.body);
        if (response.status >= 300) return;
        write.answer = response.body;
        answered += 1;
        if (answered === killAt) cut = cutDatabase(server!);
      }),
    );
    expect(cut, 'the burst ended before the database was cut off').not.toBeNull();
    await cut;
    const acked = writes.filter((w) => w.answer);
    expect(acked.length).toBeGreaterThanOrEqual(killAt);
    acknowledgedWrites.push(...acked);
    if (testEngine() === 'embedded') {
      // Its database process gone, the server stops by itself (1), to be started again.
      expect(await server!.exited()).toBe(1);
      expect(server!.output()).toContain('the embedded database process ended (SIGKILL)');
      s = await signIn(await start());
    }
    // On PostgreSQL the pool opens new connections: the same server goes on serving.
    for (const write of acked) expect(await must(s, 'GET', `/api/people/${write.answer!.id}`)).toMatchObject({ familyName: write.body.familyName, version: write.answer!.version });
    expect((await call(s, 'POST', '/api/people', personBody())).status).toBe(201);
    await server!.stop();
    server = null;
  }, 240_000);

  it('after the crashes every acknowledged write has its audit row, nothing is half written, and report verify passes', async () => {
    expect(importCase).not.toBeNull();
    const db = await openDirect();
    try {
      for (const write of acknowledgedWrites) {
        const entity = write.kind === 'held' ? 'visit' : write.kind;
        const { rows } = await db.query<{ after: Record<string, unknown> }>(`SELECT after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1`, [
          entity,
          String(write.answer!.id),
        ]);
        const expected = write.kind === 'person' ? { familyName: write.body.familyName } : write.kind === 'aggregate' ? { count: write.body.count } : { status: 'held' };
        expect(rows[0]?.after, `the audit row of ${entity} ${write.answer!.id}`).toMatchObject(expected);
      }
      const { id, imported } = importCase!;
      const ledger = await db.query(`SELECT count(*)::int AS rows, sum(count)::int AS total FROM ledger WHERE source_module = 'conference' AND source_id = $1`, [id]);
      // Before the import: one row of 40 foreign participants; after it, one row per foreign attendee (4 in 5).
      const foreign = (IMPORT_ROWS * 4) / 5;
      expect(ledger.rows[0]).toEqual(imported ? { rows: foreign, total: foreign } : { rows: 1, total: 40 });
      const audit = await db.query(`SELECT 1 FROM audit_log WHERE entity = 'conference' AND entity_id = $1 AND after ? 'imported'`, [String(id)]);
      expect(audit.rowCount).toBe(imported ? 1 : 0);
      expect(await halfWrittenRecords(db)).toEqual([]);
    } finally {
      await db.close();
    }
    const verify = await runCli(['report', 'verify']);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('OK:');
  }, 120_000);
});

/**
 * Takes the database away from a running server, as an OOM kill would: the embedded
 * database's process is killed with SIGKILL; on PostgreSQL every connection of the server
 * is terminated.
 */
async function cutDatabase(s: ServeProcess): Promise<void> {
  if (testEngine() === 'embedded') {
    const children = execFileSync('pgrep', ['-P', String(s.pid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
    const host = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pglite-host'));
    expect(host, 'the embedded database process').toBeDefined();
    process.kill(host!, 'SIGKILL');
    return;
  }
  const admin = connectDb(process.env.TEST_DATABASE_URL!, 'postgresql');
  try {
    const name = new URL(env.DATABASE_URL!).pathname.slice(1);
    const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    expect(rowCount).toBeGreaterThan(0);
  } finally {
    await admin.close();
  }
}

/**
 * Tells when an import's transaction has started writing: on PostgreSQL a backend of the
 * database holds a transaction id; on the embedded engine the attendee table's file grows
 * (PostgreSQL extends a relation's file as soon as an insert needs new pages).
 */
function importWatcher(): { writing(): Promise<void>; stop(): void } {
  let stopped = false;
  const poll = async (test: () => Promise<boolean>): Promise<void> => {
    while (!stopped && !(await test())) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  if (testEngine() === 'postgresql') {
    const admin = connectDb(env.DATABASE_URL!, 'postgresql');
    const name = new URL(env.DATABASE_URL!).pathname.slice(1);
    return {
      writing: () =>
        poll(async () => {
          const { rows } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL AND query NOT LIKE '%sessions%' AND pid <> pg_backend_pid()`, [name]);
          return rows.length > 0;
        }),
      stop: () => {
        stopped = true;
        void admin.close();
      },
    };
  }
  const file = join(dataDir, 'pglite', attendeeFile);
  const size = statSync(file).size;
  return { writing: () => poll(async () => statSync(file).size > size), stop: () => (stopped = true) };
}
