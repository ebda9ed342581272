import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { connectDb, type Db } from '../server/db/client.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { createUnit } from '../server/modules/units/units.service.ts';
import { createUser } from '../server/modules/users/users.service.ts';
import { insertApiToken, insertSession } from '../server/modules/users/sessions.repo.ts';
import { SESSION_COOKIE } from '../server/http/auth.ts';
import { DIGEST_USERS_JOB } from '../server/mail/digest.job.ts';
import { addDays, officeToday } from '../shared/calendar.ts';
import { UnitInput } from '../shared/contracts/units.ts';
import { UserInput } from '../shared/contracts/users.ts';
import { enqueueMessage } from '../server/mail/outbox.ts';
import { SEND_MAIL_JOB } from '../server/mail/send-mail.job.ts';
import { startServeProcess, type ServeProcess } from '../server/test/serve-process.ts';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink.ts';
import { freshServeDatabase, testEngine } from '../server/test/test-database.ts';

// Two real `interchange serve` processes on one PostgreSQL database. The embedded engine has
// one owner at a time (one process), so this file runs on the postgresql project only; the
// same guarantees are shown on both engines with two workers in one process (jobs/queue.test.ts).
const SIGN_IN_LIMIT = 3;
let sink: SmtpSink;
let db: Db;
let env: NodeJS.ProcessEnv = {};
const dirs: string[] = [];
const servers: ServeProcess[] = [];
/** The processes still running. */
const live: ServeProcess[] = [];
let drop = async (): Promise<void> => undefined;

async function serve(): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'interchange-several-'));
  dirs.push(dataDir);
  const server = await startServeProcess({ ...env, INTERCHANGE_DATA_DIR: dataDir });
  servers.push(server);
  live.push(server);
  return server;
}

const message = (key: string, subject: string) => ({ idempotencyKey: key, kind: 'step_taken', userId: null, recipient: 'someone@example.org', locale: 'fr' as const, subject, bodyText: `Texte de ${subject}` });

