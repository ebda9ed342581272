import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, PASSWORD, signInAs, startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const signIn = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

describe('sign-in and sessions', () => {
  it('signs in with an httpOnly SameSite cookie and answers /me; the database keeps only a digest', async () => {
    const response = await signIn(emailOf('officer'), PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'interchange_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const raw = await t.db.query('SELECT token_hash FROM sessions');
    expect(JSON.stringify(raw.rows)).not.toContain(cookie.value);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `interchange_session=${cookie.value}` } });
    expect(me.json().user).toMatchObject({ email: emailOf('officer'), role: 'officer' });
    expect(me.json().user).not.toHaveProperty('passwordHash');
    const hashes = await t.db.query('SELECT password_hash FROM users WHERE email = $1', [emailOf('officer')]);
    expect(hashes.rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown email alike, then throttles the account', async () => {
    const wrong = await signIn(emailOf('viewer'), 'not the password');
    const unknown = await signIn('nobody@test.interchange', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    for (let i = 0; i < 4; i += 1) await signIn(emailOf('viewer'), 'still wrong');
    const throttled = await signIn(emailOf('viewer'), PASSWORD);
    expect(throttled.statusCode).toBe(429);
    // Another account from the same address is not affected.
    expect((await signIn(emailOf('leader'), PASSWORD)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per address, whatever the account', async () => {
    const from = (i: number, address: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: address, payload: { email: `nobody${i}@test.interchange`, password: 'x' } });
    const statuses = [];
    for (let i = 0; i < 101; i += 1) statuses.push((await from(i, '127.0.0.9')).statusCode);
    expect(statuses.slice(0, 100).every((s) => s === 401)).toBe(true);
    expect(statuses[100]).toBe(429);
    expect((await from(999, '127.0.0.10')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
    const { cookie, csrf } = await signInAs(t.app, emailOf('officer'));
    const body = { kind: 'university', nameEn: 'CSRF University', countryCode: 'FR' };
    const without = await t.app.inject({ method: 'POST', url: '/api/institutions', headers: { cookie }, payload: body });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_invalid');
    const forged = await t.app.inject({ method: 'POST', url: '/api/institutions', headers: { cookie, 'x-csrf-token': 'forged' }, payload: body });
    expect(forged.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/institutions', headers: { cookie, 'x-csrf-token': csrf }, payload: body });
    expect(ok.statusCode).toBe(201);
  });

  it('signs out one session, or everywhere', async () => {
    const one = await signInAs(t.app, emailOf('leader'));
    const two = await signInAs(t.app, emailOf('leader'));
    const me = (s: { cookie: string }) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: one.cookie, 'x-csrf-token': one.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await me(one)).statusCode).toBe(401);
    expect((await me(two)).statusCode).toBe(200);
    const three = await signInAs(t.app, emailOf('leader'));
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { cookie: three.cookie, 'x-csrf-token': three.csrf } });
    expect((await me(two)).statusCode).toBe(401);
    expect((await me(three)).statusCode).toBe(401);
  });

  it('ends expired sessions', async () => {
    const s = await signInAs(t.app, emailOf('admin'));
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 minute'");
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('changing the password ends every other session and needs the current password', async () => {
    const keep = await signInAs(t.app, emailOf('coordinatorB'));
    const other = await signInAs(t.app, emailOf('coordinatorB'));
    const change = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: keep.cookie, 'x-csrf-token': keep.csrf }, payload: { currentPassword: password, newPassword: 'a brand new passphrase' } });
    const wrong = await change('nope');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('currentPassword');
    expect((await change(PASSWORD)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: keep.cookie } })).statusCode).toBe(200);
    expect((await signIn(emailOf('coordinatorB'), PASSWORD)).statusCode).toBe(401);
    expect((await signIn(emailOf('coordinatorB'), 'a brand new passphrase')).statusCode).toBe(200);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'password_change'");
    expect(audit.rowCount).toBe(1);
  });

  it('API tokens work for scripts without CSRF, with the role of their user, until revoked', async () => {
    const officer = await t.as('officer');
    const created = await officer.post('/api/auth/tokens', { name: 'nightly export', scope: 'read_write' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^ict_/);
    const bearer = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({ method: 'POST', url: '/api/institutions', headers: bearer, payload: { kind: 'hospital', nameEn: 'Token Hospital', countryCode: 'DE' } });
    expect(write.statusCode).toBe(201);
    const listed = (await officer.get('/api/auth/tokens')).json();
    expect(listed[0]).toMatchObject({ id, name: 'nightly export' });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await officer.delete(`/api/auth/tokens/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/institutions', headers: bearer })).statusCode).toBe(401);
  });

  it('a disabled user cannot sign in and loses their sessions', async () => {
    const admin = await t.as('admin');
    const session = await signInAs(t.app, emailOf('viewer').replace('viewer', 'leader'));
    const leader = (await admin.get(`/api/users/${t.userIds.leader}`)).json();
    const disabled = await admin.patch(`/api/users/${t.userIds.leader}`, { version: leader.version, disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    expect((await signIn(emailOf('leader'), PASSWORD)).statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
