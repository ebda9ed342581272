import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const KEY = 'conference.majorForeignParticipants';

describe('the office settings', () => {
  it('lists every setting with its default, to every role', async () => {
    for (const role of ['viewer', 'coordinatorA', 'officer'] as const) {
      const response = await (await t.as(role)).get('/api/settings');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([expect.objectContaining({ key: KEY, value: 50, version: 1 })]);
    }
  });

  it('changes a value at the current version (200), audited; refuses a stale version (409) and a bad value (400)', async () => {
    const officer = await t.as('officer');
    const changed = await officer.patch(`/api/settings/${KEY}`, { value: 80, version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ key: KEY, value: 80, version: 2 });
    const stale = await officer.patch(`/api/settings/${KEY}`, { value: 90, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ value: 80 });
    for (const value of [0, 'fifty', 2.5, null]) {
      const bad = await officer.patch(`/api/settings/${KEY}`, { value, version: 2 }, { 'accept-language': 'en' });
      expect(bad.statusCode, JSON.stringify(value)).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['value']);
    }
    expect((await officer.patch('/api/settings/no.such.key', { value: 1, version: 1 })).statusCode).toBe(400);
    const { rows } = await t.db.query(`SELECT before->'value' AS before, after->'value' AS after, unit_id FROM audit_log WHERE entity = 'setting' AND entity_id = $1`, [KEY]);
    expect(rows).toEqual([{ before: 50, after: 80, unit_id: null }]);
  });

  it('is the office\u2019s to change: a coordinator, a leader and a viewer get 403', async () => {
    for (const role of ['coordinatorA', 'leader', 'viewer'] as const) {
      expect((await (await t.as(role)).patch(`/api/settings/${KEY}`, { value: 10, version: 2 })).statusCode).toBe(403);
    }
  });
});
