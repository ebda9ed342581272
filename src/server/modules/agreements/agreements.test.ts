import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { agreementBody, institutionBody } from '../../test/factories.ts';
import { AGREEMENT_STATUSES, AGREEMENT_TRANSITIONS, type AgreementStatus } from '../../../shared/contracts/agreements.ts';

let t: TestServer;
let partner: number;
let organization: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  partner = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université de Lyon', countryCode: 'FR' }))).json().id;
  organization = (await officer.post('/api/institutions', institutionBody({ kind: 'international_organization', nameEn: 'World Health Organization', countryCode: 'CH' }))).json().id;
});
afterAll(async () => t?.close());

/** The way from draft to each status, with the dates each step is taken on. */
const PATH: Record<AgreementStatus, Array<[AgreementStatus, string?]>> = {
  draft: [],
  under_review: [['under_review']],
  approved: [['under_review'], ['approved']],
  signed: [['under_review'], ['approved'], ['signed', '2020-01-10']],
  active: [['under_review'], ['approved'], ['signed', '2020-01-10'], ['active', '2020-02-01']],
  expired: [['under_review'], ['approved'], ['signed', '2020-01-10'], ['active', '2020-02-01'], ['expired', '2023-01-01']],
  terminated: [['under_review'], ['approved'], ['signed', '2020-01-10'], ['terminated', '2020-06-01']],
};

/** Creates an agreement (expiring 2022-12-31) and walks it to `status`; returns its last state. */
async function agreementIn(status: AgreementStatus, c?: Client, overrides = {}) {
  const officer = c ?? (await t.as('officer'));
  let row = (await officer.post('/api/agreements', agreementBody([partner], { expiresOn: '2022-12-31', ...overrides }))).json();
  for (const [to, on] of PATH[status]) {
    const response = await officer.post(`/api/agreements/${row.id}/transitions`, { to, on, version: row.version });
    expect(response.statusCode, `${to}: ${response.body}`).toBe(200);
    row = response.json();
  }
  expect(row.status).toBe(status);
  return row;
}

