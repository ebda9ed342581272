import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, emailOf, PASSWORD, signInAs, startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** A script calling with this token (no cookie, no CSRF token). */
const withToken = (token: string) => {
  const c = client(t.app, null, null);
  const headers = bearer(token);
  return { get: (url: string) => c.get(url, headers), post: (url: string, body: unknown) => c.post(url, body, headers), delete: (url: string) => c.delete(url, headers) };
};
const get = (token: string, url: string) => withToken(token).get(url);
const hospital = (name: string) => ({ kind: 'hospital', nameEn: name, countryCode: 'DE' });
const daysFromNow = (iso: string) => (new Date(iso).getTime() - Date.now()) / 86_400_000;

/** A fresh session of `role` (so that ending sessions in one test leaves the others alone). */
async function session(role: Parameters<typeof emailOf>[0], password = PASSWORD) {
  const { cookie, csrf } = await signInAs(t.app, emailOf(role), password);
  return client(t.app, cookie, csrf);
}

describe('API tokens', () => {
  it('are read-only for 90 days unless asked, at most a year, and listed with their scope and expiry', async () => {
    const officer = await session('officer');
    const created = await officer.post('/api/auth/tokens', { name: 'defaults' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ scope: 'read_only', modules: null });
    expect(daysFromNow(created.json().expiresAt)).toBeCloseTo(90, 0);
    const year = await officer.post('/api/auth/tokens', { name: 'a year', scope: 'read_write', expiresInDays: 365, modules: ['institution'] });
    expect(year.json()).toMatchObject({ scope: 'read_write', modules: ['institution'] });
    expect(daysFromNow(year.json().expiresAt)).toBeCloseTo(365, 0);
    const tooLong = await officer.post('/api/auth/tokens', { name: 'forever', expiresInDays: 366 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0].field).toBe('expiresInDays');
    expect((await officer.post('/api/auth/tokens', { name: 'x', scope: 'admin' })).statusCode).toBe(400);
    const listed = (await officer.get('/api/auth/tokens')).json();
    expect(listed.find((r: { id: number }) => r.id === year.json().id)).toMatchObject({ scope: 'read_write', modules: ['institution'], expiresAt: year.json().expiresAt });
    const audit = await t.db.query("SELECT after FROM audit_log WHERE action = 'token_create' AND entity_id = $1", [String(year.json().id)]);
    expect(audit.rows[0]?.after).toMatchObject({ scope: 'read_write', modules: ['institution'] });
  });

  it('a token cannot mint tokens (403 token_cannot_mint), and writes nothing trying', async () => {
    const officer = await session('officer');
    const { token } = (await officer.post('/api/auth/tokens', { name: 'parent', scope: 'read_write' })).json();
    const before = (await t.db.query('SELECT count(*) AS n FROM api_tokens')).rows[0]!.n;
    for (const body of [{ name: 'child', scope: 'read_write' }, {}]) {
      const minted = await withToken(token).post('/api/auth/tokens', body);
      expect(minted.statusCode).toBe(403);
      expect(minted.json().error.code).toBe('token_cannot_mint');
    }
    expect((await t.db.query('SELECT count(*) AS n FROM api_tokens')).rows[0]!.n).toBe(before);
  });

  it('a read-only token reads and is refused on writes (403 token_read_only); a read-write one writes', async () => {
    const officer = await session('officer');
    const reader = (await officer.post('/api/auth/tokens', { name: 'reader', scope: 'read_only' })).json().token;
    const writer = (await officer.post('/api/auth/tokens', { name: 'writer', scope: 'read_write' })).json().token;
    expect((await get(reader, '/api/institutions')).statusCode).toBe(200);
    const refused = await withToken(reader).post('/api/institutions', hospital('Read-only Hospital'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('token_read_only');
    expect((await withToken(reader).delete('/api/institutions/1?version=1')).statusCode).toBe(403);
    expect((await t.db.query("SELECT 1 FROM institutions WHERE name_en = 'Read-only Hospital'")).rowCount).toBe(0);
    expect((await withToken(writer).post('/api/institutions', hospital('Read-write Hospital'))).statusCode).toBe(201);
  });

  it('a token limited to some modules reaches only those (403 token_out_of_scope), and its own account', async () => {
    const officer = await session('officer');
    const token = (await officer.post('/api/auth/tokens', { name: 'institutions only', scope: 'read_write', modules: ['institution'] })).json().token;
    expect((await get(token, '/api/institutions')).statusCode).toBe(200);
    expect((await get(token, '/api/auth/me')).statusCode).toBe(200);
    for (const url of ['/api/people', '/api/search?q=matrix']) {
      const refused = await get(token, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code).toBe('token_out_of_scope');
    }
  });

  it('an expired token is refused', async () => {
    const officer = await session('officer');
    const { token, id } = (await officer.post('/api/auth/tokens', { name: 'short', expiresInDays: 1 })).json();
    expect((await get(token, '/api/institutions')).statusCode).toBe(200);
    await t.db.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect((await get(token, '/api/institutions')).statusCode).toBe(401);
  });

  it('a password change ends every token of the user', async () => {
    const leader = await session('leader');
    const { token } = (await leader.post('/api/auth/tokens', { name: 'before the change' })).json();
    expect((await get(token, '/api/institutions')).statusCode).toBe(200);
    expect((await leader.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'another long passphrase' })).statusCode).toBe(204);
    expect((await get(token, '/api/institutions')).statusCode).toBe(401);
    const audit = await t.db.query("SELECT after FROM audit_log WHERE action = 'password_change' AND entity_id = $1", [String(t.userIds.leader)]);
    expect(audit.rows[0]?.after).toMatchObject({ tokensRevoked: 1 });
  });

  it('signing out everywhere ends every token of the user; signing out one session does not', async () => {
    const viewer = await session('viewer');
    const { token } = (await viewer.post('/api/auth/tokens', { name: 'viewer script' })).json();
    expect((await viewer.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await get(token, '/api/institutions')).statusCode).toBe(200);
    const again = await session('viewer');
    expect((await again.post('/api/auth/sign-out-everywhere')).statusCode).toBe(204);
    expect((await get(token, '/api/institutions')).statusCode).toBe(401);
  });

  it('disabling a user ends their tokens, and enabling them again does not revive them', async () => {
    const coordinator = await session('coordinatorB');
    const { token } = (await coordinator.post('/api/auth/tokens', { name: 'unit script' })).json();
    expect((await get(token, '/api/institutions')).statusCode).toBe(200);
    const admin = await session('admin');
    const user = (await admin.get(`/api/users/${t.userIds.coordinatorB}`)).json();
    const disabled = (await admin.patch(`/api/users/${user.id}`, { version: user.version, disabled: true })).json();
    expect((await get(token, '/api/institutions')).statusCode).toBe(401);
    expect((await admin.patch(`/api/users/${user.id}`, { version: disabled.version, disabled: false })).statusCode).toBe(200);
    expect((await get(token, '/api/institutions')).statusCode).toBe(401);
    const revoked = await t.db.query('SELECT revoked_at FROM api_tokens WHERE user_id = $1', [user.id]);
    expect(revoked.rows.every((r) => r.revoked_at !== null)).toBe(true);
    const audit = await t.db.query("SELECT after FROM audit_log WHERE action = 'token_revoke' AND entity = 'user' AND entity_id = $1", [String(user.id)]);
    expect(audit.rows[0]?.after).toMatchObject({ because: 'user_disabled', tokensRevoked: 1 });
  });
});
