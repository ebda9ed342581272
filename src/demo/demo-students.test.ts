import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { systemContext } from '../server/core/request-context.ts';
import { computeFigureSet, flatFigures } from '../server/reports/figures/figure-set.ts';
import { renderFactSheet } from '../server/reports/factsheet/factsheet.service.ts';
import { officeToday } from '../shared/calendar.ts';

// The figures are read from the records with SQL, and from the figure set and the fact sheet
// the API serves: never from the demo's own plan.
let db: Db;
const today = officeToday();

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return Number(rows[0]!.n);
}

const COUNTED = `e.level IN ('bachelor','master','doctorate') AND e.enrolled_on BETWEEN '1980-01-01' AND $1::date AND e.status IN ('enrolled','suspended','graduated')`;

beforeAll(async () => {
  db = await openDemoDatabase();
}, 900_000); // the first demo test of a run loads the whole demo through the services (a minute, several on a busy machine); the others copy it

afterAll(async () => {
  await db?.close();
});

describe('demo students', () => {
  it('holds 489 foreign degree students since 1980 from 69 countries: 426 bachelor, 52 master, 11 doctorate', async () => {
    expect(await count(`SELECT count(DISTINCT e.person_id) AS n FROM student_enrolments e WHERE ${COUNTED}`, [today])).toBe(489);
    expect(await count(`SELECT count(DISTINCT e.country_code) AS n FROM student_enrolments e JOIN countries c ON c.code = e.country_code WHERE ${COUNTED} AND NOT c.is_region`, [today])).toBe(69);
    for (const [level, n] of [['bachelor', 426], ['master', 52], ['doctorate', 11]] as const)
      expect(await count(`SELECT count(DISTINCT e.person_id) AS n FROM student_enrolments e WHERE ${COUNTED} AND e.level = $2`, [today, level]), level).toBe(n);
    // Every continent the seed names.
    const continents = await db.query<{ continent: string }>(`SELECT DISTINCT c.continent FROM student_enrolments e JOIN countries c ON c.code = e.country_code WHERE ${COUNTED} ORDER BY 1`, [today]);
    expect(continents.rows.map((r) => r.continent)).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    const figures = flatFigures(await computeFigureSet(systemContext(db), { asOf: today }));
    expect(figures['students.foreignSince1980']).toBe(489);
    expect(figures['students.foreignCountries']).toBe(69);
    expect(figures['students.byLevel']).toEqual({ bachelor: 426, master: 52, doctorate: 11 });
  });

  it('has the shape of the seed’s history: few in the 1980s, more after 2000, mostly graduated, the recent ones enrolled, some withdrawn or admitted only', async () => {
    const eighties = await count(`SELECT count(*) AS n FROM student_enrolments e WHERE ${COUNTED} AND e.enrolled_on < '1990-01-01'`, [today]);
    const since2000 = await count(`SELECT count(*) AS n FROM student_enrolments e WHERE ${COUNTED} AND e.enrolled_on >= '2000-01-01'`, [today]);
    expect(eighties).toBeGreaterThan(0);
    expect(eighties).toBeLessThan(25);
    expect(since2000).toBeGreaterThan(380);
    const graduated = await count(`SELECT count(*) AS n FROM student_enrolments e WHERE ${COUNTED} AND e.status = 'graduated'`, [today]);
    expect(graduated).toBeGreaterThan(489 / 2);
    // Nobody graduated before finishing; everyone still enrolled registered within the last six years.
    expect(await count(`SELECT count(*) AS n FROM student_enrolments WHERE status = 'enrolled' AND enrolled_on < $1::date - 7 * 365`, [today])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM student_enrolments WHERE status = 'enrolled'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM student_enrolments WHERE status = 'withdrawn'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM student_enrolments WHERE status = 'admitted'`)).toBeGreaterThan(0);
    // Names in their own script where the nationality has one.
    expect(await count(`SELECT count(*) AS n FROM people p JOIN student_enrolments e ON e.person_id = p.id WHERE p.nationality = 'TH' AND cardinality(p.other_names) = 0`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM people p JOIN student_enrolments e ON e.person_id = p.id WHERE p.other_names[1] ~ '[ก-๙]'`)).toBeGreaterThan(0);
  });

  it('writes the seed’s sentence in the fact sheet, in English, Chinese and French', async () => {
    const text = async (lang: 'en' | 'zh' | 'fr') =>
      String((await renderFactSheet(systemContext(db), { asOf: today, lang, format: 'md' })).body).replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
    expect(await text('en')).toContain(
      "has enrolled and graduated 489 foreign students from 69 countries of Asia, Africa, the Americas, Europe and Oceania (426 from undergraduate programmes, 52 from master's degree programmes and 11 from doctoral programmes)",
    );
    expect(await text('zh')).toContain('共招收并培养来自亚洲、非洲、美洲、欧洲和大洋洲69个国家的489名外国留学生（本科生426名，硕士生52名，博士生11名）');
    expect(await text('fr')).toContain('a formé 489 étudiants étrangers venus de 69 pays d’Asie, d’Afrique, des Amériques, d’Europe et d’Océanie (426 en licence, 52 en master et 11 en doctorat)');
  });
});