async function auditActions(id: number) {
  const { rows } = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'agreement' AND entity_id = $1 ORDER BY id`, [String(id)]);
  return rows.map((r) => r.action);
}

describe('agreements: records', () => {
  it('creates a draft (201) with its partners and an audit row', async () => {
    const officer = await t.as('officer');
    const response = await officer.post('/api/agreements', agreementBody([partner], { titleFr: 'Accord-cadre', studentsOutPerYear: 4 }));
    expect(response.statusCode).toBe(201);
    const row = response.json();
    expect(row).toMatchObject({ status: 'draft', version: 1, studentsOutPerYear: 4, inForce: false, expiring: false, dormant: false });
    expect(row.partners).toEqual([expect.objectContaining({ institutionId: partner, nameEn: 'Université de Lyon', countryCode: 'FR' })]);
    expect(await auditActions(row.id)).toEqual(['create']);
  });

  it('refuses bad input with 400 naming each field, in the caller language, and writes nothing', async () => {
    const officer = await t.as('officer');
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agreements')).rows[0]!.n;
    const response = await officer.post('/api/agreements', { titleEn: 'x', level: 'galactic', kind: 'comprehensive', partners: [] }, { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['level', 'partners', 'titleZh']);
    const collegiate = await officer.post('/api/agreements', agreementBody([partner], { level: 'collegiate' }), { 'accept-language': 'zh' });
    expect(collegiate.statusCode).toBe(400);
    expect(collegiate.json().error.fields).toEqual([{ field: 'unitId', message: 'unitId: 院级协议必须指定我方单位' }]);
    const unknown = await officer.post('/api/agreements', agreementBody([partner, 999999]));
    expect(unknown.json().error.fields).toEqual([expect.objectContaining({ field: 'partners.1.institutionId' })]);
    const dates = await officer.post('/api/agreements', agreementBody([partner], { effectiveOn: '2024-01-01', expiresOn: '2023-01-01' }));
    expect(dates.json().error.fields).toEqual([expect.objectContaining({ field: 'expiresOn' })]);
    const auto = await officer.post('/api/agreements', agreementBody([partner], { autoRenewal: true, expiresOn: '2030-01-01' }));
    expect(auto.json().error.fields).toEqual([expect.objectContaining({ field: 'renewalTermMonths' })]);
    const arrangement = await officer.post('/api/agreements', agreementBody([partner], { kind: 'working_arrangement' }));
    expect(arrangement.json().error.fields).toEqual([expect.objectContaining({ field: 'partners.0.institutionId' })]);
    expect((await officer.post('/api/agreements', agreementBody([organization], { kind: 'working_arrangement' }))).statusCode).toBe(201);
    const after = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agreements')).rows[0]!.n;
    expect(after).toBe(before + 1);
  });

  it('edits with the current version, refuses a stale one with 409 and the current record', async () => {
    const officer = await t.as('officer');
    const row = await agreementIn('draft');
    const second = (await officer.post('/api/institutions', institutionBody({ countryCode: 'BE' }))).json().id;
    const edited = await officer.patch(`/api/agreements/${row.id}`, { version: 1, titleEn: 'Renamed', partners: [{ institutionId: partner }, { institutionId: second, partnerUnit: 'Faculty of Medicine' }] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().partners.map((p: { institutionId: number; partnerUnit: string | null }) => [p.institutionId, p.partnerUnit])).toEqual([[partner, null], [second, 'Faculty of Medicine']]);
    const stale = await officer.patch(`/api/agreements/${row.id}`, { version: 1, titleEn: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ titleEn: 'Renamed', version: 2 });
    expect(await auditActions(row.id)).toEqual(['create', 'update']);
  });

  it('finds agreements by their partners\u2019 names and filters them', async () => {
    const officer = await t.as('officer');
    await agreementIn('active', officer, { titleEn: 'Lyon medical exchange', kind: 'student_exchange' });
    const found = (await officer.get('/api/agreements?q=universite%20lyon&kind=student_exchange&status=active')).json();
    expect(found.total).toBeGreaterThanOrEqual(1);
    for (const a of found.items) expect(a).toMatchObject({ kind: 'student_exchange', status: 'active' });
    expect((await officer.get('/api/agreements?country=JP')).json().total).toBe(0);
  });
});

describe('agreements: the lifecycle', () => {
  for (const from of AGREEMENT_STATUSES) {
    for (const to of AGREEMENT_STATUSES) {
      const allowed = AGREEMENT_TRANSITIONS[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const officer = await t.as('officer');
        const row = await agreementIn(from);
        const on = to === 'expired' ? '2023-01-01' : '2020-03-01';
        const response = await officer.post(`/api/agreements/${row.id}/transitions`, { to, on, version: row.version }, { 'accept-language': 'en' });
        if (allowed) {
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json()).toMatchObject({ status: to, version: row.version + 1 });
        } else {
          expect(response.statusCode).toBe(400);
          expect(response.json().error.fields).toEqual([{ field: 'to', message: 'to: is not a step this record can take from its current status' }]);
          const now = (await officer.get(`/api/agreements/${row.id}`)).json();
          expect(now).toMatchObject({ status: from, version: row.version });
        }
      });
    }
  }

  it('records the dates of signing, taking effect and termination', async () => {
    const active = await agreementIn('active');
    expect(active).toMatchObject({ signedOn: '2020-01-10', effectiveOn: '2020-02-01' });
    const terminated = await agreementIn('terminated');
    expect(terminated.terminatedOn).toBe('2020-06-01');
  });

  it('refuses to expire an agreement before its expiry date: that is a termination', async () => {
    const officer = await t.as('officer');
    const row = await agreementIn('active');
    const early = await officer.post(`/api/agreements/${row.id}/transitions`, { to: 'expired', on: '2022-12-31', version: row.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].field).toBe('to');
  });

  it('deletes what was never signed, and refuses (409) to delete a signed agreement', async () => {
    const officer = await t.as('officer');
    const draft = await agreementIn('approved');
    expect((await officer.delete(`/api/agreements/${draft.id}?version=${draft.version}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/agreements/${draft.id}`)).statusCode).toBe(404);
    const active = await agreementIn('active');
    const refused = await officer.delete(`/api/agreements/${active.id}?version=${active.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_deletable');
  });

  // The predecessor ran 35 months (2020-02-01 to 2022-12-31); so does its successor.
  it('renews into a draft successor linked to its predecessor, once', async () => {
    const officer = await t.as('officer');
    const row = await agreementIn('active');
    const renewed = await officer.post(`/api/agreements/${row.id}/renewal`, { version: row.version });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({ status: 'draft', predecessorId: row.id, effectiveOn: '2023-01-01', expiresOn: '2025-11-30' });
    expect((await officer.get(`/api/agreements/${row.id}`)).json().successorId).toBe(renewed.json().id);
    const again = await officer.post(`/api/agreements/${row.id}/renewal`, { version: row.version });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].field).toBe('successorId');
    const draft = await agreementIn('draft');
    expect((await officer.post(`/api/agreements/${draft.id}/renewal`, { version: 1 })).json().error.fields[0].field).toBe('status');
  });
});

