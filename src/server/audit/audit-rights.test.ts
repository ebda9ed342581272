import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { sourceFiles } from '../test/source-files.ts';
import { AUDIT_ENTITIES } from './audit-entities.ts';

// Issue 15, finding 10: officers and leaders read user accounts (emails, roles, sign-in
// addresses) through /api/audit?entity=user although /api/users is the administrator's. The
// audit log now obeys the read rights of the records it describes.

let t: TestServer;
const EMAIL = 'audited.account@test.interchange';
let personId = 0;

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.as('admin');
  const user = await admin.post('/api/users', { email: EMAIL, displayName: 'Audited', role: 'viewer', password: 'a long enough passphrase' });
  expect(user.statusCode, user.body).toBe(201);
  // Every role has signed in (audited as 'user'); the officer makes a token (audited as 'api_token') and a person of unit A.
  const officer = await t.as('officer');
  expect((await officer.post('/api/auth/tokens', { name: 'audited token' })).statusCode).toBe(201);
  personId = (await officer.post('/api/people', { familyName: 'Audited person', unitId: t.units.a })).json().id;
  for (const role of ['leader', 'coordinatorA'] as const) await t.as(role);
});
afterAll(async () => t?.close());

type Entry = { entity: string; entityId: string; after: unknown };
const entriesOf = async (role: 'admin' | 'officer' | 'leader' | 'coordinatorA', query: string) => {
  const response = await (await t.as(role)).get(`/api/audit?pageSize=200&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Entry[]; total: number };
};

describe('the audit log obeys the read rights of the records it describes', () => {
  it('officers, leaders and coordinators read no user account nor token through it', async () => {
    for (const role of ['officer', 'leader', 'coordinatorA'] as const) {
      for (const entity of ['user', 'api_token']) expect((await entriesOf(role, `entity=${entity}`)).total, `${role} ${entity}`).toBe(0);
      const all = await entriesOf(role, '');
      expect(all.items.map((e) => e.entity), role).not.toContain('user');
      expect(all.items.map((e) => e.entity), role).not.toContain('api_token');
      expect(JSON.stringify(all.items), role).not.toContain(EMAIL);
    }
  });

  it('the administrator reads them; the others still read the records they may read', async () => {
    const users = await entriesOf('admin', 'entity=user');
    expect(users.total).toBeGreaterThan(0);
    expect(JSON.stringify(users.items)).toContain(EMAIL);
    expect((await entriesOf('admin', 'entity=api_token')).total).toBeGreaterThan(0);
    for (const role of ['officer', 'leader', 'coordinatorA'] as const) {
      const person = await entriesOf(role, `entity=person&entityId=${personId}`);
      expect(person.total, role).toBe(1);
    }
  });

  it('knows the kind of record of every audit entity the server writes', () => {
    const text = sourceFiles(new URL('../', import.meta.url).pathname).map((file) => readFileSync(file, 'utf8')).join('\n');
    const literals = [...text.matchAll(/entity: '([a-z_]+)'/g), ...text.matchAll(/await audit\('([a-z_]+)'/g)]
      .map((m) => m[1]!)
      // The audit route's own column list.
      .filter((name) => name !== 'entity');
    const constants = [...text.matchAll(/const ([A-Z_]+) = '([a-z_]+)';/g)].filter((m) => new RegExp(`entity: ${m[1]}\\b`).test(text)).map((m) => m[2]!);
    expect(literals).toContain('user');
    expect(constants).toContain('exchange_application');
    for (const name of [...literals, ...constants]) expect(AUDIT_ENTITIES, name).toHaveProperty(name);
  });
});
