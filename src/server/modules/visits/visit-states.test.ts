import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody, visitBody } from '../../test/factories.ts';
import { movementStepChecks, recordIn } from '../../test/movement-steps.ts';
import { ledgerRows as rowsOf, movementLedgerChecks, movementOverdueCheck, type MovementReports } from '../../test/movement-reports.ts';
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

const VISITS: MovementReports = {
  server: () => t,
  path: '/api/visits',
  noun: 'visit',
  statuses: VISIT_STATUSES,
  transitions: VISIT_TRANSITIONS,
  walk: PATH,
  body: visitBody,
  people: () => people,
  approval: {},
  started: 'held',
  startedTitle: 'holds a visit only from its first day: an earlier step is refused, naming the date given or else the step',
  beforeFirstDay: 'on: is not possible before the visit starts',
  officeTitle: 'leaves approving and rejecting to the office: the host unit\u2019s coordinator gets 403, and can still cancel, hold and close',
  listKey: 'visits',
  direction: 'inbound',
  who: 'visitor',
};

/** Creates a visit and walks it to `status`; returns its last state. */
const visitIn = (status: VisitStatus, overrides: Partial<VisitInput> = {}) => recordIn(VISITS, status, overrides);
const ledgerRows = (id: number) => rowsOf(VISITS, id);

describe('visits: the workflow', () => {
  movementStepChecks(VISITS);

  it('dates each step, and files the report with the closing', async () => {
    const closed = await visitIn('closed');
    expect(closed).toMatchObject({ approvedOn: '2024-04-01', heldOn: '2024-05-10', closedOn: '2024-05-20', report: 'Minutes of the meeting.', reportSubmittedOn: '2024-05-20' });
    expect((await visitIn('cancelled')).cancelledOn).toBe('2024-04-01');
    expect((await visitIn('rejected')).rejectedOn).toBe('2024-04-01');
  });
});

describe('visits: the report is due within 30 days of the last day', () => {
  movementOverdueCheck(VISITS);
});

describe('visits: the ledger', () => {
  movementLedgerChecks(VISITS);

  it('counts each visitor of a held visit as one inbound person-time, with their country, institution, the purpose and the host unit', async () => {
    const held = await visitIn('held', { purpose: 'lecturing' });
    expect(await ledgerRows(held.id)).toEqual([
      { person_id: people[0], country_code: 'FR', institution_id: lyon, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-12', direction: 'inbound', who: 'visitor', count: 1 },
      { person_id: people[2], country_code: 'BE', institution_id: null, unit_id: t.units.a, category: 'lecturing', start_date: '2024-05-10', end_date: '2024-05-12', direction: 'inbound', who: 'visitor', count: 1 },
    ]);
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

  it('removes the rows again when the cancelled visit is deleted, with its members: none left behind', async () => {
    const officer = await t.as('officer');
    const held = await visitIn('held');
    const cancelled = (await officer.post(`/api/visits/${held.id}/transitions`, { to: 'cancelled', version: held.version })).json();
    expect((await officer.delete(`/api/visits/${held.id}?version=${cancelled.version}`)).statusCode).toBe(204);
    expect(await ledgerRows(held.id)).toEqual([]);
    const { rows } = await t.db.query(`SELECT 1 FROM visit_members WHERE visit_id = $1`, [held.id]);
    expect(rows).toEqual([]);
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