describe('agreements: a coordinator manages their unit\u2019s collegiate agreements only', () => {
  it('creates collegiate agreements within their unit, not institutional ones nor another unit\u2019s', async () => {
    const coordinator = await t.as('coordinatorA');
    const own = await coordinator.post('/api/agreements', agreementBody([partner], { level: 'collegiate', unitId: t.units.a1 }));
    expect(own.statusCode).toBe(201);
    const institutional = await coordinator.post('/api/agreements', agreementBody([partner]));
    expect(institutional.json().error.fields).toEqual([expect.objectContaining({ field: 'level' })]);
    const other = await coordinator.post('/api/agreements', agreementBody([partner], { level: 'collegiate', unitId: t.units.b }));
    expect(other.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
  });

  it('never reaches another unit\u2019s or an institutional agreement: 404 on read, edit, step, renewal, delete; absent from lists', async () => {
    const officer = await t.as('officer');
    const ofA = await agreementIn('active', officer, { level: 'collegiate', unitId: t.units.a, titleEn: 'Unit A agreement' });
    const institutional = await agreementIn('active', officer, { titleEn: 'University agreement' });
    const coordinatorB = await t.as('coordinatorB');
    for (const row of [ofA, institutional]) {
      expect((await coordinatorB.get(`/api/agreements/${row.id}`)).statusCode).toBe(404);
      expect((await coordinatorB.patch(`/api/agreements/${row.id}`, { version: row.version, titleEn: 'x' })).statusCode).toBe(404);
      expect((await coordinatorB.post(`/api/agreements/${row.id}/transitions`, { to: 'terminated', version: row.version })).statusCode).toBe(404);
      expect((await coordinatorB.post(`/api/agreements/${row.id}/renewal`, { version: row.version })).statusCode).toBe(404);
      expect((await coordinatorB.delete(`/api/agreements/${row.id}?version=${row.version}`)).statusCode).toBe(404);
    }
    const listB = (await coordinatorB.get('/api/agreements?pageSize=200')).json();
    expect(listB.items.every((a: { unitId: number | null }) => a.unitId === t.units.b)).toBe(true);
    expect((await coordinatorB.get('/api/partners')).json().universities).toBe(0);
    const coordinatorA = await t.as('coordinatorA');
    expect((await coordinatorA.get(`/api/agreements/${ofA.id}`)).statusCode).toBe(200);
    expect((await coordinatorA.get(`/api/agreements/${institutional.id}`)).statusCode).toBe(404);
    const listA = (await coordinatorA.get('/api/agreements?pageSize=200')).json();
    expect(listA.items.map((a: { id: number }) => a.id)).toContain(ofA.id);
    expect(listA.items.map((a: { id: number }) => a.id)).not.toContain(institutional.id);
    const auditB = (await coordinatorB.get(`/api/audit?entity=agreement&entityId=${ofA.id}`)).json();
    expect(auditB.total).toBe(0);
  });
});

describe('agreements in the global search', () => {
  it('finds an agreement by its Chinese title in pinyin, within the coordinator\u2019s reach only', async () => {
    const officer = await t.as('officer');
    const row = await agreementIn('draft', officer, { titleZh: '临床医学联合培养协议', level: 'collegiate', unitId: t.units.a });
    const hits = (await officer.get('/api/search?q=linchuang%20yixue')).json();
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'agreement', id: row.id, detail: '临床医学联合培养协议' }));
    expect((await (await t.as('coordinatorA')).get('/api/search?q=linchuang')).json()).toContainEqual(expect.objectContaining({ id: row.id }));
    expect((await (await t.as('coordinatorB')).get('/api/search?q=linchuang')).json().filter((h: { kind: string }) => h.kind === 'agreement')).toEqual([]);
  });
});
