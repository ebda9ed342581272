import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { personBody } from '../../test/factories.ts';
import type { Figure, FigureSet } from '../../../shared/contracts/reports.ts';
import type { StudentLevel } from '../../../shared/contracts/students.ts';

/**
 * The students figures on a hand-made school, on 30 June 2025 (D):
 * - P1 (VN, A): bachelor registered 31 Dec 1979, graduated: before the count starts.
 * - P2 (FR, A): bachelor registered 1 Jan 1980, graduated: the first day counted.
 * - P3 (NG, B): bachelor (2015, graduated) then master (2021, studying): one student, in two levels.
 * - P4 (HK, B): master, studying: a student, from a region, not a country.
 * - P5 (PK, A): bachelor, withdrew in 2020: not counted.
 * - P6 (US, A): doctorate, withdraws on 1 July 2025: counted on D, not the day after.
 * - P7 (JP, A): admitted, never registered: not counted.
 * - P8 (DE, B): non-degree study: not a degree student.
 * - P9 (KR, A1): doctorate registered on 1 July 2025: counted the day after D.
 */
const D = '2025-06-30';
const NEXT = '2025-07-01';
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  const person = async (nationality: string, unitId: number) => (await officer.post('/api/people', personBody({ nationality, unitId }))).json().id as number;
  const enrol = async (personId: number, unitId: number, level: StudentLevel, admittedOn: string, steps: Array<{ to: string; on: string }>) => {
    let row = (await officer.post('/api/students', { personId, unitId, level, programmeEn: `Programme ${level}`, admittedOn })).json();
    expect(row.id, JSON.stringify(row)).toBeGreaterThan(0);
    for (const step of steps) {
      const response = await officer.post(`/api/students/${row.id}/transitions`, { ...step, version: row.version });
      expect(response.statusCode, response.body).toBe(200);
      row = response.json();
    }
  };
  const { a, a1, b } = t.units;
  await enrol(await person('VN', a), a, 'bachelor', '1979-09-01', [{ to: 'enrolled', on: '1979-12-31' }, { to: 'graduated', on: '1984-07-01' }]);
  await enrol(await person('FR', a), a, 'bachelor', '1979-10-01', [{ to: 'enrolled', on: '1980-01-01' }, { to: 'graduated', on: '1985-07-01' }]);
  const p3 = await person('NG', b);
  await enrol(p3, b, 'bachelor', '2015-07-01', [{ to: 'enrolled', on: '2015-09-01' }, { to: 'graduated', on: '2021-07-01' }]);
  await enrol(p3, b, 'master', '2021-07-15', [{ to: 'enrolled', on: '2021-09-01' }]);
  await enrol(await person('HK', b), b, 'master', '2018-07-01', [{ to: 'enrolled', on: '2018-09-01' }]);
  await enrol(await person('PK', a), a, 'bachelor', '2019-07-01', [{ to: 'enrolled', on: '2019-09-01' }, { to: 'withdrawn', on: '2020-03-01' }]);
  await enrol(await person('US', a), a, 'doctorate', '2020-07-01', [{ to: 'enrolled', on: '2020-09-01' }, { to: 'withdrawn', on: NEXT }]);
  await enrol(await person('JP', a), a, 'bachelor', '2025-05-01', []);
  await enrol(await person('DE', b), b, 'non_degree', '2022-07-01', [{ to: 'enrolled', on: '2022-09-01' }]);
  await enrol(await person('KR', a1), a1, 'doctorate', '2025-06-01', [{ to: 'enrolled', on: NEXT }]);
}, 120_000);
afterAll(async () => t?.close());

