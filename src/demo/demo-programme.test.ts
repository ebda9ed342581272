import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.ts';
import { officeToday } from '../shared/calendar.ts';
import { loadDemoProgramme } from './demo-programme.ts';

// The programme alone, on a fresh school: the figures come from the records through the API,
// never from the demo's own plan.
const today = officeToday();
let t: TestServer;
let loadMs = 0;

beforeAll(async () => {
  t = await startTestServer();
  const started = Date.now();
  await loadDemoProgramme(t.db, t.cipher, t.units.a, today);
  loadMs = Date.now() - started;
}, 300_000);
afterAll(async () => t?.close());

const count = async (sql: string) => Number((await t.db.query<{ n: number }>(`SELECT (${sql}) AS n`)).rows[0]!.n);

describe('demo programme', () => {
  it('reproduces the seed: 186 students placed in French hospitals, 65% of all the students of the programme', async () => {
    const response = await (await t.as('viewer')).get(`/api/reports/factsheet?asOf=${today}&format=json`);
    expect(response.statusCode).toBe(200);
    const figures = response.json().figures;
    expect(figures['programme.residencyPlaced']).toBe(186);
    expect(figures['programme.residencyShare']).toBeCloseTo(186 / 286, 10);
    const en = (await (await t.as('viewer')).get(`/api/reports/factsheet?asOf=${today}&format=md&lang=en`)).body;
    expect(en).toMatch(/\[186 students\]\([^)]*\) who met the standards in examinations and evaluations/);
    expect(en).toContain('accounting for 65% of all the students');
    expect((await (await t.as('viewer')).get(`/api/reports/factsheet?asOf=${today}&format=md&lang=zh`)).body).toContain('65%');
    console.log(`demo programme loaded in ${loadMs} ms`);
  });

  it('holds what the seed describes: classes since the programme began, some who did not meet the standard, placements in real French hospitals, professors every year', async () => {
    expect(await count('SELECT count(*) FROM programme_students')).toBe(286);
    expect(await count('SELECT count(*) FROM programme_cohorts')).toBe(10);
    // Everyone placed met the standard; some never did.
    expect(await count(`SELECT count(DISTINCT s.id) FROM programme_students s WHERE NOT EXISTS (SELECT 1 FROM residency_placements r WHERE r.student_id = s.id AND r.status IN ('confirmed','completed')) AND EXISTS (SELECT 1 FROM programme_assessments a WHERE a.student_id = s.id AND NOT a.meets_standard)`)).toBeGreaterThan(10);
    expect(await count(`SELECT count(*) FROM programme_students s WHERE NOT EXISTS (SELECT 1 FROM programme_assessments a WHERE a.student_id = s.id)`)).toBe(0);
    expect(await count(`SELECT count(*) FROM residency_placements WHERE status = 'withdrawn'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(DISTINCT i.reference_ref) FROM residency_placements r JOIN institutions i ON i.id = r.host_institution_id WHERE i.reference_ref IS NOT NULL`)).toBeGreaterThanOrEqual(5);
    expect(await count(`SELECT count(*) FROM ledger WHERE source_module = 'residency_placement' AND direction = 'outbound' AND who = 'student' AND category = 'residency'`)).toBe(186);
    const years = await count('SELECT count(DISTINCT year) FROM visiting_professors');
    expect(years).toBe(Number(today.slice(0, 4)) - (await count('SELECT min(entry_year) FROM programme_cohorts')));
  });
});
