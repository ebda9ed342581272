import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, missionBody, personBody } from '../../test/factories.ts';

let t: TestServer;
let lyon: number;
let karolinska: number;
let chen: number;
let li: number;
let wang: number;
let ofUnitB: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université de Lyon', countryCode: 'FR' }))).json().id;
  karolinska = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Karolinska Institutet', countryCode: 'SE' }))).json().id;
  chen = (await officer.post('/api/people', personBody({ familyName: 'Chen', givenName: 'Guo-qiang', nameZh: '陈国强', nationality: 'CN', unitId: t.units.a }))).json().id;
  li = (await officer.post('/api/people', personBody({ familyName: 'Li', givenName: 'Hong', nameZh: '李红', nationality: 'CN', unitId: t.units.a1 }))).json().id;
  wang = (await officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Ming', nationality: 'CN', unitId: t.units.a }))).json().id;
  ofUnitB = (await officer.post('/api/people', personBody({ familyName: 'Zhao', nationality: 'CN', unitId: t.units.b }))).json().id;
});
afterAll(async () => t?.close());

async function auditOf(id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number | null }>(`SELECT action, unit_id FROM audit_log WHERE entity = 'mission' AND entity_id = $1 ORDER BY id`, [String(id)]);
  return rows;
}

describe('missions: records', () => {
  it('records a request (201) with its itinerary, its members and their roles, the country defaulted from the host, and an audit row', async () => {
    const officer = await t.as('officer');
    const response = await officer.post(
      '/api/missions',
      missionBody(t.units.a, [chen, li], {
        purpose: 'joint_research',
        fundingSource: 'research_grant',
        invitationReference: 'Lyon letter of 2024-03-02',
        destinations: [{ institutionId: lyon }, { countryCode: 'se', institutionId: karolinska }, { countryCode: 'CH' }],
        members: [{ personId: chen, role: 'leader' }, { personId: li, role: 'interpreter' }],
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const mission = response.json();
    expect(mission).toMatchObject({
      status: 'requested',
      version: 1,
      unitId: t.units.a,
      unitNameEn: 'Unit A',
      purpose: 'joint_research',
      fundingSource: 'research_grant',
      approvalDocumentNo: null,
      invitationReference: 'Lyon letter of 2024-03-02',
      reportDueOn: '2024-06-15',
      reportOverdue: false,
    });
    expect(mission.requestedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mission.destinations).toEqual([
      { countryCode: 'FR', institutionId: lyon, institutionNameEn: 'Université de Lyon', institutionNameZh: null },
      { countryCode: 'SE', institutionId: karolinska, institutionNameEn: 'Karolinska Institutet', institutionNameZh: null },
      { countryCode: 'CH', institutionId: null, institutionNameEn: null, institutionNameZh: null },
    ]);
    expect(mission.members).toEqual([
      expect.objectContaining({ personId: chen, familyName: 'Chen', nameZh: '陈国强', role: 'leader' }),
      expect.objectContaining({ personId: li, role: 'interpreter' }),
    ]);
    expect(await auditOf(mission.id)).toEqual([{ action: 'create', unit_id: t.units.a }]);
    expect((await officer.get(`/api/missions/${mission.id}`)).json()).toEqual(mission);
  });

  it('refuses bad input with 400 naming each field, in the caller language, and writes nothing', async () => {
    const officer = await t.as('officer');
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM missions')).rows[0]!.n;
    const before = await count();
    const shape = await officer.post('/api/missions', { titleEn: '', unitId: t.units.a, purpose: 'tourism', startDate: '2024-02-30', endDate: '2024-03-01', destinations: [], members: [] }, { 'accept-language': 'fr' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['destinations', 'members', 'purpose', 'startDate', 'titleEn']);
    const order = await officer.post('/api/missions', missionBody(t.units.a, [chen], { startDate: '2024-03-02', endDate: '2024-03-01' }), { 'accept-language': 'zh' });
    expect(order.json().error.fields).toEqual([{ field: 'endDate', message: 'endDate: 早于开始日期' }]);
    const references = await officer.post(
      '/api/missions',
      missionBody(999999, [chen, 999999, chen], { destinations: [{ countryCode: 'ZZ' }, { institutionId: 999999 }, {}] }),
    );
    expect(references.statusCode).toBe(400);
    expect(references.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'unitId',
      'destinations.0.countryCode',
      'destinations.1.institutionId',
      'destinations.2.countryCode',
      'members.1.personId',
      'members.2.personId',
    ]);
    expect(await count()).toBe(before);
  });

  it('edits with the current version, refuses a stale one with 409 and the current record', async () => {
    const officer = await t.as('officer');
    const mission = (await officer.post('/api/missions', missionBody(t.units.a, [chen]))).json();
    const edited = await officer.patch(`/api/missions/${mission.id}`, {
      version: 1,
      titleEn: 'Renamed',
      notes: 'Economy class',
      destinations: [{ countryCode: 'JP' }],
      members: [{ personId: wang, role: 'leader' }, { personId: chen }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ titleEn: 'Renamed', version: 2, notes: 'Economy class', titleZh: mission.titleZh, fundingSource: 'school' });
    expect(edited.json().members.map((m: { personId: number; role: string }) => [m.personId, m.role])).toEqual([[wang, 'leader'], [chen, 'member']]);
    expect(edited.json().destinations.map((d: { countryCode: string }) => d.countryCode)).toEqual(['JP']);
    const stale = await officer.patch(`/api/missions/${mission.id}`, { version: 1, titleEn: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ titleEn: 'Renamed', version: 2 });
    const backwards = await officer.patch(`/api/missions/${mission.id}`, { version: 2, endDate: '2024-01-01' });
    expect(backwards.json().error.fields).toEqual([expect.objectContaining({ field: 'endDate' })]);
    expect((await auditOf(mission.id)).map((r) => r.action)).toEqual(['create', 'update']);
    expect((await officer.patch('/api/missions/999999', { version: 1, titleEn: 'x' })).statusCode).toBe(404);
  });

  it('deletes only a request not yet decided on (409 after), and freezes a rejected or cancelled mission', async () => {
    const officer = await t.as('officer');
    const open = (await officer.post('/api/missions', missionBody(t.units.a, [chen]))).json();
    expect((await officer.delete(`/api/missions/${open.id}?version=${open.version}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/missions/${open.id}`)).statusCode).toBe(404);
    expect((await auditOf(open.id)).map((r) => r.action)).toEqual(['create', 'delete']);

    const rejected = (await officer.post('/api/missions', missionBody(t.units.a, [chen]))).json();
    const step = (await officer.post(`/api/missions/${rejected.id}/transitions`, { to: 'rejected', version: 1 })).json();
    const frozen = await officer.patch(`/api/missions/${rejected.id}`, { version: step.version, titleEn: 'x' }, { 'accept-language': 'zh' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toMatchObject({ code: 'mission_not_editable', message: '未获批准或已取消的出访不能再修改。' });
    const refused = await officer.delete(`/api/missions/${rejected.id}?version=${step.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('mission_not_deletable');
    expect((await officer.get(`/api/missions/${rejected.id}`)).statusCode).toBe(200);
  });

  it('lists and filters by status, purpose, unit, country, institution, member, dates and text, with paging', async () => {
    const officer = await t.as('officer');
    const paris = (
      await officer.post('/api/missions', missionBody(t.units.a1, [li], { titleEn: 'Paris hematology symposium', purpose: 'lecturing', startDate: '1997-05-15', endDate: '1997-05-20', destinations: [{ institutionId: lyon }] }))
    ).json();
    const tokyo = (await officer.post('/api/missions', missionBody(t.units.b, [ofUnitB], { startDate: '1997-06-01', endDate: '1997-06-02', destinations: [{ countryCode: 'JP' }] }))).json();
    const ids = async (query: string) => (await officer.get(`/api/missions?pageSize=200&${query}`)).json().items.map((v: { id: number }) => v.id);
    expect(await ids('q=hematology')).toEqual([paris.id]);
    expect(await ids(`q=${encodeURIComponent('李红')}&from=1997-01-01&to=1997-12-31`)).toEqual([paris.id]);
    expect(await ids('q=lyon&purpose=lecturing&status=requested')).toEqual([paris.id]);
    expect(await ids(`unitId=${t.units.a}&from=1997-01-01&to=1997-12-31`)).toEqual([paris.id]);
    expect(await ids(`personId=${ofUnitB}`)).toEqual([tokyo.id]);
    expect(await ids(`institutionId=${lyon}&from=1997-01-01&to=1997-12-31`)).toEqual([paris.id]);
    expect(await ids('country=JP&from=1997-01-01&to=1997-12-31')).toEqual([tokyo.id]);
    expect(await ids('from=1997-05-21&to=1997-05-31')).toEqual([]);
    const page = (await officer.get('/api/missions?pageSize=1&page=2&from=1997-01-01&to=1997-12-31&sort=startDate&order=desc')).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items.map((m: { id: number }) => m.id)).toEqual([paris.id]);
    expect((await officer.get('/api/missions?purpose=holiday')).statusCode).toBe(400);
  });

  it('exports the filtered list as CSV in the reader’s language and as xlsx', async () => {
    const officer = await t.as('officer');
    // a unit's French name is what a French list shows (the English one when it has none)
    await t.db.query(`UPDATE units SET name_fr = 'Unité A (en français)' WHERE id = $1`, [t.units.a]);
    const mission = (await officer.post('/api/missions', missionBody(t.units.a, [chen], { titleEn: 'Export check', titleZh: '导出检查', startDate: '1999-09-01', endDate: '1999-09-05', destinations: [{ institutionId: karolinska }] }))).json();
    const csv = await officer.get('/api/missions/export?format=csv&from=1999-01-01&to=1999-12-31', { 'accept-language': 'zh' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('批件号');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('导出检查');
    expect(lines[1]).toContain('陈国强');
    expect(lines[1]).toContain('SE Karolinska Institutet');
    const xlsx = await officer.get('/api/missions/export?format=xlsx&from=1999-01-01&to=1999-12-31', { 'accept-language': 'fr' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Missions à l’étranger');
    expect(sheet.getRow(2).getCell(1).value).toBe(mission.titleEn);
    expect(sheet.getRow(2).getCell(2).value).toBe('Unité A (en français)');
    expect((await officer.get(`/api/missions/${mission.id}`)).json().unitNameFr).toBe('Unité A (en français)');
    expect(sheet.rowCount).toBe(2);
  });
});

describe('missions: a coordinator works their unit’s missions only', () => {
  it('sends missions from their subtree, naming people of their unit', async () => {
    const coordinator = await t.as('coordinatorA');
    const own = await coordinator.post('/api/missions', missionBody(t.units.a1, [chen, li]));
    expect(own.statusCode, own.body).toBe(201);
    const elsewhere = await coordinator.post('/api/missions', missionBody(t.units.b, [chen]));
    expect(elsewhere.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
    // A person of another unit is not theirs to name: as if it did not exist.
    const stranger = await coordinator.post('/api/missions', missionBody(t.units.a, [ofUnitB]));
    expect(stranger.json().error.fields).toEqual([expect.objectContaining({ field: 'members.0.personId' })]);
    // … but one the office put on their unit's mission stays when they edit it.
    const officer = await t.as('officer');
    const mixed = (await officer.post('/api/missions', missionBody(t.units.a, [chen, ofUnitB]))).json();
    const kept = await coordinator.patch(`/api/missions/${mixed.id}`, { version: 1, members: [{ personId: ofUnitB }, { personId: chen, role: 'leader' }] });
    expect(kept.statusCode, kept.body).toBe(200);
    const moved = await coordinator.patch(`/api/missions/${mixed.id}`, { version: 2, unitId: t.units.b });
    expect(moved.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
  });

  it('never reaches another unit’s mission: 404 on read, edit, step, delete; absent from lists, exports and overdue reports; no audit rows', async () => {
    const officer = await t.as('officer');
    const ofA = (await officer.post('/api/missions', missionBody(t.units.a, [chen], { titleEn: 'Unit A only mission', startDate: '2001-01-10', endDate: '2001-01-12' }))).json();
    const approved = (await officer.post(`/api/missions/${ofA.id}/transitions`, { to: 'approved', approvalDocumentNo: 'SJTUSM-2001-001', version: 1 })).json();
    const travelled = (await officer.post(`/api/missions/${ofA.id}/transitions`, { to: 'travelled', on: '2001-01-10', version: approved.version })).json();
    const coordinatorB = await t.as('coordinatorB');
    expect((await coordinatorB.get(`/api/missions/${ofA.id}`)).statusCode).toBe(404);
    expect((await coordinatorB.patch(`/api/missions/${ofA.id}`, { version: travelled.version, titleEn: 'x' })).statusCode).toBe(404);
    expect((await coordinatorB.post(`/api/missions/${ofA.id}/transitions`, { to: 'cancelled', version: travelled.version })).statusCode).toBe(404);
    expect((await coordinatorB.post(`/api/missions/${ofA.id}/transitions`, { to: 'closed', report: 'x', version: travelled.version })).statusCode).toBe(404);
    expect((await coordinatorB.delete(`/api/missions/${ofA.id}?version=${travelled.version}`)).statusCode).toBe(404);
    const listB = (await coordinatorB.get('/api/missions?pageSize=200')).json();
    expect(listB.items.every((m: { unitId: number }) => m.unitId === t.units.b)).toBe(true);
    expect((await coordinatorB.get('/api/missions?q=unit%20a%20only')).json().total).toBe(0);
    expect((await coordinatorB.get('/api/missions/export?format=csv&q=unit%20a%20only')).body).not.toContain('Unit A only mission');
    expect((await officer.get('/api/missions/export?format=csv&q=unit%20a%20only')).body).toContain('Unit A only mission');
    const overdueB = (await coordinatorB.get('/api/missions/overdue-reports?asOf=2001-06-01')).json();
    expect(overdueB.units.flatMap((u: { missions: Array<{ id: number }> }) => u.missions.map((m) => m.id))).not.toContain(ofA.id);
    expect((await coordinatorB.get(`/api/audit?entity=mission&entityId=${ofA.id}`)).json().total).toBe(0);
    const coordinatorA = await t.as('coordinatorA');
    expect((await coordinatorA.get(`/api/missions/${ofA.id}`)).statusCode).toBe(200);
    expect((await coordinatorA.get(`/api/audit?entity=mission&entityId=${ofA.id}`)).json().total).toBe(3);
    const listA = (await coordinatorA.get('/api/missions?pageSize=200')).json();
    expect(listA.items.map((m: { id: number }) => m.id)).toContain(ofA.id);
    expect(listA.items.every((m: { unitId: number }) => m.unitId === t.units.a || m.unitId === t.units.a1)).toBe(true);
    // The ledger rows of the mission are unit A's: coordinator B's ledger does not list them.
    const ledgerB = (await coordinatorB.get('/api/ledger?direction=outbound&pageSize=200')).json();
    expect(ledgerB.items.filter((r: { sourceModule: string; sourceId: number }) => r.sourceModule === 'mission' && r.sourceId === ofA.id)).toEqual([]);
    expect((await (await t.as('viewer')).post('/api/missions', missionBody(t.units.a, [chen]))).statusCode).toBe(403);
    expect((await (await t.as('leader')).patch(`/api/missions/${ofA.id}`, { version: travelled.version, titleEn: 'x' })).statusCode).toBe(403);
  });
});
