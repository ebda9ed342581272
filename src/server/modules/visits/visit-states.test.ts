import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody, visitBody } from '../../test/factories.ts';
import { movementStepChecks } from '../../test/movement-steps.ts';
import { fieldReason } from '../../../shared/i18n/errors.ts';
import { VISIT_STATUSES, VISIT_TRANSITIONS, type VisitInput, type VisitStatus } from '../../../shared/contracts/visits.ts';

let t: TestServer;
let lyon: number;
let people: number[] = [];
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université de Lyon', countryCode: 'FR' }))).json().id;
  const nationalities = ['FR', 'FR', 'BE', 'DE', 'JP'];
  people = [];
  for (const nationality of nationalities) people.push((await officer.post('/api/people', personBody({ nationality, institutionId: nationality === 'FR' ? lyon : null, unitId: t.units.a }))).json().id);
});
afterAll(async () => t?.close());

/** The way from a request to each status (the visit runs 2024-05-10 to 2024-05-12). */
const PATH: Record<VisitStatus, Array<{ to: VisitStatus; on?: string; report?: string }>> = {
  requested: [],
  approved: [{ to: 'approved', on: '2024-04-01' }],
  rejected: [{ to: 'rejected', on: '2024-04-01' }],
  held: [{ to: 'approved', on: '2024-04-01' }, { to: 'held', on: '2024-05-10' }],
  closed: [{ to: 'approved', on: '2024-04-01' }, { to: 'held', on: '2024-05-10' }, { to: 'closed', on: '2024-05-20', report: 'Minutes of the meeting.' }],
  cancelled: [{ to: 'cancelled', on: '2024-04-01' }],
};

type Row = { id: number; version: number; status: VisitStatus } & Record<string, unknown>;

/** Creates a visit and walks it to `status`; returns its last state. */
async function visitIn(status: VisitStatus, overrides: Partial<VisitInput> = {}, c?: Client): Promise<Row> {
  const officer = c ?? (await t.as('officer'));
  const created = await officer.post('/api/visits', visitBody(t.units.a, [people[0]!, people[2]!], overrides));
  expect(created.statusCode, created.body).toBe(201);
  let row = created.json<Row>();
  for (const step of PATH[status]) {
    const response = await officer.post(`/api/visits/${row.id}/transitions`, { ...step, version: row.version });
    expect(response.statusCode, `${step.to}: ${response.body}`).toBe(200);
    row = response.json();
  }
  expect(row.status).toBe(status);
  return row;
}

async function ledgerRows(visitId: number) {
  const { rows } = await t.db.query<{ person_id: number; country_code: string; institution_id: number | null; unit_id: number; category: string; start_date: string; end_date: string; direction: string; who: string }>(
    `SELECT person_id, country_code, institution_id, unit_id, category, start_date, end_date, direction, who FROM ledger
     WHERE source_module = 'visit' AND source_id = $1 ORDER BY person_id`,
    [visitId],
  );
  return rows;
}

describe('visits: the workflow', () => {
  for (const from of VISIT_STATUSES) {
    for (const to of VISIT_STATUSES) {
      const allowed = VISIT_TRANSITIONS[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const officer = await t.as('officer');
        const row = await visitIn(from);
        const response = await officer.post(`/api/visits/${row.id}/transitions`, { to, on: '2024-05-11', report: 'Minutes.', version: row.version }, { 'accept-language': 'en' });
        if (allowed) {
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json()).toMatchObject({ status: to, version: row.version + 1 });
        } else {
          expect(response.statusCode).toBe(400);
          expect(response.json().error.fields).toEqual([{ field: 'to', message: `to: ${fieldReason('illegal_transition', 'en')}` }]);
          expect((await officer.get(`/api/visits/${row.id}`)).json()).toMatchObject({ status: from, version: row.version });
        }
      });
    }
  }

  it('dates each step, and files the report with the closing', async () => {
    const closed = await visitIn('closed');
    expect(closed).toMatchObject({ approvedOn: '2024-04-01', heldOn: '2024-05-10', closedOn: '2024-05-20', report: 'Minutes of the meeting.', reportSubmittedOn: '2024-05-20' });
    expect((await visitIn('cancelled')).cancelledOn).toBe('2024-04-01');
    expect((await visitIn('rejected')).rejectedOn).toBe('2024-04-01');
  });

  it('leaves approving and rejecting to the office: the host unit\u2019s coordinator gets 403, and can still cancel, hold and close', async () => {
    const coordinator = await t.as('coordinatorA');
    const request = (await coordinator.post('/api/visits', visitBody(t.units.a, [people[0]!]))).json();
    for (const to of ['approved', 'rejected']) {
      const refused = await coordinator.post(`/api/visits/${request.id}/transitions`, { to, version: request.version });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
    expect((await coordinator.get(`/api/visits/${request.id}`)).json()).toMatchObject({ status: 'requested', version: 1 });
    const approved = (await (await t.as('officer')).post(`/api/visits/${request.id}/transitions`, { to: 'approved', version: 1 })).json();
    const held = await coordinator.post(`/api/visits/${request.id}/transitions`, { to: 'held', version: approved.version });
    expect(held.statusCode, held.body).toBe(200);
    const closed = await coordinator.post(`/api/visits/${request.id}/transitions`, { to: 'closed', report: 'Our minutes', version: held.json().version });
    expect(closed.statusCode).toBe(200);
    const other = (await coordinator.post('/api/visits', visitBody(t.units.a1, [people[0]!]))).json();
    expect((await coordinator.post(`/api/visits/${other.id}/transitions`, { to: 'cancelled', version: 1 })).statusCode).toBe(200);
  });

  movementStepChecks({
    server: () => t,
    path: '/api/visits',
    started: 'held',
    startedTitle: 'holds a visit only from its first day: an earlier step is refused, naming the date given or else the step',
    beforeFirstDay: 'on: is not possible before the visit starts',
    closesTitle: 'closes only with a report: refused without one, accepted with a draft written before, never emptied after',
    staleTitle: 'refuses a step based on a stale version with 409 and the current record, and a step on no visit with 404',
    recordIn: (status, overrides) => visitIn(status as VisitStatus, overrides),
  });
});

