import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody, visitBody } from '../../test/factories.ts';

let t: TestServer;
let lyon: number;
let leuven: number;
let martin: number;
let dupont: number;
let stateless: number;
let ofUnitB: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université de Lyon', countryCode: 'FR' }))).json().id;
  leuven = (await officer.post('/api/institutions', institutionBody({ nameEn: 'KU Leuven', countryCode: 'BE' }))).json().id;
  martin = (await officer.post('/api/people', personBody({ familyName: 'Martin', givenName: 'Claire', nationality: 'FR', institutionId: lyon, unitId: t.units.a }))).json().id;
  dupont = (await officer.post('/api/people', personBody({ familyName: 'Peeters', givenName: 'Jan', nationality: 'BE', unitId: t.units.a }))).json().id;
  stateless = (await officer.post('/api/people', personBody({ familyName: 'Nobody', nationality: null, unitId: t.units.a }))).json().id;
  ofUnitB = (await officer.post('/api/people', personBody({ familyName: 'Bee', nationality: 'DE', unitId: t.units.b }))).json().id;
});
afterAll(async () => t?.close());

async function auditOf(id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number | null }>(`SELECT action, unit_id FROM audit_log WHERE entity = 'visit' AND entity_id = $1 ORDER BY id`, [String(id)]);
  return rows;
}

