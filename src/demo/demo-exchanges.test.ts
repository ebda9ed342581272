import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.ts';
import { officeToday } from '../shared/calendar.ts';
import { loadDemoExchanges } from './demo-exchanges.ts';

// The exchanges alone, on a fresh school: the figures come from the records through the API,
// never from the demo's own plan.
const today = officeToday();
let t: TestServer;
let loadMs = 0;

beforeAll(async () => {
  t = await startTestServer();
  const started = Date.now();
  await loadDemoExchanges(t.db, t.cipher, t.units.a, today);
  loadMs = Date.now() - started;
}, 600_000);
afterAll(async () => t?.close());

describe('demo exchanges', () => {
  it('reproduces the seed: about 200 students a year, to 31 universities or colleges in 13 countries', async () => {
    const viewer = await t.as('viewer');
    const figures = (await viewer.get(`/api/reports/factsheet?asOf=${today}&format=json`)).json().figures;
    expect(Math.round(figures['exchange.studentsPerYear'] / 10) * 10).toBe(200);
    expect(figures['exchange.universities']).toBe(31);
    expect(figures['exchange.countries']).toBe(13);
    const en = (await viewer.get(`/api/reports/factsheet?asOf=${today}&format=md&lang=en`, { 'accept-language': 'en' })).body;
    expect(en).toMatch(/Every year, \[about 200 students\]\([^)]*\) are sent to \[31 universities or colleges\]\([^)]*\) in \[13 countries\]/);
    console.log(`demo exchanges loaded in ${loadMs} ms`);
  });

  it('holds what the seed describes: earlier years, fewer; applicants not selected; withdrawals; every departure a ledger person-time', async () => {
    const count = async (sql: string) => Number((await t.db.query<{ n: number }>(`SELECT (${sql}) AS n`)).rows[0]!.n);
    // five years sent, and the running year's calls for applications
    expect(await count(`SELECT count(DISTINCT academic_year) FROM exchange_opportunities`)).toBe(6);
    expect(await count(`SELECT count(*) FROM exchange_applications WHERE status IN ('rejected','waitlisted')`)).toBeGreaterThan(50);
    expect(await count(`SELECT count(*) FROM exchange_applications WHERE status = 'withdrawn'`)).toBeGreaterThan(10);
    expect(await count(`SELECT count(*) FROM ledger WHERE source_module = 'exchange_application'`)).toBe(await count(`SELECT count(*) FROM exchange_applications WHERE status IN ('departed','returned')`));
    const perYear = (await t.db.query<{ y: number; n: number }>(`SELECT o.academic_year AS y, count(*)::int AS n FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id WHERE a.status IN ('departed','returned') GROUP BY 1 ORDER BY 1`)).rows;
    for (let i = 1; i < perYear.length; i++) expect(perYear[i]!.n).toBeGreaterThan(perYear[i - 1]!.n);
    // The demo obeys the services' date rules: nothing decided before it was applied for.
    expect(await count(`SELECT count(*) FROM exchange_applications WHERE decided_on IS NOT NULL`)).toBeGreaterThan(100);
    expect(await count(`SELECT count(*) FROM exchange_applications WHERE decided_on < applied_on`)).toBe(0);
  });

  it('gives every opportunity the day its applications closed, after every application and by its start; the past allocated, the running year with places waiting', async () => {
    const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(`SELECT (${sql}) AS n`, params)).rows[0]!.n);
    expect(await count(`SELECT count(*) FROM exchange_opportunities WHERE applications_close_on IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) FROM exchange_opportunities WHERE applications_close_on > starts_on`)).toBe(0);
    expect(await count(`SELECT count(*) FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id WHERE a.applied_on > o.applications_close_on`)).toBe(0);
    // the closing days are not all one day
    expect(await count(`SELECT count(DISTINCT applications_close_on) FROM exchange_opportunities`)).toBeGreaterThan(5);
    // every opportunity with a decision taken was allocated, on or after its closing day
    expect(await count(`SELECT count(*) FROM exchange_opportunities o WHERE o.allocated_on IS NULL AND EXISTS (SELECT 1 FROM exchange_applications a WHERE a.opportunity_id = o.id AND a.decided_on IS NOT NULL)`)).toBe(0);
    expect(await count(`SELECT count(*) FROM exchange_opportunities WHERE allocated_on < applications_close_on`)).toBe(0);
    const waiting = `SELECT count(*) FROM exchange_opportunities o WHERE o.allocated_on IS NULL AND o.applications_close_on %s $1::date
      AND EXISTS (SELECT 1 FROM exchange_applications a WHERE a.opportunity_id = o.id AND a.status IN ('submitted','shortlisted'))`;
    expect(await count(waiting.replace('%s', '<'), [today])).toBeGreaterThanOrEqual(2);
    expect(await count(waiting.replace('%s', '>='), [today])).toBeGreaterThanOrEqual(1);
  });
});
