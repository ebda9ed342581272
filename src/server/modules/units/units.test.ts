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

  it('only the office edits units; everyone signed in reads them', async () => {
    const coordinator = await t.as('coordinatorA');
    expect((await coordinator.get('/api/units')).statusCode).toBe(200);
    expect((await coordinator.post('/api/units', { code: 'X', kind: 'school', nameEn: 'X', nameZh: 'X' })).statusCode).toBe(403);
  });
});
