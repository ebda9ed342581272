import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, missionBody, personBody } from '../../test/factories.ts';
import { movementStepChecks, recordIn } from '../../test/movement-steps.ts';
import { ledgerRows as rowsOf, movementLedgerChecks, movementOverdueCheck, type MovementReports } from '../../test/movement-reports.ts';
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

const MISSIONS: MovementReports = {
  server: () => t,
  path: '/api/missions',
  noun: 'mission',
  statuses: MISSION_STATUSES,
  transitions: MISSION_TRANSITIONS,
  walk: PATH,
  body: missionBody,
  people: () => people,
  approval: { approvalDocumentNo: 'X-1' },
  started: 'travelled',
  startedTitle: 'marks a mission travelled only from its first day: an earlier step is refused, naming the date given or else the step',
  beforeFirstDay: 'on: is not possible before the mission’s first day',
  officeTitle: 'leaves approving and rejecting to the office: the unit’s coordinator gets 403, and can still cancel, travel and close',
  listKey: 'missions',
  direction: 'outbound',
  who: 'staff',
};

/** Creates a mission and walks it to `status`; returns its last state. */
const missionIn = (status: MissionStatus, overrides: Partial<MissionInput> = {}) => recordIn(MISSIONS, status, overrides);

describe('missions: the workflow', () => {
  movementStepChecks(MISSIONS);

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
});

describe('missions: the report is due within 30 days of return', () => {
  movementOverdueCheck(MISSIONS);
});

const ledgerRows = (id: number) => rowsOf(MISSIONS, id);

describe('missions: the ledger', () => {
  movementLedgerChecks(MISSIONS);

  it('counts each member of a travelled mission as one outbound staff person-time, with the purpose, the unit and the first destination', async () => {
    const travelled = await missionIn('travelled', { purpose: 'lecturing', destinations: [{ institutionId: lyon }, { countryCode: 'BE' }] });
    expect(await ledgerRows(travelled.id)).toEqual([
      { person_id: people[0], country_code: 'FR', institution_id: lyon, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-16', direction: 'outbound', who: 'staff', count: 1 },
      { person_id: people[2], country_code: 'FR', institution_id: lyon, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-16', direction: 'outbound', who: 'staff', count: 1 },
    ]);
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
