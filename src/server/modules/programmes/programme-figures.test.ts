import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type Client, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody } from '../../test/factories.ts';
import type { Figure, FigureKey, FigureSet } from '../../../shared/contracts/reports.ts';

/**
 * The residency figures on a hand-made programme, on 30 June 2025 (D):
 * - unit A's programme. Cohort 2015: S1 placed (completed), S2 placed twice (counts once), S3
 *   withdrawn from the programme (never placed), S4 whose placement was withdrawn. Cohort 2016:
 *   S5 confirmed for a placement starting 1 July 2025 (the day after D), S6 only proposed.
 *   Cohort 2025 (entered in D's year): S7. Cohort 2026 (after D's year): S8.
 * - unit B's programme, cohort 2015: S9 placed.
 * On D the office counts 3 placed of 8 admitted (37.5%, written 38%); coordinator A 2 of 7 (29%).
 */
const D = '2025-06-30';
let t: TestServer;
let officer: Client;

const ok = succeeded;

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  const chu = (await ok(officer.post('/api/institutions', institutionBody({ kind: 'hospital', nameEn: 'CHU de Bordeaux', countryCode: 'FR' })))).id;
  const programme = async (unitId: number) => (await ok(officer.post('/api/programmes', { nameEn: `Programme ${unitId}`, durationYears: 8, unitId }))).id;
  const [pa, pb] = [await programme(t.units.a), await programme(t.units.b)];
  const cohort = async (p: number, entryYear: number) => (await ok(officer.post(`/api/programmes/${p}/cohorts`, { entryYear, intake: 4 }))).id;
  const [a2015, a2016, a2025, a2026, b2015] = [await cohort(pa, 2015), await cohort(pa, 2016), await cohort(pa, 2025), await cohort(pa, 2026), await cohort(pb, 2015)];
  let n = 0;
  const student = async (cohortId: number, unitId: number) => {
    const person = (await ok(officer.post('/api/people', personBody({ nationality: 'CN', unitId })))).id;
    const s = await ok(officer.post('/api/programme-students', { personId: person, cohortId, studentNumber: `S${++n}` }));
    await ok(officer.post(`/api/programme-students/${s.id}/assessments`, { stage: 'clinical', assessedOn: '2020-06-01', meetsStandard: true }));
    return s;
  };
  /** A placement taken through the given steps, each on its start date. */
  const placement = async (studentId: number, startDate: string, steps: string[]) => {
    const endDate = `${Number(startDate.slice(0, 4)) + 1}${startDate.slice(4)}`;
    let row = await ok(officer.post(`/api/programme-students/${studentId}/placements`, { hostInstitutionId: chu, startDate, endDate }));
    for (const to of steps) row = await ok(officer.post(`/api/residency-placements/${row.id}/transitions`, { to, on: to === 'completed' ? endDate : '2020-09-01', version: row.version }));
  };
  const s1 = await student(a2015, t.units.a);
  await placement(s1.id, '2021-09-01', ['confirmed', 'completed']);
  const s2 = await student(a2015, t.units.a);
  await placement(s2.id, '2021-09-01', ['confirmed', 'completed']);
  await placement(s2.id, '2022-09-01', ['confirmed']);
  const s3 = await student(a2015, t.units.a);
  await ok(officer.patch(`/api/programme-students/${s3.id}`, { status: 'withdrawn', version: s3.version }));
  const s4 = await student(a2015, t.units.a);
  await placement(s4.id, '2021-09-01', ['confirmed', 'withdrawn']);
  const s5 = await student(a2016, t.units.a);
  await placement(s5.id, '2025-07-01', ['confirmed']);
  const s6 = await student(a2016, t.units.a);
  await placement(s6.id, '2022-09-01', []);
  await student(a2025, t.units.a);
  await student(a2026, t.units.a);
  const s9 = await student(b2015, t.units.b);
  await placement(s9.id, '2021-09-01', ['confirmed']);
}, 120_000);
afterAll(async () => t?.close());

async function figures(c: Client, query = `asOf=${D}`): Promise<Record<FigureKey, Figure>> {
  const response = await c.get(`/api/reports/figures?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries((response.json() as FigureSet).figures.map((f) => [f.key, f])) as Record<FigureKey, Figure>;
}

describe('the residency figures', () => {
  it('count distinct students placed by the date over everyone admitted by its year', async () => {
    const f = await figures(officer);
    expect(f['programme.residencyPlaced']).toMatchObject({ value: 3, counts: 'persons', asOf: D });
    expect(f['programme.residencyShare']).toMatchObject({ value: 3 / 8, counts: 'share', asOf: D });
    // The placement starting the day after D counts from that day; the cohort of 2026 from 2026.
    const next = await figures(officer, 'asOf=2025-07-01');
    expect(next['programme.residencyPlaced'].value).toBe(4);
    expect((await figures(officer, 'asOf=2026-01-01'))['programme.residencyShare'].value).toBe(4 / 9);
    // Before anyone was admitted, the share is not 0%: it is not there.
    expect((await figures(officer, 'asOf=2014-12-31'))['programme.residencyShare'].value).toBeNull();
  });

  it('writes one outbound student residency person-time per confirmed or completed placement, none for a withdrawn or proposed one', async () => {
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger WHERE source_module = 'residency_placement' AND direction = 'outbound' AND who = 'student' AND category = 'residency'`);
    expect(rows[0]!.n).toBe(5);
  });

  it('confines a coordinator to their unit, and lets the office ask for one unit', async () => {
    const a = await figures(await t.as('coordinatorA'));
    expect(a['programme.residencyPlaced'].value).toBe(2);
    expect(a['programme.residencyShare'].value).toBe(2 / 7);
    const b = await figures(officer, `asOf=${D}&unitId=${t.units.b}`);
    expect(b['programme.residencyPlaced'].value).toBe(1);
    expect(b['programme.residencyPlaced'].records!.api).toContain(`unitId=${t.units.b}`);
  });

  for (const role of ['viewer', 'coordinatorA'] as const) {
    it(`leads from each figure to the students it counts (${role})`, async () => {
      const c = await t.as(role);
      const f = await figures(c);
      const placed = (await c.get(`${f['programme.residencyPlaced'].records!.api}&pageSize=200`)).json();
      expect(placed.total).toBe(f['programme.residencyPlaced'].value);
      const admitted = (await c.get(`${f['programme.residencyShare'].records!.api}&pageSize=200`)).json();
      expect(placed.total / admitted.total).toBe(f['programme.residencyShare'].value);
      expect(new URL(f['programme.residencyShare'].records!.page, 'http://x').search).toBe(new URL(f['programme.residencyShare'].records!.api, 'http://x').search);
    });
  }

  it('writes the sentence in English, Chinese and French, the share rounded as the seed rounds it (37.5% → 38%)', async () => {
    const sheet = async (lang: string) => (await officer.get(`/api/reports/factsheet?asOf=${D}&format=md&lang=${lang}`)).body;
    const en = await sheet('en');
    expect(en).toContain(`[3 students](/programmes/students?placed=true&asOf=${D})`);
    expect(en).toContain('38%');
    expect(await sheet('zh')).toContain('38%');
    expect(await sheet('fr')).toContain('38\u00a0%');
  });
});