describe('visits: records', () => {
  it('records a request (201) with its visitors, their institutions and countries defaulted from the people, and an audit row', async () => {
    const officer = await t.as('officer');
    const response = await officer.post(
      '/api/visits',
      visitBody(t.units.a, [martin, dupont], { protocolLevel: 'ambassador', receivingOfficial: 'Vice-President Li', members: [{ personId: martin, roleInDelegation: 'head' }, { personId: dupont, institutionId: leuven, roleInDelegation: 'interpreter' }] }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const visit = response.json();
    expect(visit).toMatchObject({ status: 'requested', version: 1, hostUnitId: t.units.a, hostUnitNameEn: 'Unit A', protocolLevel: 'ambassador', reportDueOn: '2024-06-11', reportOverdue: false, notable: false });
    expect(visit.requestedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(visit.members).toEqual([
      expect.objectContaining({ personId: martin, familyName: 'Martin', givenName: 'Claire', roleInDelegation: 'head', institutionId: lyon, institutionNameEn: 'Université de Lyon', countryCode: 'FR' }),
      expect.objectContaining({ personId: dupont, roleInDelegation: 'interpreter', institutionId: leuven, institutionNameEn: 'KU Leuven', countryCode: 'BE' }),
    ]);
    expect(await auditOf(visit.id)).toEqual([{ action: 'create', unit_id: t.units.a }]);
  });

  it('refuses bad input with 400 naming each field, in the caller language, and writes nothing', async () => {
    const officer = await t.as('officer');
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM visits')).rows[0]!.n;
    const before = await count();
    const shape = await officer.post('/api/visits', { titleEn: '', hostUnitId: t.units.a, purpose: 'tourism', startDate: '2024-02-30', endDate: '2024-01-01', members: [] }, { 'accept-language': 'fr' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['members', 'purpose', 'startDate', 'titleEn']);
    const order = await officer.post('/api/visits', visitBody(t.units.a, [martin], { startDate: '2024-03-02', endDate: '2024-03-01' }), { 'accept-language': 'zh' });
    expect(order.json().error.fields).toEqual([{ field: 'endDate', message: 'endDate: 早于开始日期' }]);
    const references = await officer.post('/api/visits', visitBody(999999, [martin, 999999, stateless, martin]));
    expect(references.statusCode).toBe(400);
    expect(references.json().error.fields.map((f: { field: string }) => f.field)).toEqual([
      'hostUnitId',
      'members.1.personId',
      'members.2.countryCode',
      'members.3.personId',
    ]);
    const country = await officer.post('/api/visits', visitBody(t.units.a, [stateless], { members: [{ personId: stateless, countryCode: 'ZZ' }] }));
    expect(country.json().error.fields).toEqual([expect.objectContaining({ field: 'members.0.countryCode' })]);
    expect(await count()).toBe(before);
    // Given explicitly, the country stands in for a missing nationality.
    expect((await officer.post('/api/visits', visitBody(t.units.a, [stateless], { members: [{ personId: stateless, countryCode: 'ch' }] }))).json().members[0].countryCode).toBe('CH');
  });

  it('edits with the current version, refuses a stale one with 409 and the current record', async () => {
    const officer = await t.as('officer');
    const visit = (await officer.post('/api/visits', visitBody(t.units.a, [martin]))).json();
    const edited = await officer.patch(`/api/visits/${visit.id}`, { version: 1, titleEn: 'Renamed', notes: 'Lunch at the Ruijin canteen', members: [{ personId: dupont }, { personId: martin, roleInDelegation: 'member' }] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ titleEn: 'Renamed', version: 2, protocolLevel: 'other', titleZh: visit.titleZh });
    expect(edited.json().members.map((m: { personId: number }) => m.personId)).toEqual([dupont, martin]);
    const stale = await officer.patch(`/api/visits/${visit.id}`, { version: 1, titleEn: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ titleEn: 'Renamed', version: 2 });
    const backwards = await officer.patch(`/api/visits/${visit.id}`, { version: 2, endDate: '2024-01-01' });
    expect(backwards.json().error.fields).toEqual([expect.objectContaining({ field: 'endDate' })]);
    expect((await auditOf(visit.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('freezes a rejected or cancelled visit (409), and deletes only what never took place', async () => {
    const officer = await t.as('officer');
    const rejected = (await officer.post('/api/visits', visitBody(t.units.a, [martin]))).json();
    const step = (await officer.post(`/api/visits/${rejected.id}/transitions`, { to: 'rejected', version: 1 })).json();
    const frozen = await officer.patch(`/api/visits/${rejected.id}`, { version: step.version, titleEn: 'x' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('visit_not_editable');
    expect((await officer.delete(`/api/visits/${rejected.id}?version=${step.version}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/visits/${rejected.id}`)).statusCode).toBe(404);
    expect((await auditOf(rejected.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);

    const approved = (await officer.post('/api/visits', visitBody(t.units.a, [martin]))).json();
    const after = (await officer.post(`/api/visits/${approved.id}/transitions`, { to: 'approved', version: 1 })).json();
    const refused = await officer.delete(`/api/visits/${approved.id}?version=${after.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_deletable');
  });

  it('lists and filters by status, purpose, unit, country, institution, visitor, dates, text and notability', async () => {
    const officer = await t.as('officer');
    const head = (await officer.post('/api/people', personBody({ familyName: 'Chirac', givenName: 'Jacques', nationality: 'FR', unitId: t.units.a1 }))).json().id;
    const state = (
      await officer.post('/api/visits', visitBody(t.units.a1, [head, martin], { titleEn: 'State visit', purpose: 'courtesy_visit', protocolLevel: 'head_of_state_or_government', startDate: '1997-05-15', endDate: '1997-05-15' }))
    ).json();
    const ambassador = (await officer.post('/api/visits', visitBody(t.units.b, [dupont], { protocolLevel: 'ambassador', startDate: '1997-06-01', endDate: '1997-06-02' }))).json();
    const ids = async (query: string) => (await officer.get(`/api/visits?pageSize=200&${query}`)).json().items.map((v: { id: number }) => v.id);
    expect(await ids('q=chirac')).toEqual([state.id]);
    expect(await ids('q=state%20visit&purpose=courtesy_visit&status=requested')).toEqual([state.id]);
    expect(await ids(`unitId=${t.units.a}&from=1997-01-01&to=1997-12-31`)).toEqual([state.id]);
    expect(await ids(`personId=${head}`)).toEqual([state.id]);
    expect(await ids(`institutionId=${lyon}&from=1997-01-01&to=1997-12-31`)).toEqual([state.id]);
    expect(await ids('country=BE&from=1997-01-01&to=1997-12-31')).toEqual([ambassador.id]);
    expect(await ids('notable=true')).toEqual([state.id]);
    expect(await ids('notable=true&protocolThreshold=ambassador&sort=protocolLevel&from=1997-01-01&to=1997-12-31')).toEqual([state.id, ambassador.id]);
    const one = (await officer.get(`/api/visits/${ambassador.id}?protocolThreshold=ambassador`)).json();
    expect(one.notable).toBe(true);
    expect((await officer.get(`/api/visits/${ambassador.id}`)).json().notable).toBe(false);
    const bad = await officer.get('/api/visits?protocolThreshold=king');
    expect(bad.statusCode).toBe(400);
  });

  it('appears in the global search, within a coordinator\u2019s reach only', async () => {
    const officer = await t.as('officer');
    const visit = (await officer.post('/api/visits', visitBody(t.units.b, [dupont], { titleEn: 'Karolinska delegation', titleZh: '卡罗林斯卡学院代表团' }))).json();
    const hits = (await officer.get('/api/search?q=karolinska')).json();
    expect(hits).toContainEqual({ kind: 'visit', id: visit.id, label: 'Karolinska delegation', detail: '卡罗林斯卡学院代表团' });
    expect((await officer.get(`/api/search?q=${encodeURIComponent('卡罗林斯卡')}`)).json().map((h: { id: number }) => h.id)).toContain(visit.id);
    expect((await (await t.as('coordinatorA')).get('/api/search?q=karolinska')).json().filter((h: { kind: string }) => h.kind === 'visit')).toEqual([]);
    expect((await (await t.as('coordinatorB')).get('/api/search?q=karolinska')).json().map((h: { id: number }) => h.id)).toContain(visit.id);
  });
});

describe('visits: a coordinator works their unit\u2019s visits only', () => {
  it('records visits hosted in their subtree, naming people of their unit', async () => {
    const coordinator = await t.as('coordinatorA');
    const own = await coordinator.post('/api/visits', visitBody(t.units.a1, [martin]));
    expect(own.statusCode, own.body).toBe(201);
    const elsewhere = await coordinator.post('/api/visits', visitBody(t.units.b, [martin]));
    expect(elsewhere.json().error.fields).toEqual([expect.objectContaining({ field: 'hostUnitId' })]);
    // A person of another unit is not theirs to name: as if it did not exist.
    const stranger = await coordinator.post('/api/visits', visitBody(t.units.a, [ofUnitB]));
    expect(stranger.json().error.fields).toEqual([expect.objectContaining({ field: 'members.0.personId' })]);
    // … but one the office put on their unit's visit stays when they edit it.
    const officer = await t.as('officer');
    const mixed = (await officer.post('/api/visits', visitBody(t.units.a, [martin, ofUnitB]))).json();
    const kept = await coordinator.patch(`/api/visits/${mixed.id}`, { version: 1, members: [{ personId: ofUnitB }, { personId: martin }] });
    expect(kept.statusCode, kept.body).toBe(200);
    const moved = await coordinator.patch(`/api/visits/${mixed.id}`, { version: 2, hostUnitId: t.units.b });
    expect(moved.json().error.fields).toEqual([expect.objectContaining({ field: 'hostUnitId' })]);
  });

  it('never reaches another unit\u2019s visit: 404 on read, edit, step, delete, letter; absent from lists; no audit rows', async () => {
    const officer = await t.as('officer');
    const ofA = (await officer.post('/api/visits', visitBody(t.units.a, [martin], { titleEn: 'Unit A visit' }))).json();
    const approved = (await officer.post(`/api/visits/${ofA.id}/transitions`, { to: 'approved', version: 1 })).json();
    const coordinatorB = await t.as('coordinatorB');
    expect((await coordinatorB.get(`/api/visits/${ofA.id}`)).statusCode).toBe(404);
    expect((await coordinatorB.patch(`/api/visits/${ofA.id}`, { version: approved.version, titleEn: 'x' })).statusCode).toBe(404);
    expect((await coordinatorB.post(`/api/visits/${ofA.id}/transitions`, { to: 'cancelled', version: approved.version })).statusCode).toBe(404);
    expect((await coordinatorB.post(`/api/visits/${ofA.id}/transitions`, { to: 'approved', version: approved.version })).statusCode).toBe(404);
    expect((await coordinatorB.delete(`/api/visits/${ofA.id}?version=${approved.version}`)).statusCode).toBe(404);
    expect((await coordinatorB.get(`/api/visits/${ofA.id}/invitation-letter`)).statusCode).toBe(404);
    const listB = (await coordinatorB.get('/api/visits?pageSize=200')).json();
    expect(listB.items.every((v: { hostUnitId: number }) => v.hostUnitId === t.units.b)).toBe(true);
    expect((await coordinatorB.get(`/api/audit?entity=visit&entityId=${ofA.id}`)).json().total).toBe(0);
    const coordinatorA = await t.as('coordinatorA');
    expect((await coordinatorA.get(`/api/visits/${ofA.id}`)).statusCode).toBe(200);
    expect((await coordinatorA.get(`/api/audit?entity=visit&entityId=${ofA.id}`)).json().total).toBe(2);
    const listA = (await coordinatorA.get('/api/visits?pageSize=200')).json();
    expect(listA.items.map((v: { id: number }) => v.id)).toContain(ofA.id);
    expect(listA.items.every((v: { hostUnitId: number }) => v.hostUnitId === t.units.a || v.hostUnitId === t.units.a1)).toBe(true);
    expect((await (await t.as('viewer')).post('/api/visits', visitBody(t.units.a, [martin]))).statusCode).toBe(403);
  });
});