async function until<T>(read: () => Promise<T> | T, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(testEngine() === 'postgresql')('two interchange serve processes on one database', () => {
  beforeAll(async () => {
    sink = await startSmtpSink();
    const database = await freshServeDatabase(mkdtempSync(join(tmpdir(), 'interchange-several-db-')), async () => undefined);
    drop = database.drop;
    db = connectDb(database.databaseUrl, 'postgresql');
    env = {
      ...process.env,
      DATABASE_URL: database.databaseUrl,
      INTERCHANGE_SECRET: 'several-servers-secret',
      INTERCHANGE_DEMO: '0',
      INTERCHANGE_SMTP_URL: sink.url,
      INTERCHANGE_MAIL_FROM: 'Interchange <ie@example.edu.cn>',
      INTERCHANGE_SIGNIN_RATE_LIMIT: String(SIGN_IN_LIMIT),
      INTERCHANGE_JOBS_CHECK_SECONDS: '1',
      INTERCHANGE_LOG_LEVEL: 'warn',
    };
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) await s.kill('SIGKILL');
    await db?.close();
    await sink?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await drop();
  });

  it('one killed with SIGKILL in the middle of sending a message: the other sends it, once', async () => {
    const first = await serve();
    // A try's time and the wait before a retry are its queue's, read when a job is queued:
    // shortened here (2 minutes and 30 s in production) so the test need not wait.
    await db.query(`UPDATE pgboss.queue SET expire_seconds = 3, retry_delay = 1, retry_backoff = false WHERE name = $1`, [SEND_MAIL_JOB.name]);
    sink.holdNext(1);
    const id = await db.transaction((tx) => enqueueMessage(tx, message('several:killed', 'Interrompu puis envoyé')));
    await until(() => sink.held(), (n) => n === 1);
    const active = await db.query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE name = $1 AND (data->>'outboxId')::bigint = $2`, [SEND_MAIL_JOB.name, id]);
    expect(active.rows).toEqual([{ state: 'active' }]);
    const second = await serve();
    await first.kill('SIGKILL');
    live.splice(live.indexOf(first), 1);
    const received = await until(() => sink.received.filter((m) => m.parsed.subject === 'Interrompu puis envoyé'), (r) => r.length >= 1);
    const row = await until(
      async () => (await db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM outbox WHERE id = $1', [id])).rows[0]!,
      (r) => r.status === 'sent',
    );
    expect(row.attempts).toBe(2);
    expect(received).toHaveLength(1);
    expect(second.output()).not.toContain('Error');
  }, 180_000);

  it('a message queued once is sent once while two processes take from the queue', async () => {
    while (live.length < 2) await serve();
    const count = 12;
    await db.transaction(async (tx) => {
      for (let n = 0; n < count; n += 1) await enqueueMessage(tx, message(`several:batch:${n}`, `Lot ${n}`));
    });
    await until(() => sink.received.filter((m) => m.parsed.subject?.startsWith('Lot ')).length, (n) => n >= count);
    await until(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE idempotency_key LIKE 'several:batch:%' AND status = 'sent'`)).rows[0]!.n, (n) => n === count);
    const subjects = sink.received.map((m) => m.parsed.subject).filter((s) => s?.startsWith('Lot ')).sort();
    expect(subjects).toEqual([...Array(count).keys()].map((n) => `Lot ${n}`).sort());
  }, 180_000);

  it('a sign-in throttled on one is throttled on the other', async () => {
    while (live.length < 2) await serve();
    const [a, b] = live;
    const signIn = (server: ServeProcess, n: number) =>
      fetch(`${server.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `nobody${n}@example.org`, password: 'not the password' }) });
    for (let n = 0; n < SIGN_IN_LIMIT; n += 1) expect((await signIn(n % 2 ? a! : b!, n)).status).toBe(401);
    expect((await signIn(a!, 90)).status).toBe(429);
    expect((await signIn(b!, 91)).status).toBe(429);
  });

  it('a session signed out on one, or a user disabled on one, opens nothing on the other', async () => {
    while (live.length < 2) await serve();
    const [a, b] = live;
    // Sessions made here rather than by signing in: the sign-ins of this address are throttled above.
    const userId = (await createUser(systemContext(db), { input: parseOrThrow(UserInput, { email: 'leaving@example.org', displayName: 'Leaving', role: 'officer', unitId: null, locale: 'en', password: 'leaving-password-long' }) })).id;
    const me = async (server: ServeProcess, headers: Record<string, string>) => (await fetch(`${server.base}/api/auth/me`, { headers })).status;
    const first = await insertSession(db, { userId, hours: 1, ip: null, userAgent: null });
    const firstCookie = { cookie: `${SESSION_COOKIE}=${first.token}` };
    expect(await me(a!, firstCookie)).toBe(200);
    expect(await me(b!, firstCookie)).toBe(200);
    expect((await fetch(`${a!.base}/api/auth/sign-out`, { method: 'POST', headers: { ...firstCookie, 'x-csrf-token': first.csrfToken } })).status).toBe(204);
    expect(await me(b!, firstCookie)).toBe(401);

    const second = await insertSession(db, { userId, hours: 1, ip: null, userAgent: null });
    const secondCookie = { cookie: `${SESSION_COOKIE}=${second.token}` };
    const bearer = { authorization: `Bearer ${(await insertApiToken(db, userId, { name: 'leaving', scope: 'read_only', modules: null, expiresInDays: 1 })).token}` };
    for (const server of [a!, b!]) for (const credential of [secondCookie, bearer]) expect(await me(server, credential)).toBe(200);
    // The flag alone (disabling through the API also ends the sessions and revokes the tokens): each server reads it on every request.
    await db.query('UPDATE users SET disabled = true WHERE id = $1', [userId]);
    for (const server of [a!, b!]) for (const credential of [secondCookie, bearer]) expect(await me(server, credential)).toBe(401);
  });

  it('the digest run triggered on both sends each user one digest; one killed with SIGKILL in the middle of a digest job, the other finishes it', async () => {
    const today = officeToday();
    // One process to start with: the digest job it takes is the one it will be killed in.
    for (const s of live.splice(0)) await s.stop();
    const first = await serve();
    const unitId = (await createUnit(systemContext(db), { input: parseOrThrow(UnitInput, { code: 'DIG', kind: 'university', nameEn: 'Digest University', nameZh: '摘要大学' }) })).id;
    const users: Array<{ id: number; email: string }> = [];
    for (const [n, locale] of (['en', 'zh', 'fr', 'zh'] as const).entries()) {
      const email = `digest${n}@example.edu.cn`;
      users.push({ id: (await createUser(systemContext(db), { input: parseOrThrow(UserInput, { email, displayName: `Officer ${n}`, role: n === 0 ? 'admin' : 'officer', unitId: null, locale, password: 'digest-password-long' }) })).id, email });
    }
    const { token } = await insertApiToken(db, users[0]!.id, { name: 'digest test', scope: 'read_write', modules: null, expiresInDays: 1 });
    const call = async (server: ServeProcess, method: string, url: string, body: unknown) => {
      const response = await fetch(`${server.base}${url}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await response.json()) as { id: number; version: number };
      expect(response.status, `${method} ${url}: ${JSON.stringify(json)}`).toBeLessThan(300);
      return json;
    };
    // Something late on every officer's list: a mission back 40 days, its report not filed.
    const person = await call(first, 'POST', '/api/people', { familyName: 'Zhou', givenName: 'Min', nationality: 'CN', unitId });
    const start = addDays(today, -45);
    let mission = await call(first, 'POST', '/api/missions', { titleEn: 'Late for the digest', titleZh: '摘要逾期出访', unitId, purpose: 'conference', startDate: start, endDate: addDays(today, -40), destinations: [{ countryCode: 'FR' }], members: [{ personId: person.id, role: 'leader' }] });
    for (const step of [{ to: 'approved', approvalDocumentNo: 'DIGEST-1' }, { to: 'travelled', on: start }]) mission = await call(first, 'POST', `/api/missions/${mission.id}/transitions`, { ...step, version: mission.version });
    // A try's time is its queue's (5 minutes in production), shortened so the test need not wait;
    // again once the second process has started, as a starting process sets its queues back to the code's.
    const shortTries = () => db.query(`UPDATE pgboss.queue SET expire_seconds = 4, retry_delay = 1, retry_backoff = false WHERE name = $1`, [DIGEST_USERS_JOB.name]);
    await shortTries();
    // The test-only knob that keeps a digest job in its middle: the test holds the lock on one
    // user's digest state (the row each digest job locks before reading the list and writing
    // the message), so that user's job is running, inside its transaction, when its process dies.
    const victim = users[1]!;
    const holder = new pg.Client({ connectionString: env.DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('INSERT INTO digest_state (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [victim.id]);
    await holder.query('SELECT 1 FROM digest_state WHERE user_id = $1 FOR UPDATE', [victim.id]);
    try {
      await call(first, 'POST', '/api/admin/jobs/digest', {});
      const blocked = await until(
        async () => (await db.query<{ id: string }>(`SELECT id::text FROM pgboss.job WHERE name = $1 AND state = 'active' AND data->'userIds' @> to_jsonb($2::bigint)`, [DIGEST_USERS_JOB.name, victim.id])).rows[0]?.id,
        (id) => id !== undefined,
      );
      await until(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%digest_state%' AND pid <> pg_backend_pid()`)).rows[0]!.n, (n) => n >= 1);
      const second = await serve();
      await shortTries();
      await call(second, 'POST', '/api/admin/jobs/digest', {});
      await first.kill('SIGKILL');
      live.splice(live.indexOf(first), 1);
      await holder.query('COMMIT');
      const job = await until(
        async () => (await db.query<{ state: string; retryCount: number }>(`SELECT state::text, retry_count AS "retryCount" FROM pgboss.job WHERE id = $1`, [blocked])).rows[0]!,
        (j) => j.state === 'completed' || j.state === 'failed',
      );
      expect(job.state).toBe('completed');
      expect(job.retryCount).toBeGreaterThanOrEqual(1);
      const digests = () => sink.received.filter((m) => m.parsed.subject?.includes(today) && users.some((u) => u.email === m.envelopeTo[0]));
      await until(digests, (r) => r.length >= users.length);
      // every job of both runs done: nothing more will come
      await until(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'digest-%' AND state < 'completed'`)).rows[0]!.n, (n) => n === 0);
      await until(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE kind = 'digest' AND status = 'queued'`)).rows[0]!.n, (n) => n === 0);
      expect(digests().map((m) => m.envelopeTo[0]).sort()).toEqual(users.map((u) => u.email).sort());
      const zh = digests().find((m) => m.envelopeTo[0] === victim.email)!;
      expect(zh.parsed.headers.get('content-language')).toBe('zh');
      expect(zh.parsed.text).toContain('摘要逾期出访');
      expect(second.output()).not.toContain('Error');
    } finally {
      await holder.end().catch(() => undefined);
    }
  }, 240_000);
});
