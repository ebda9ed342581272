import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type TestServer } from '../../test/harness.ts';
import { institutionBody } from '../../test/factories.ts';
import { csvRows } from '../../test/csv-rows.ts';

// The memorandum with an affiliated hospital abroad is its description alone
// (shared/kinds/hospital-memorandum.ts): these are its routes as the record-kind module builds them.

let t: TestServer;
let charite = 0;
let hug = 0;

type Memo = { id: number; version: number; status: string } & Record<string, unknown>;

const memo = (overrides: Record<string, unknown> = {}) => ({
  title: 'Clinical observerships in cardiology', hospitalId: charite, unitId: t.units.a, scope: 'observership', startsOn: '2024-09-01', expiresOn: '2027-08-31', ...overrides,
});

async function auditRows(id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    `SELECT action, unit_id, before, after FROM audit_log WHERE entity = 'hospital_memorandum' AND entity_id = $1 ORDER BY id`,
    [String(id)],
  );
  return rows;
}

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  charite = (await succeeded(officer.post('/api/institutions', institutionBody({ kind: 'hospital', nameEn: 'Charité – Universitätsmedizin Berlin', nameZh: '柏林夏里特医院', countryCode: 'DE' })))).id;
  hug = (await succeeded(officer.post('/api/institutions', institutionBody({ kind: 'hospital', nameEn: 'Hôpitaux universitaires de Genève', countryCode: 'CH' })))).id;
});
afterAll(async () => t?.close());

