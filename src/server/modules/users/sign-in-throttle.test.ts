import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../config.ts';
import { emailOf, PASSWORD, signInAs, startTestServer, type TestServer } from '../../test/harness.ts';
import type { App } from '../../http/context.ts';
import { delayAfter, MAX_PER_ADDRESS } from './sign-in-throttle.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());
// Each test starts with no attempts counted (the harness signed every role in from 127.0.0.1).
beforeEach(async () => {
  await t.db.query('DELETE FROM sign_in_attempts');
  await t.db.query('DELETE FROM sign_in_accounts');
});

const signIn = (email: string, password: string, address: string, app: App = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: address, payload: { email, password } });
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sessionsOf = async (userId: number) => Number((await t.db.query('SELECT count(*) AS n FROM sessions WHERE user_id = $1', [userId])).rows[0]!.n);

describe('sign-in throttle (in the database)', () => {
  it('20 parallel wrong passwords from one address: at most 5 are checked (401), the rest refused unchecked (429)', async () => {
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => signIn(emailOf('viewer'), 'wrong password', '10.0.1.1')))).map((r) => r.statusCode);
    expect(count(statuses, 401)).toBeLessThanOrEqual(MAX_PER_ADDRESS);
    expect(count(statuses, 401)).toBeGreaterThan(0);
    expect(count(statuses, 401) + count(statuses, 429)).toBe(20);
    const { rows } = await t.db.query('SELECT attempts FROM sign_in_attempts WHERE account = $1', [emailOf('viewer')]);
    expect(rows[0]?.attempts).toBe(20);
  });

  it('19 wrong and 1 right in one burst from one address: not signed in', async () => {
    const before = await sessionsOf(t.userIds.leader);
    const burst = [...Array.from({ length: 19 }, () => 'wrong password'), PASSWORD].map((p) => signIn(emailOf('leader'), p, '10.0.2.1'));
    const statuses = (await Promise.all(burst)).map((r) => r.statusCode);
    expect(statuses).not.toContain(200);
    expect(count(statuses, 401)).toBeLessThanOrEqual(MAX_PER_ADDRESS);
    expect(await sessionsOf(t.userIds.leader)).toBe(before);
    // The pair stays locked, right password or not; the same account from elsewhere is only slowed.
    expect((await signIn(emailOf('leader'), PASSWORD, '10.0.2.1')).statusCode).toBe(429);
  });

  it('wrong passwords from address A lock A only: the admin still signs in from B, slowed progressively', async () => {
    const admin = emailOf('admin');
    for (let i = 0; i < MAX_PER_ADDRESS; i += 1) expect((await signIn(admin, 'wrong password', '10.0.3.1')).statusCode).toBe(401);
    const locked = await signIn(admin, PASSWORD, '10.0.3.1');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    // From B: five failures earn a wait of 1 s, not a lock.
    const slowed = await signIn(admin, PASSWORD, '10.0.3.2');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.code).toBe('rate_limited');
    expect(Number(slowed.headers['retry-after'])).toBe(delayAfter(5));
    await sleep(delayAfter(5) * 1000 + 100);
    // One more failure (from C) doubles the wait.
    expect((await signIn(admin, 'wrong password', '10.0.3.3')).statusCode).toBe(401);
    const slower = await signIn(admin, PASSWORD, '10.0.3.2');
    expect(slower.statusCode).toBe(429);
    expect(Number(slower.headers['retry-after'])).toBe(delayAfter(6));
    expect(delayAfter(6)).toBe(2 * delayAfter(5));
    await sleep(delayAfter(6) * 1000 + 100);
    expect((await signIn(admin, PASSWORD, '10.0.3.2')).statusCode).toBe(200);
    // A right sign-in forgives the account, not the address that guessed.
    expect((await signIn(admin, PASSWORD, '10.0.3.1')).statusCode).toBe(429);
  });

  it('the count lives in the database: two app instances on one database share it', async () => {
    const second = await buildApp({ db: t.db, config: { ...readConfig({}), webDir: '/nonexistent', signInRateLimit: 100 }, cipher: t.cipher });
    await second.ready();
    try {
      const email = emailOf('coordinatorA');
      for (let i = 0; i < 3; i += 1) expect((await signIn(email, 'wrong password', '10.0.4.1')).statusCode).toBe(401);
      for (let i = 0; i < 2; i += 1) expect((await signIn(email, 'wrong password', '10.0.4.1', second)).statusCode).toBe(401);
      expect((await signIn(email, PASSWORD, '10.0.4.1', second)).statusCode).toBe(429);
      expect((await signIn(email, PASSWORD, '10.0.4.1')).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('an unknown or disabled account takes as long as a wrong password (a dummy hash is checked)', async () => {
    const admin = await t.as('admin');
    const disabled = (await admin.post('/api/users', { email: 'gone@test.interchange', displayName: 'Gone', role: 'viewer', password: PASSWORD })).json();
    expect((await admin.patch(`/api/users/${disabled.id}`, { version: disabled.version, disabled: true })).statusCode).toBe(200);
    const time = async (email: string, i: number) => {
      await t.db.query('DELETE FROM sign_in_attempts');
      await t.db.query('DELETE FROM sign_in_accounts');
      const start = performance.now();
      const response = await signIn(email, 'wrong password', `10.0.5.${i}`);
      const ms = performance.now() - start;
      expect(response.statusCode).toBe(401);
      return ms;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    const off: number[] = [];
    await time('warm.up@test.interchange', 0);
    for (let i = 1; i <= 15; i += 1) {
      known.push(await time(emailOf('officer'), i));
      unknown.push(await time(`nobody${i}@test.interchange`, i));
      off.push(await time('gone@test.interchange', i));
    }
    const [k, u, d] = [median(known), median(unknown), median(off)];
    console.log(`sign-in medians over 15 tries: wrong password ${k.toFixed(1)} ms, unknown account ${u.toFixed(1)} ms, disabled account ${d.toFixed(1)} ms`);
    expect(u / k).toBeGreaterThan(0.5);
    expect(u / k).toBeLessThan(2);
    expect(d / k).toBeGreaterThan(0.5);
    expect(d / k).toBeLessThan(2);
  });

  it('the current-password check of a password change is throttled too: 30 wrong tries, at most 5 answered', async () => {
    const { cookie, csrf } = await signInAs(t.app, emailOf('coordinatorB'));
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        remoteAddress: '10.0.6.1',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { currentPassword, newPassword: 'a brand new passphrase' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await change(`guess ${i}`)).statusCode);
    expect(count(statuses, 400)).toBe(MAX_PER_ADDRESS);
    expect(count(statuses, 429)).toBe(30 - MAX_PER_ADDRESS);
    // Locked: even the right password is not checked now, and nothing changed.
    expect((await change(PASSWORD)).statusCode).toBe(429);
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = 'password_change'")).rowCount).toBe(0);
  });
});