async function figures(c: Client, query = `asOf=${D}`): Promise<Record<string, Figure>> {
  const response = await c.get(`/api/reports/figures?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries((response.json() as FigureSet).figures.map((f) => [f.key, f]));
}

const values = (f: Record<string, Figure>) => [f['students.foreignSince1980']!.value, f['students.foreignCountries']!.value, f['students.byLevel']!.value];

describe('the students figures', () => {
  it('counts distinct degree students registered since 1980 and counted on the date, their countries (regions apart), and students per level', async () => {
    const f = await figures(await t.as('viewer'));
    expect(f['students.foreignSince1980']).toMatchObject({ value: 4, counts: 'persons', from: '1980-01-01', to: D, asOf: null });
    expect(f['students.foreignCountries']).toMatchObject({ value: 3, counts: 'countries' });
    expect(f['students.byLevel']).toMatchObject({ value: { bachelor: 2, master: 2, doctorate: 1 }, counts: 'persons' });
    const items = f['students.foreignCountries']!.items!;
    expect(items.filter((i) => i.group?.kind === 'continent').map((i) => i.key).sort()).toEqual(['FR', 'NG', 'US']);
    expect(items.filter((i) => i.group?.kind === 'region').map((i) => [i.key, i.count])).toEqual([['HK', 1]]);
  });

  it('starts on 1 January 1980, not the day before; counts a withdrawal from the day after, a registration from its day', async () => {
    expect(values(await figures(await t.as('viewer'), 'asOf=1979-12-31'))).toEqual([0, 0, { bachelor: 0, master: 0, doctorate: 0 }]);
    expect(values(await figures(await t.as('viewer'), 'asOf=1980-01-01'))).toEqual([1, 1, { bachelor: 1, master: 0, doctorate: 0 }]);
    // On 1 July 2025, P6 has withdrawn and P9 has registered: the same totals, another doctoral student.
    const next = await figures(await t.as('viewer'), `asOf=${NEXT}`);
    expect(values(next)).toEqual([4, 3, { bachelor: 2, master: 2, doctorate: 1 }]);
    expect(next['students.foreignCountries']!.items!.map((i) => i.key).sort()).toEqual(['FR', 'HK', 'KR', 'NG']);
  });

  it('confines a coordinator to their unit, and lets the office ask for one unit', async () => {
    expect(values(await figures(await t.as('coordinatorA')))).toEqual([2, 2, { bachelor: 1, master: 0, doctorate: 1 }]);
    expect(values(await figures(await t.as('officer'), `asOf=${D}&unitId=${t.units.b}`))).toEqual([2, 1, { bachelor: 1, master: 2, doctorate: 0 }]);
  });

  for (const role of ['viewer', 'coordinatorA'] as const) {
    it(`leads to exactly the enrolments it counts (${role})`, async () => {
      const c = await t.as(role);
      const f = await figures(c);
      const follow = async (key: string) => (await c.get(`${f[key]!.records!.api}&pageSize=200`)).json();
      const students = await follow('students.foreignSince1980');
      expect(students.persons).toBe(f['students.foreignSince1980']!.value);
      expect(new Set(students.items.map((e: { personId: number }) => e.personId)).size).toBe(f['students.foreignSince1980']!.value);
      const countries = await follow('students.foreignCountries');
      expect(new Set(countries.items.map((e: { countryCode: string }) => e.countryCode)).size).toBe(f['students.foreignCountries']!.value);
      const levels = await follow('students.byLevel');
      const perLevel = (level: string) => new Set(levels.items.filter((e: { level: string }) => e.level === level).map((e: { personId: number }) => e.personId)).size;
      expect({ bachelor: perLevel('bachelor'), master: perLevel('master'), doctorate: perLevel('doctorate') }).toEqual(f['students.byLevel']!.value);
      // The pages list the same enrolments; the countries' page groups them by country.
      for (const key of ['students.foreignSince1980', 'students.foreignCountries', 'students.byLevel']) {
        const page = new URL(f[key]!.records!.page, 'http://x').searchParams;
        expect(page.get('groupBy'), key).toBe(key === 'students.foreignCountries' ? 'country' : null);
        page.delete('groupBy');
        expect(`?${page.toString()}`, key).toBe(new URL(f[key]!.records!.api, 'http://x').search);
      }
    });
  }
});

describe('the fact sheet’s students sentence', () => {
  const sheet = async (lang: string) => {
    const response = await (await t.as('officer')).get(`/api/reports/factsheet?asOf=${D}&format=md&lang=${lang}`);
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('writes the seed’s sentence from the figures in English, Chinese and French', async () => {
    const en = await sheet('en');
    expect(en).toMatch(/has enrolled and graduated \[4 foreign students\]\([^)]*\) from \[3 countries\]\([^)]*\) of Africa, the Americas and Europe \(and 1 from Hong Kong, Macao and Taiwan\) \(2 from undergraduate programmes, 2 from master's degree programmes and 1 from doctoral programmes\)/);
    const zh = await sheet('zh');
    expect(zh).toMatch(/共招收并培养来自非洲、美洲和欧洲\[3个国家\]\([^)]*\)的\[4名外国留学生\]\([^)]*\)（本科生2名，硕士生2名，博士生1名）（另有港澳台学生1名）。/);
    const fr = await sheet('fr');
    expect(fr).toMatch(/a formé \[4 étudiants étrangers\]\([^)]*\) venus de \[3 pays\]\([^)]*\) d’Afrique, des Amériques et d’Europe \(et 1 de Hong Kong, Macao et Taïwan\)/);
  });
});
