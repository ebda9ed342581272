import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('users', () => {
  it('admin creates a user with a generated password shown once', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/users', { email: 'New.Officer@test.interchange', displayName: '王芳', role: 'officer', locale: 'zh' });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user.password).toMatch(/^.{20}$/);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'new.officer@test.interchange', password: user.password } });
    expect(signIn.statusCode).toBe(200);
    expect((await admin.get(`/api/users/${user.id}`)).json()).not.toHaveProperty('password');
    const audit = await t.db.query("SELECT after FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'create'", [String(user.id)]);
    expect(JSON.stringify(audit.rows)).not.toContain(user.password);
    expect(JSON.stringify(audit.rows)).not.toContain('argon2');
  });

  it('a coordinator needs a unit, and only a coordinator has one', async () => {
    const admin = await t.as('admin');
    const noUnit = await admin.post('/api/users', { email: 'c@test.interchange', displayName: 'C', role: 'coordinator' });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.fields[0].field).toBe('unitId');
    const officerWithUnit = await admin.post('/api/users', { email: 'o@test.interchange', displayName: 'O', role: 'officer', unitId: t.units.a });
    expect(officerWithUnit.statusCode).toBe(400);
    const unknownUnit = await admin.post('/api/users', { email: 'c2@test.interchange', displayName: 'C', role: 'coordinator', unitId: 99999 });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().error.fields[0]).toMatchObject({ field: 'unitId' });
    const duplicate = await admin.post('/api/users', { email: 'ADMIN@test.interchange', displayName: 'dup', role: 'viewer' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields[0]).toMatchObject({ field: 'email' });
  });

  it('only admin manages users', async () => {
    for (const role of ['officer', 'coordinatorA', 'leader', 'viewer'] as const) {
      const c = await t.as(role);
      expect((await c.get('/api/users')).statusCode).toBe(403);
      expect((await c.post('/api/users', { email: 'x@test.interchange', displayName: 'x', role: 'admin' })).statusCode).toBe(403);
    }
  });
});
