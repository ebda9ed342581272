import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { institutionBody, missionBody, personBody } from '../../test/factories.ts';
import { movementStepChecks } from '../../test/movement-steps.ts';
import { fieldReason } from '../../../shared/i18n/errors.ts';
import { MISSION_STATUSES, MISSION_TRANSITIONS, type MissionInput, type MissionStatus } from '../../../shared/contracts/missions.ts';

let t: TestServer;
let lyon: number;
let people: number[] = [];
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université de Lyon', countryCode: 'FR' }))).json().id;
  people = [];
  for (let i = 0; i < 5; i++) people.push((await officer.post('/api/people', personBody({ nationality: 'CN', unitId: t.units.a }))).json().id);
});
afterAll(async () => t?.close());

/** The way from a request to each status (the mission runs 2024-05-10 to 2024-05-16). */
const PATH: Record<MissionStatus, Array<{ to: MissionStatus; on?: string; report?: string; approvalDocumentNo?: string }>> = {
  requested: [],
  approved: [{ to: 'approved', on: '2024-04-01', approvalDocumentNo: 'SJTUSM-2024-118' }],
  rejected: [{ to: 'rejected', on: '2024-04-01' }],
  travelled: [{ to: 'approved', on: '2024-04-01', approvalDocumentNo: 'SJTUSM-2024-118' }, { to: 'travelled', on: '2024-05-10' }],
  closed: [
    { to: 'approved', on: '2024-04-01', approvalDocumentNo: 'SJTUSM-2024-118' },
    { to: 'travelled', on: '2024-05-10' },
    { to: 'closed', on: '2024-05-30', report: 'Report on the congress.' },
  ],
  cancelled: [{ to: 'cancelled', on: '2024-04-01' }],
};

type Row = { id: number; version: number; status: MissionStatus } & Record<string, unknown>;

/** Creates a mission and walks it to `status`; returns its last state. */
async function missionIn(status: MissionStatus, overrides: Partial<MissionInput> = {}, c?: Client): Promise<Row> {
  const officer = c ?? (await t.as('officer'));
  const created = await officer.post('/api/missions', missionBody(t.units.a, [people[0]!, people[2]!], overrides));
  expect(created.statusCode, created.body).toBe(201);
  let row = created.json<Row>();
  for (const step of PATH[status]) {
    const response = await officer.post(`/api/missions/${row.id}/transitions`, { ...step, version: row.version });
    expect(response.statusCode, `${step.to}: ${response.body}`).toBe(200);
    row = response.json();
  }
  expect(row.status).toBe(status);
  return row;
}

async function ledgerRows(missionId: number) {
  const { rows } = await t.db.query<{ person_id: number; country_code: string; institution_id: number | null; unit_id: number; category: string; start_date: string; end_date: string; direction: string; who: string; count: number }>(
    `SELECT person_id, country_code, institution_id, unit_id, category, start_date, end_date, direction, who, count FROM ledger
     WHERE source_module = 'mission' AND source_id = $1 ORDER BY person_id`,
    [missionId],
  );
  return rows;
}