describe('visits: the report is due within 30 days of the last day', () => {
  // The visit ends 2024-03-01: day 30 after it is 2024-03-31 (in time), day 31 is 2024-04-01 (late).
  it('is not overdue on day 30 and is on day 31, per unit, held visits only', async () => {
    const officer = await t.as('officer');
    const late = await visitIn('approved', { titleEn: 'Overdue check', startDate: '2024-02-27', endDate: '2024-03-01' });
    const held = (await officer.post(`/api/visits/${late.id}/transitions`, { to: 'held', on: '2024-02-27', version: late.version })).json();
    const closedInTime = await visitIn('closed', { startDate: '2024-02-27', endDate: '2024-03-01' });
    const inB = (await officer.post('/api/visits', visitBody(t.units.b, [people[3]!], { startDate: '2024-02-01', endDate: '2024-02-02' }))).json();
    const approvedB = (await officer.post(`/api/visits/${inB.id}/transitions`, { to: 'approved', version: 1 })).json();
    expect((await officer.post(`/api/visits/${inB.id}/transitions`, { to: 'held', version: approvedB.version })).statusCode).toBe(200);

    const overdueIds = async (c: Client, asOf: string) =>
      (await c.get(`/api/visits/overdue-reports?asOf=${asOf}`)).json().units.flatMap((u: { visits: Array<{ id: number }> }) => u.visits.map((v) => v.id));
    expect(await overdueIds(officer, '2024-03-31')).not.toContain(held.id);
    expect((await officer.get(`/api/visits/${held.id}?asOf=2024-03-31`)).json()).toMatchObject({ reportDueOn: '2024-03-31', reportOverdue: false });
    expect(await overdueIds(officer, '2024-04-01')).toContain(held.id);
    expect((await officer.get(`/api/visits/${held.id}?asOf=2024-04-01`)).json().reportOverdue).toBe(true);
    expect(await overdueIds(officer, '2024-04-01')).not.toContain(closedInTime.id);
    const listed = (await officer.get('/api/visits?overdue=true&asOf=2024-04-01&pageSize=200')).json().items.map((v: { id: number }) => v.id);
    expect(listed).toContain(held.id);
    expect(listed).not.toContain(closedInTime.id);

    const report = (await officer.get('/api/visits/overdue-reports?asOf=2024-04-01')).json();
    const unitA = report.units.find((u: { unitId: number }) => u.unitId === t.units.a);
    expect(unitA).toMatchObject({ code: 'A', nameEn: 'Unit A', nameZh: '单位A' });
    expect(unitA.count).toBe(unitA.visits.length);
    expect(unitA.visits.find((v: { id: number }) => v.id === held.id)).toMatchObject({ reportDueOn: '2024-03-31', daysOverdue: 1, personTimes: 2 });
    expect(report.units.find((u: { unitId: number }) => u.unitId === t.units.b).visits.map((v: { id: number }) => v.id)).toEqual([inB.id]);
    expect(report.total).toBe(report.units.reduce((n: number, u: { count: number }) => n + u.count, 0));

    // A coordinator sees their unit's overdue reports only.
    const seenByA = (await (await t.as('coordinatorA')).get('/api/visits/overdue-reports?asOf=2024-04-01')).json();
    expect(seenByA.units.map((u: { unitId: number }) => u.unitId)).toEqual([t.units.a]);
    const seenByB = (await (await t.as('coordinatorB')).get('/api/visits/overdue-reports?asOf=2024-04-01')).json();
    expect(seenByB).toMatchObject({ total: 1, units: [{ unitId: t.units.b, count: 1 }] });

    const csv = await officer.get('/api/visits/overdue-reports?asOf=2024-04-01&format=csv', { 'accept-language': 'zh' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('总结截止日期');
    expect(csv.body).toContain('2024-03-31');
  });
});

describe('visits: the ledger', () => {
  it('counts each visitor of a held visit as one inbound person-time, with their country, institution, the purpose and the host unit', async () => {
    const held = await visitIn('held', { purpose: 'lecturing' });
    expect(await ledgerRows(held.id)).toEqual([
      { person_id: people[0], country_code: 'FR', institution_id: lyon, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-12', direction: 'inbound', who: 'visitor' },
      { person_id: people[2], country_code: 'BE', institution_id: null, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-12', direction: 'inbound', who: 'visitor' },
    ]);
    for (const status of ['requested', 'approved', 'rejected', 'cancelled'] as const) expect(await ledgerRows((await visitIn(status)).id)).toEqual([]);
    expect(await ledgerRows((await visitIn('closed')).id)).toHaveLength(2);
  });

  it('rewrites the rows when a held visit is edited: exactly the new visitors, dates, purpose and unit', async () => {
    const officer = await t.as('officer');
    const held = await visitIn('held');
    const edited = await officer.patch(`/api/visits/${held.id}`, {
      version: held.version,
      purpose: 'inspection',
      hostUnitId: t.units.b,
      startDate: '2024-05-11',
      endDate: '2024-05-14',
      members: [{ personId: people[2]! }, { personId: people[3]!, countryCode: 'AT' }, { personId: people[4]!, institutionId: lyon }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const rows = await ledgerRows(held.id);
    expect(rows.map((r) => [r.person_id, r.country_code, r.institution_id])).toEqual([
      [people[2], 'BE', null],
      [people[3], 'AT', null],
      [people[4], 'JP', lyon],
    ]);
    for (const r of rows) expect(r).toMatchObject({ category: 'inspection', unit_id: t.units.b, start_date: '2024-05-11', end_date: '2024-05-14' });
  });

  it('removes the rows when the visit is cancelled, and again when it is deleted: none left behind', async () => {
    const officer = await t.as('officer');
    const held = await visitIn('held');
    expect(await ledgerRows(held.id)).toHaveLength(2);
    const refused = await officer.delete(`/api/visits/${held.id}?version=${held.version}`);
    expect(refused.statusCode).toBe(409);
    expect(await ledgerRows(held.id)).toHaveLength(2);
    const cancelled = (await officer.post(`/api/visits/${held.id}/transitions`, { to: 'cancelled', version: held.version })).json();
    expect(await ledgerRows(held.id)).toEqual([]);
    expect((await officer.delete(`/api/visits/${held.id}?version=${cancelled.version}`)).statusCode).toBe(204);
    expect(await ledgerRows(held.id)).toEqual([]);
    const { rows } = await t.db.query(`SELECT 1 FROM visit_members WHERE visit_id = $1`, [held.id]);
    expect(rows).toEqual([]);
  });

  it('keeps a failed edit from half-writing: the visit, its members and its rows stay as they were', async () => {
    const officer = await t.as('officer');
    const held = await visitIn('held');
    const bad = await officer.patch(`/api/visits/${held.id}`, { version: held.version, titleEn: 'Half', members: [{ personId: people[1]! }, { personId: 999999 }] });
    expect(bad.statusCode).toBe(400);
    expect((await officer.get(`/api/visits/${held.id}`)).json()).toMatchObject({ titleEn: held.titleEn, version: held.version });
    expect((await ledgerRows(held.id)).map((r) => r.person_id)).toEqual([people[0], people[2]]);
  });

  it('a person who came five times is five person-times and one distinct person', async () => {
    const officer = await t.as('officer');
    const year = (n: number) => ({ startDate: `2011-0${n}-10`, endDate: `2011-0${n}-11` });
    const regular = people[1]!;
    for (let n = 1; n <= 5; n++) {
      let row = (await officer.post('/api/visits', visitBody(t.units.a, [regular], year(n)))).json();
      row = (await officer.post(`/api/visits/${row.id}/transitions`, { to: 'approved', version: row.version })).json();
      row = (await officer.post(`/api/visits/${row.id}/transitions`, { to: 'held', version: row.version })).json();
    }
    // With a second visitor twice: seven person-times, two persons.
    for (const n of [6, 7]) {
      let row = (await officer.post('/api/visits', visitBody(t.units.a, [people[3]!], year(n)))).json();
      row = (await officer.post(`/api/visits/${row.id}/transitions`, { to: 'approved', version: row.version })).json();
      await officer.post(`/api/visits/${row.id}/transitions`, { to: 'held', version: row.version });
    }
    // A request that was never held does not count.
    await officer.post('/api/visits', visitBody(t.units.a, [people[4]!], year(8)));
    const totals = (await officer.get('/api/ledger/totals?direction=inbound&from=2011-01-01&to=2011-12-31')).json();
    expect(totals).toMatchObject({ personTimes: 7, distinctPersons: 2, aggregatePersonTimes: 0, countriesAndRegions: 2, countries: 2 });
    const mine = (await officer.get(`/api/visits?personId=${regular}&status=held&pageSize=50`)).json();
    expect(mine.total).toBe(5);
  });
});
