import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody } from '../../test/factories.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function auditOf(entityId: number) {
  const { rows } = await t.db.query<{ action: string; actor_label: string; before: unknown; after: { nameZh?: string } | null }>(
    `SELECT action, actor_label, before, after FROM audit_log WHERE entity = 'institution' AND entity_id = $1 ORDER BY id`,
    [String(entityId)],
  );
  return rows;
}

describe('institutions', () => {
  it('creates an institution (201) with its audit row in the same write', async () => {
    const officer = await t.as('officer');
    const response = await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Paris Cité', nameZh: '巴黎西岱大学', countryCode: 'FR' }));
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ nameEn: 'Université Paris Cité', nameZh: '巴黎西岱大学', version: 1 });
    const audit = await auditOf(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_label: 'officer@test.interchange' });
    expect(audit[0]!.after).toMatchObject({ nameZh: '巴黎西岱大学' });
  });

  it('refuses bad input with 400 naming each field, in the language asked for, and writes nothing', async () => {
    const officer = await t.as('officer');
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions');
    const response = await officer.post('/api/institutions', { kind: 'castle', nameEn: '', countryCode: 'XYZ', website: 'not a url' }, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation_failed');
    const fields = error.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['countryCode', 'kind', 'nameEn', 'website']);
    expect(error.fields.find((f: { field: string }) => f.field === 'nameEn').message).toBe('nameEn: 为必填项');
    const french = await officer.post('/api/institutions', { ...institutionBody(), website: 'nope' }, { 'accept-language': 'fr' });
    expect(french.json().error.fields[0].message).toContain("n'est pas une adresse web valide");
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses an unknown country or catalogue reference with 400 on that field', async () => {
    const officer = await t.as('officer');
    const badCountry = await officer.post('/api/institutions', institutionBody({ countryCode: 'QQ' }));
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().error.fields).toEqual([expect.objectContaining({ field: 'countryCode' })]);
    const badRef = await officer.post('/api/institutions', institutionBody({ referenceRef: 'hipo:nope' }));
    expect(badRef.statusCode).toBe(400);
    expect(badRef.json().error.fields[0].field).toBe('referenceRef');
  });

  it('returns 404 for an unknown id and 400 for a malformed one', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.get('/api/institutions/999999')).statusCode).toBe(404);
    expect((await viewer.get('/api/institutions/abc')).statusCode).toBe(400);
  });

  it('updates with the current version, and answers 409 with the current record to a stale one', async () => {
    const officer = await t.as('officer');
    const created = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Karolinska Institutet', countryCode: 'SE' }))).json();
    const first = await officer.patch(`/api/institutions/${created.id}`, { version: 1, nameZh: '卡罗林斯卡学院' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await officer.patch(`/api/institutions/${created.id}`, { version: 1, nameZh: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ version: 2, nameZh: '卡罗林斯卡学院' });
    const row = await t.db.query('SELECT name_zh FROM institutions WHERE id = $1', [created.id]);
    expect(row.rows[0]?.name_zh).toBe('卡罗林斯卡学院');
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toMatchObject({ nameZh: null });
  });

  it('lets coordinators add but not change institutions; viewers and leaders only read', async () => {
    const coordinator = await t.as('coordinatorA');
    const created = await coordinator.post('/api/institutions', institutionBody());
    expect(created.statusCode).toBe(201);
    expect((await coordinator.patch(`/api/institutions/${created.json().id}`, { version: 1, city: 'Paris' })).statusCode).toBe(403);
    for (const role of ['viewer', 'leader'] as const) {
      const c = await t.as(role);
      expect((await c.post('/api/institutions', institutionBody())).statusCode).toBe(403);
      expect((await c.get('/api/institutions')).statusCode).toBe(200);
    }
    expect((await t.anonymous.get('/api/institutions')).statusCode).toBe(401);
  });

  it('finds institutions by any of their names: accents folded, Chinese simplified or traditional, pinyin', async () => {
    const officer = await t.as('officer');
    await officer.post('/api/institutions', institutionBody({ nameEn: 'National Taiwan University College of Medicine', nameZh: '國立臺灣大學醫學院', countryCode: 'TW' }));
    await officer.post('/api/institutions', institutionBody({ nameEn: 'Université de Lyon', countryCode: 'FR' }));
    const names = async (q: string) =>
      (await officer.get(`/api/institutions?q=${encodeURIComponent(q)}&pageSize=50`)).json().items.map((i: { nameEn: string }) => i.nameEn);
    expect(await names('universite paris cite')).toContain('Université Paris Cité');
    expect(await names('UNIVERSITÉ PARIS')).toContain('Université Paris Cité');
    expect(await names('醫學')).toContain('National Taiwan University College of Medicine');
    expect(await names('台湾大学医学院')).toContain('National Taiwan University College of Medicine');
    expect(await names('taiwan daxue')).toContain('National Taiwan University College of Medicine');
    expect(await names('paris cite')).not.toContain('Université de Lyon');
  });

  it('pages, filters and sorts on the server', async () => {
    const officer = await t.as('officer');
    for (const name of ['Zeta Medical University', 'Alpha Medical University', 'Mu Medical University'])
      await officer.post('/api/institutions', institutionBody({ nameEn: name, countryCode: 'JP' }));
    const page1 = (await officer.get('/api/institutions?country=JP&sort=nameEn&order=desc&pageSize=2&page=1')).json();
    expect(page1.total).toBe(3);
    expect(page1.items.map((i: { nameEn: string }) => i.nameEn)).toEqual(['Zeta Medical University', 'Mu Medical University']);
    const page2 = (await officer.get('/api/institutions?country=JP&sort=nameEn&order=desc&pageSize=2&page=2')).json();
    expect(page2.items.map((i: { nameEn: string }) => i.nameEn)).toEqual(['Alpha Medical University']);
  });

  it('searches the reference catalogue and marks entries already added', async () => {
    const officer = await t.as('officer');
    const hits = (await officer.get('/api/catalogue?q=karolinska')).json();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ countryCode: 'SE' });
    const paris = (await officer.get('/api/catalogue?q=paris%20cite&country=FR')).json();
    const entry = paris.find((e: { name: string }) => e.name === 'UNIVERSITE PARIS CITE');
    expect(entry).toMatchObject({ erasmusCode: 'F  PARIS482', institutionId: null });
    const created = await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Paris Cité (from catalogue)', referenceRef: entry.ref, erasmusCode: entry.erasmusCode, pic: entry.pic }));
    expect(created.statusCode).toBe(201);
    const again = (await officer.get('/api/catalogue?q=paris%20cite&country=FR')).json();
    expect(again.find((e: { ref: string }) => e.ref === entry.ref).institutionId).toBe(created.json().id);
    expect((await officer.get('/api/catalogue?q=k')).statusCode).toBe(400);
  });

  it('refuses a duplicate Erasmus code with 409 on that field', async () => {
    const officer = await t.as('officer');
    expect((await officer.post('/api/institutions', institutionBody({ erasmusCode: 'S  STOCKHO03' }))).statusCode).toBe(201);
    const duplicate = await officer.post('/api/institutions', institutionBody({ erasmusCode: 'S  STOCKHO03' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields[0].field).toBe('erasmusCode');
  });

  it('deletes with the current version only', async () => {
    const officer = await t.as('officer');
    const created = (await officer.post('/api/institutions', institutionBody())).json();
    expect((await officer.delete(`/api/institutions/${created.id}?version=7`)).statusCode).toBe(409);
    expect((await officer.delete(`/api/institutions/${created.id}?version=1`)).statusCode).toBe(204);
    expect((await officer.get(`/api/institutions/${created.id}`)).statusCode).toBe(404);
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