describe('missions: the workflow', () => {
  for (const from of MISSION_STATUSES) {
    for (const to of MISSION_STATUSES) {
      const allowed = MISSION_TRANSITIONS[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const officer = await t.as('officer');
        const row = await missionIn(from);
        const response = await officer.post(
          `/api/missions/${row.id}/transitions`,
          { to, on: '2024-05-11', report: 'Report.', approvalDocumentNo: 'SJTUSM-2024-200', version: row.version },
          { 'accept-language': 'en' },
        );
        if (allowed) {
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json()).toMatchObject({ status: to, version: row.version + 1 });
        } else {
          expect(response.statusCode).toBe(400);
          expect(response.json().error.fields).toEqual([{ field: 'to', message: `to: ${fieldReason('illegal_transition', 'en')}` }]);
          expect((await officer.get(`/api/missions/${row.id}`)).json()).toMatchObject({ status: from, version: row.version });
        }
      });
    }
  }

  it('dates each step, keeps the approval number, and files the report with the closing', async () => {
    const closed = await missionIn('closed');
    expect(closed).toMatchObject({
      approvedOn: '2024-04-01',
      approvalDocumentNo: 'SJTUSM-2024-118',
      travelledOn: '2024-05-10',
      closedOn: '2024-05-30',
      report: 'Report on the congress.',
      reportSubmittedOn: '2024-05-30',
    });
    expect((await missionIn('cancelled')).cancelledOn).toBe('2024-04-01');
    expect((await missionIn('rejected')).rejectedOn).toBe('2024-04-01');
    // The number is searchable once given.
    expect((await (await t.as('officer')).get(`/api/missions?q=SJTUSM-2024-118&pageSize=1`)).json().total).toBeGreaterThan(0);
  });

  it('approves only with an approval document number (批件号), given with the step or entered before', async () => {
    const officer = await t.as('officer');
    const bare = await missionIn('requested');
    const refused = await officer.post(`/api/missions/${bare.id}/transitions`, { to: 'approved', version: bare.version }, { 'accept-language': 'zh' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'approvalDocumentNo', message: 'approvalDocumentNo: 为必填项' }]);
    const entered = (await officer.patch(`/api/missions/${bare.id}`, { version: bare.version, approvalDocumentNo: 'SHJW-2024-77' })).json();
    const approved = await officer.post(`/api/missions/${bare.id}/transitions`, { to: 'approved', version: entered.version });
    expect(approved.json()).toMatchObject({ status: 'approved', approvalDocumentNo: 'SHJW-2024-77' });
    const erase = await officer.patch(`/api/missions/${bare.id}`, { version: approved.json().version, approvalDocumentNo: '' });
    expect(erase.json().error.fields).toEqual([expect.objectContaining({ field: 'approvalDocumentNo' })]);
  });

  it('leaves approving and rejecting to the office: the unit’s coordinator gets 403, and can still cancel, travel and close', async () => {
    const coordinator = await t.as('coordinatorA');
    const request = (await coordinator.post('/api/missions', missionBody(t.units.a, [people[0]!]))).json();
    for (const to of ['approved', 'rejected']) {
      const refused = await coordinator.post(`/api/missions/${request.id}/transitions`, { to, approvalDocumentNo: 'X-1', version: request.version });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
    expect((await coordinator.get(`/api/missions/${request.id}`)).json()).toMatchObject({ status: 'requested', version: 1, approvalDocumentNo: null });
    const approved = (await (await t.as('officer')).post(`/api/missions/${request.id}/transitions`, { to: 'approved', approvalDocumentNo: 'X-1', version: 1 })).json();
    const travelled = await coordinator.post(`/api/missions/${request.id}/transitions`, { to: 'travelled', version: approved.version });
    expect(travelled.statusCode, travelled.body).toBe(200);
    const closed = await coordinator.post(`/api/missions/${request.id}/transitions`, { to: 'closed', report: 'Our report', version: travelled.json().version });
    expect(closed.statusCode).toBe(200);
    const other = (await coordinator.post('/api/missions', missionBody(t.units.a1, [people[0]!]))).json();
    expect((await coordinator.post(`/api/missions/${other.id}/transitions`, { to: 'cancelled', version: 1 })).statusCode).toBe(200);
  });

  movementStepChecks({
    server: () => t,
    path: '/api/missions',
    started: 'travelled',
    startedTitle: 'marks a mission travelled only from its first day: an earlier step is refused, naming the date given or else the step',
    beforeFirstDay: 'on: is not possible before the mission’s first day',
    closesTitle: 'closes only with a report: refused without one, accepted with a draft written before, never emptied after',
    staleTitle: 'refuses a step based on a stale version with 409 and the current record, and a step on no mission with 404',
    recordIn: (status, overrides) => missionIn(status as MissionStatus, overrides),
  });
});

