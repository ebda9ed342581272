import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { DEADLINE_KEYS } from '../../../shared/kinds/deadline-rules.ts';

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
      const settings = response.json() as Array<{ key: string; value: unknown; version: number }>;
      expect(settings).toContainEqual(expect.objectContaining({ key: KEY, value: 50, version: 1 }));
      // every deadline's lead time, at the description's default until the office changes it
      expect(settings.filter((s) => s.key.startsWith('deadline.')).map((s) => s.key).sort()).toEqual(DEADLINE_KEYS.map((k) => `deadline.${k}`).sort());
      expect(settings).toContainEqual(expect.objectContaining({ key: 'deadline.missions.report', value: 30, version: 1 }));
      expect(settings).toContainEqual(expect.objectContaining({ key: 'deadline.agreements.renewal', value: 6, version: 1 }));
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

  it('changes a deadline\u2019s lead time from its default (200, audited), refuses one out of range (400), and an unchanged save writes nothing', async () => {
    const officer = await t.as('officer');
    const key = 'deadline.visits.report';
    const same = await officer.patch(`/api/settings/${key}`, { value: 30, version: 1 });
    expect(same.json()).toMatchObject({ key, value: 30, version: 1 });
    const changed = await officer.patch(`/api/settings/${key}`, { value: 45, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ key, value: 45, version: 2 });
    expect((await officer.get('/api/settings')).json()).toContainEqual(expect.objectContaining({ key, value: 45, version: 2 }));
    for (const value of [0, -1, 3651, 1.5, '30']) {
      const bad = await officer.patch(`/api/settings/${key}`, { value, version: 2 }, { 'accept-language': 'fr' });
      expect(bad.statusCode, JSON.stringify(value)).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['value']);
    }
    expect((await officer.patch('/api/settings/deadline.visits.nothing', { value: 3, version: 1 })).statusCode).toBe(400);
    const { rows } = await t.db.query(`SELECT before->'value' AS before, after->'value' AS after FROM audit_log WHERE entity = 'setting' AND entity_id = $1`, [key]);
    expect(rows).toEqual([{ before: 30, after: 45 }]);
  });

  it('is the office\u2019s to change: a coordinator, a leader and a viewer get 403', async () => {
    for (const role of ['coordinatorA', 'leader', 'viewer'] as const) {
      expect((await (await t.as(role)).patch(`/api/settings/${KEY}`, { value: 10, version: 2 })).statusCode).toBe(403);
    }
  });
});