describe('hospital memoranda', () => {
  it('are drafted (201) by a unit’s coordinator, with the hospital’s and the unit’s names, and audited under the unit', async () => {
    const coordinator = await t.as('coordinatorA');
    const response = await coordinator.post('/api/hospital-memoranda', memo({ unitId: t.units.a1, notes: 'Two residents a year.', signedOn: '2020-01-01' }));
    expect(response.statusCode, response.body).toBe(201);
    const row = response.json() as Memo;
    expect(row).toMatchObject({ status: 'drafted', version: 1, unitId: t.units.a1, hospitalId: charite, hospital: { nameEn: 'Charité – Universitätsmedizin Berlin', nameZh: '柏林夏里特医院' }, unit: { nameEn: expect.any(String) }, scope: 'observership', notes: 'Two residents a year.' });
    // A step's date is the step's to write, not the form's.
    expect(row.signedOn).toBeNull();
    const audit = await auditRows(row.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', unit_id: t.units.a1, before: null })]);
    expect(audit[0]!.after).toMatchObject({ title: 'Clinical observerships in cardiology', status: 'drafted' });
    expect(audit[0]!.after).not.toHaveProperty('hospital');
  });

  it('refuse bad input with 400 naming each field, in the caller’s language, and write nothing', async () => {
    const officer = await t.as('officer');
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM hospital_memoranda')).rows[0]!.n;
    const before = await count();
    const bad = await officer.post('/api/hospital-memoranda', memo({ title: '', scope: 'surgery', startsOn: '2024-02-30', hospitalId: undefined }), { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['hospitalId', 'scope', 'startsOn', 'title']);
    const zh = await officer.post('/api/hospital-memoranda', memo({ scope: 'surgery' }), { 'accept-language': 'zh-CN' });
    expect(zh.json().error.fields).toEqual([{ field: 'scope', message: 'scope: 不是允许的取值' }]);
    const fr = await officer.post('/api/hospital-memoranda', memo({ hospitalId: 999999 }), { 'accept-language': 'fr' });
    expect(fr.statusCode, fr.body).toBe(400);
    expect(fr.json().error.fields).toEqual([{ field: 'hospitalId', message: 'hospitalId: fait référence à un enregistrement inexistant' }]);
    // A coordinator files under their own unit only.
    const elsewhere = await (await t.as('coordinatorA')).post('/api/hospital-memoranda', memo({ unitId: t.units.b }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
    expect(await count()).toBe(before);
  });

  it('are read by every role but written by none of the readers: a viewer is refused (403)', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.post('/api/hospital-memoranda', memo())).statusCode).toBe(403);
    expect((await viewer.get('/api/hospital-memoranda')).statusCode).toBe(200);
  });

  it('of unit A are not found (404) by the coordinator of unit B, to read, edit, step or delete', async () => {
    const row = await succeeded<Memo>((await t.as('officer')).post('/api/hospital-memoranda', memo()));
    const b = await t.as('coordinatorB');
    expect((await b.get(`/api/hospital-memoranda/${row.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/hospital-memoranda/${row.id}`, { notes: 'Mine now', version: row.version })).statusCode).toBe(404);
    expect((await b.post(`/api/hospital-memoranda/${row.id}/transitions`, { to: 'withdrawn', version: row.version })).statusCode).toBe(404);
    expect((await b.delete(`/api/hospital-memoranda/${row.id}?version=${row.version}`)).statusCode).toBe(404);
    expect(JSON.stringify((await b.get('/api/hospital-memoranda')).json())).not.toContain(`"id":${row.id},`);
  });

  it('answer a stale save with 409 and the current record', async () => {
    const officer = await t.as('officer');
    const row = await succeeded<Memo>(officer.post('/api/hospital-memoranda', memo()));
    const saved = await succeeded<Memo>(officer.patch(`/api/hospital-memoranda/${row.id}`, { notes: 'First', version: row.version }));
    const stale = await (await t.as('admin')).patch(`/api/hospital-memoranda/${row.id}`, { notes: 'Second', version: row.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', current: { version: saved.version, notes: 'First' } });
  });

  it('are signed by the office alone (403 to a coordinator), the step recording its day; ended, they refuse edits (409) and deletion', async () => {
    const coordinator = await t.as('coordinatorA');
    const officer = await t.as('officer');
    const row = await succeeded<Memo>(coordinator.post('/api/hospital-memoranda', memo()));
    const refused = await coordinator.post(`/api/hospital-memoranda/${row.id}/transitions`, { to: 'signed', on: '2024-08-20', version: row.version });
    expect(refused.statusCode).toBe(403);
    const signed = await succeeded<Memo>(officer.post(`/api/hospital-memoranda/${row.id}/transitions`, { to: 'signed', on: '2024-08-20', version: row.version }));
    expect(signed).toMatchObject({ status: 'signed', signedOn: '2024-08-20', version: row.version + 1 });
    expect((await auditRows(row.id)).at(-1)).toMatchObject({ action: 'update', before: { status: 'drafted' }, after: { status: 'signed', signedOn: '2024-08-20' } });
    // A signed memorandum stays on file: it is ended, not deleted.
    const deleted = await officer.delete(`/api/hospital-memoranda/${row.id}?version=${signed.version}`);
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().error.code).toBe('not_deletable');
    const illegal = await officer.post(`/api/hospital-memoranda/${row.id}/transitions`, { to: 'withdrawn', version: signed.version });
    expect(illegal.statusCode).toBe(400);
    expect(illegal.json().error.fields).toEqual([expect.objectContaining({ field: 'to' })]);
    const ended = await succeeded<Memo>(coordinator.post(`/api/hospital-memoranda/${row.id}/transitions`, { to: 'ended', on: '2026-12-31', version: signed.version }));
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-12-31' });
    const edit = await officer.patch(`/api/hospital-memoranda/${row.id}`, { notes: 'Too late', version: ended.version }, { 'accept-language': 'fr' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({ code: 'record_not_editable', message: expect.stringContaining('ne peut plus être modifié') });
  });

  it('are deleted while drafted, the audit log keeping what was deleted', async () => {
    const officer = await t.as('officer');
    const row = await succeeded<Memo>(officer.post('/api/hospital-memoranda', memo({ title: 'Deleted draft' })));
    expect((await officer.delete(`/api/hospital-memoranda/${row.id}?version=${row.version}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/hospital-memoranda/${row.id}`)).statusCode).toBe(404);
    expect((await auditRows(row.id)).at(-1)).toMatchObject({ action: 'delete', before: { title: 'Deleted draft' } });
  });

  it('are listed by filter, search and sort, and exported with headings in the reader’s language', async () => {
    const officer = await t.as('officer');
    await succeeded(officer.post('/api/hospital-memoranda', memo({ title: 'Rotations in Geneva', hospitalId: hug, unitId: t.units.b, scope: 'rotation', expiresOn: '2025-06-30' })));
    const geneva = (await officer.get('/api/hospital-memoranda?scope=rotation')).json();
    expect(geneva.items.map((m: Memo) => m.title)).toEqual(['Rotations in Geneva']);
    expect((await officer.get(`/api/hospital-memoranda?hospitalId=${hug}&unitId=${t.units.b}`)).json().total).toBe(1);
    expect((await officer.get('/api/hospital-memoranda?expiresOnFrom=2025-01-01&expiresOnTo=2025-12-31')).json().total).toBe(1);
    // Found by the hospital's name in Chinese, as by its own.
    const found = (await officer.get(`/api/hospital-memoranda?q=${encodeURIComponent('夏里特')}&sort=expiresOn&order=asc&pageSize=200`)).json();
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((m: Memo) => m.hospitalId === charite)).toBe(true);
    expect((await officer.get('/api/hospital-memoranda?sort=notes')).statusCode).toBe(400);

    const csv = await officer.get('/api/hospital-memoranda?scope=rotation&format=csv', { 'accept-language': 'zh-CN' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [headings, first, ...rest] = csvRows(csv.body);
    expect(headings).toEqual(['名称', '境外医院', '我方医院或单位', '合作范围', '生效日期', '到期日期', '签署日期', '状态']);
    expect(first).toEqual(['Rotations in Geneva', 'Hôpitaux universitaires de Genève', expect.any(String), '临床轮转', '2024-09-01', '2025-06-30', '', '草拟']);
    expect(rest).toEqual([]);
    const fr = csvRows((await officer.get('/api/hospital-memoranda?format=csv', { 'accept-language': 'fr' })).body)[0];
    expect(fr).toContain('Hôpital à l’étranger');
  });
});
