import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('units', () => {
  it('builds the organization tree and refuses a cycle', async () => {
    const officer = await t.as('officer');
    const hospital = await officer.post('/api/units', { code: 'RJ', kind: 'hospital', nameEn: 'Ruijin Hospital', nameZh: '瑞金医院', parentId: t.units.root });
    expect(hospital.statusCode).toBe(201);
    const units = (await officer.get('/api/units')).json();
    expect(units.find((u: { code: string }) => u.code === 'RJ').parentId).toBe(t.units.root);
    const cycle = await officer.patch(`/api/units/${t.units.a}`, { version: 1, parentId: t.units.a1 });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields[0]).toMatchObject({ field: 'parentId' });
    expect((await officer.patch(`/api/units/${t.units.a}`, { version: 1, parentId: t.units.a })).statusCode).toBe(400);
    const duplicate = await officer.post('/api/units', { code: 'RJ', kind: 'hospital', nameEn: 'Again', nameZh: '再次' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields[0].field).toBe('code');
  });

  it('keeps a unit’s full official names, checked and audited, and clears one given empty', async () => {
    const officer = await t.as('officer');
    const unit = (await officer.get('/api/units')).json().find((u: { id: number }) => u.id === t.units.a);
    const official = { officialNameEn: 'Ruijin Hospital, Shanghai Jiao Tong University School of Medicine', officialNameZh: '上海交通大学医学院附属瑞金医院', officialNameFr: 'Hôpital Ruijin' };
    const tooLong = await officer.patch(`/api/units/${unit.id}`, { officialNameZh: '瑞'.repeat(501), version: unit.version });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0].field).toBe('officialNameZh');
    const saved = await officer.patch(`/api/units/${unit.id}`, { ...official, version: unit.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject(official);
    const audit = (await officer.get(`/api/audit?entity=unit&entityId=${unit.id}`)).json();
    expect(audit.items[0].action).toBe('update');
    expect(JSON.stringify(audit.items[0])).toContain(official.officialNameZh);
    const cleared = await officer.patch(`/api/units/${unit.id}`, { officialNameFr: '', version: saved.json().version });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ officialNameFr: null, officialNameZh: official.officialNameZh });
    const coordinator = await t.as('coordinatorA');
    expect((await coordinator.patch(`/api/units/${unit.id}`, { officialNameZh: '别的名称', version: cleared.json().version })).statusCode).toBe(403);
  });

  it('only the office edits units; everyone signed in reads them', async () => {
    const coordinator = await t.as('coordinatorA');
    expect((await coordinator.get('/api/units')).statusCode).toBe(200);
    expect((await coordinator.post('/api/units', { code: 'X', kind: 'school', nameEn: 'X', nameZh: 'X' })).statusCode).toBe(403);
  });
});