describe('missions: the report is due within 30 days of return', () => {
  // The mission ends 2024-03-01: day 30 after it is 2024-03-31 (in time), day 31 is 2024-04-01 (late).
  it('is not overdue on day 30 and is on day 31, per unit, travelled missions only', async () => {
    const officer = await t.as('officer');
    const late = await missionIn('approved', { titleEn: 'Overdue check', titleZh: '逾期检查', startDate: '2024-02-27', endDate: '2024-03-01' });
    const travelled = (await officer.post(`/api/missions/${late.id}/transitions`, { to: 'travelled', on: '2024-02-27', version: late.version })).json();
    const closedInTime = await missionIn('closed', { startDate: '2024-02-27', endDate: '2024-03-01' });
    const inB = (await officer.post('/api/missions', missionBody(t.units.b, [people[3]!], { startDate: '2024-02-01', endDate: '2024-02-02' }))).json();
    const approvedB = (await officer.post(`/api/missions/${inB.id}/transitions`, { to: 'approved', approvalDocumentNo: 'B-1', version: 1 })).json();
    expect((await officer.post(`/api/missions/${inB.id}/transitions`, { to: 'travelled', version: approvedB.version })).statusCode).toBe(200);

    const overdueIds = async (c: Client, asOf: string) =>
      (await c.get(`/api/missions/overdue-reports?asOf=${asOf}`)).json().units.flatMap((u: { missions: Array<{ id: number }> }) => u.missions.map((m) => m.id));
    expect(await overdueIds(officer, '2024-03-31')).not.toContain(travelled.id);
    expect((await officer.get(`/api/missions/${travelled.id}?asOf=2024-03-31`)).json()).toMatchObject({ reportDueOn: '2024-03-31', reportOverdue: false });
    expect(await overdueIds(officer, '2024-04-01')).toContain(travelled.id);
    expect((await officer.get(`/api/missions/${travelled.id}?asOf=2024-04-01`)).json().reportOverdue).toBe(true);
    expect(await overdueIds(officer, '2024-04-01')).not.toContain(closedInTime.id);
    const listed = (await officer.get('/api/missions?overdue=true&asOf=2024-04-01&pageSize=200')).json().items.map((m: { id: number }) => m.id);
    expect(listed).toContain(travelled.id);
    expect(listed).not.toContain(closedInTime.id);
    const notListed = (await officer.get('/api/missions?overdue=true&asOf=2024-03-31&pageSize=200')).json().items.map((m: { id: number }) => m.id);
    expect(notListed).not.toContain(travelled.id);

    const report = (await officer.get('/api/missions/overdue-reports?asOf=2024-04-01')).json();
    const unitA = report.units.find((u: { unitId: number }) => u.unitId === t.units.a);
    expect(unitA).toMatchObject({ code: 'A', nameEn: 'Unit A', nameZh: '单位A' });
    expect(unitA.count).toBe(unitA.missions.length);
    expect(unitA.missions.find((m: { id: number }) => m.id === travelled.id)).toMatchObject({ reportDueOn: '2024-03-31', daysOverdue: 1, personTimes: 2 });
    expect(report.units.find((u: { unitId: number }) => u.unitId === t.units.b).missions.map((m: { id: number }) => m.id)).toEqual([inB.id]);
    expect(report.total).toBe(report.units.reduce((n: number, u: { count: number }) => n + u.count, 0));

    // A coordinator sees their unit's overdue reports only.
    const seenByA = (await (await t.as('coordinatorA')).get('/api/missions/overdue-reports?asOf=2024-04-01')).json();
    expect(seenByA.units.map((u: { unitId: number }) => u.unitId)).toEqual([t.units.a]);
    const seenByB = (await (await t.as('coordinatorB')).get('/api/missions/overdue-reports?asOf=2024-04-01')).json();
    expect(seenByB).toMatchObject({ total: 1, units: [{ unitId: t.units.b, count: 1 }] });

    const csv = await officer.get('/api/missions/overdue-reports?asOf=2024-04-01&format=csv', { 'accept-language': 'zh' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('总结截止日期');
    expect(csv.body).toContain('逾期检查');
    expect(csv.body).toContain('2024-03-31');
  });
});

describe('missions: the ledger', () => {
  it('counts each member of a travelled mission as one outbound staff person-time, with the purpose, the unit and the first destination', async () => {
    const travelled = await missionIn('travelled', { purpose: 'lecturing', destinations: [{ institutionId: lyon }, { countryCode: 'BE' }] });
    expect(await ledgerRows(travelled.id)).toEqual([
      { person_id: people[0], country_code: 'FR', institution_id: lyon, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-16', direction: 'outbound', who: 'staff', count: 1 },
      { person_id: people[2], country_code: 'FR', institution_id: lyon, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-16', direction: 'outbound', who: 'staff', count: 1 },
    ]);
    for (const status of ['requested', 'approved', 'rejected', 'cancelled'] as const) expect(await ledgerRows((await missionIn(status)).id)).toEqual([]);
    expect(await ledgerRows((await missionIn('closed')).id)).toHaveLength(2);
  });

  it('rewrites the rows when a travelled mission is edited: exactly the new members, dates, purpose, unit and destination', async () => {
    const officer = await t.as('officer');
    const travelled = await missionIn('travelled');
    const edited = await officer.patch(`/api/missions/${travelled.id}`, {
      version: travelled.version,
      purpose: 'advanced_study',
      unitId: t.units.b,
      startDate: '2024-05-11',
      endDate: '2024-08-14',
      destinations: [{ countryCode: 'JP' }],
      members: [{ personId: people[2]! }, { personId: people[3]! }, { personId: people[4]! }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const rows = await ledgerRows(travelled.id);
    expect(rows.map((r) => r.person_id)).toEqual([people[2], people[3], people[4]]);
    for (const r of rows) expect(r).toMatchObject({ category: 'advanced_study', unit_id: t.units.b, country_code: 'JP', institution_id: null, start_date: '2024-05-11', end_date: '2024-08-14' });
  });

  it('removes the rows when the mission is cancelled: none left behind, and the figures fall back', async () => {
    const officer = await t.as('officer');
    const totals = async () => (await officer.get('/api/ledger/totals?direction=outbound&who=staff&from=1954-01-01&to=2024-12-31')).json().personTimes;
    const before = await totals();
    const travelled = await missionIn('travelled');
    expect(await ledgerRows(travelled.id)).toHaveLength(2);
    expect(await totals()).toBe(before + 2);
    const refused = await officer.delete(`/api/missions/${travelled.id}?version=${travelled.version}`);
    expect(refused.statusCode).toBe(409);
    expect(await ledgerRows(travelled.id)).toHaveLength(2);
    await officer.post(`/api/missions/${travelled.id}/transitions`, { to: 'cancelled', version: travelled.version });
    expect(await ledgerRows(travelled.id)).toEqual([]);
    expect(await totals()).toBe(before);
  });

  it('keeps a failed edit from half-writing: the mission, its members and its rows stay as they were', async () => {
    const officer = await t.as('officer');
    const travelled = await missionIn('travelled');
    const bad = await officer.patch(`/api/missions/${travelled.id}`, { version: travelled.version, titleEn: 'Half', members: [{ personId: people[1]! }, { personId: 999999 }] });
    expect(bad.statusCode).toBe(400);
    expect((await officer.get(`/api/missions/${travelled.id}`)).json()).toMatchObject({ titleEn: travelled.titleEn, version: travelled.version });
    expect((await ledgerRows(travelled.id)).map((r) => r.person_id)).toEqual([people[0], people[2]]);
  });

  it('a member who went three times is three person-times and one distinct person', async () => {
    const officer = await t.as('officer');
    const month = (n: number) => ({ startDate: `2012-0${n}-10`, endDate: `2012-0${n}-12` });
    for (let n = 1; n <= 3; n++) {
      let row = (await officer.post('/api/missions', missionBody(t.units.a, [people[1]!], month(n)))).json();
      row = (await officer.post(`/api/missions/${row.id}/transitions`, { to: 'approved', approvalDocumentNo: `R-${n}`, version: row.version })).json();
      await officer.post(`/api/missions/${row.id}/transitions`, { to: 'travelled', version: row.version });
    }
    // A request that never went does not count.
    await officer.post('/api/missions', missionBody(t.units.a, [people[4]!], month(4)));
    const totals = (await officer.get('/api/ledger/totals?direction=outbound&from=2012-01-01&to=2012-12-31')).json();
    expect(totals).toMatchObject({ personTimes: 3, distinctPersons: 1, aggregatePersonTimes: 0 });
  });
});
