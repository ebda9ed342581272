import type { Figure, FigureItem } from '../../../shared/contracts/reports.ts';
import { STUDENTS_SINCE, studentsAsOf } from '../../modules/students/students.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/** The continents of the reference data, as the seed names them ("Asia, Africa, North and South Americas, Europe and Oceania"). */
export const CONTINENT_NAMES: Record<string, { en: string; zh: string; fr: string }> = {
  Asia: { en: 'Asia', zh: '亚洲', fr: 'Asie' },
  Africa: { en: 'Africa', zh: '非洲', fr: 'Afrique' },
  Americas: { en: 'the Americas', zh: '美洲', fr: 'Amériques' },
  Europe: { en: 'Europe', zh: '欧洲', fr: 'Europe' },
  Oceania: { en: 'Oceania', zh: '大洋洲', fr: 'Océanie' },
  Antarctic: { en: 'Antarctica', zh: '南极洲', fr: 'Antarctique' },
};

/**
 * "Since 1980, SJTUSM has enrolled and graduated 489 foreign students from 69 countries …
 * (426 from undergraduate programs, 52 from master's degree programs and 11 from doctoral
 * programs)". One definition, in the students service and its list's `counted` filter: degree
 * enrolments (bachelor, master, doctorate; not non-degree study) registered from 1 January 1980
 * to the date, enrolled, suspended or graduated on it (a student who withdrew or transferred by
 * then is not counted; an admission never registered never is). Students are distinct persons;
 * the countries are those of their nationality at enrolment, Hong Kong, Macao and Taiwan apart as
 * regions (items in the group "region", not in the value; a country's item is grouped by its continent); a student who studied at two levels
 * counts once in the total and once in each level. Each figure links to the list of exactly the
 * enrolments it counts (its `persons` is the students figure; its distinct countries and
 * per-level persons the others).
 */
export async function studentFigures(ctx: FigureContext): Promise<Figure[]> {
  const tally = await studentsAsOf(ctx.db, { asOf: ctx.asOf });
  const period = { asOf: null, from: STUDENTS_SINCE, to: ctx.asOf };
  const records = (extra: Record<string, string> = {}) =>
    recordsAt('/api/students', '/students', { degree: 'true', counted: 'true', from: STUDENTS_SINCE, asOf: ctx.asOf, ...extra, unitId: ctx.chosenUnitId });
  // A country's item is grouped by its continent; a region's (HK, MO, TW) by the group "region", outside the value.
  const place = (c: { code: string; continent: string; students: number }, region: boolean): FigureItem => ({
    key: c.code,
    count: c.students,
    nameEn: null,
    nameZh: null,
    title: null,
    group: region
      ? { key: 'region', kind: 'region', name: { en: 'Regions', zh: '地区', fr: 'Régions' }, by: null }
      : { key: c.continent, kind: 'continent', name: CONTINENT_NAMES[c.continent] ?? { en: c.continent, zh: c.continent, fr: c.continent }, by: null },
  });
  return [
    figure(ctx, 'students.foreignSince1980', 'persons', tally.students, { ...period, records: records() }),
    figure(ctx, 'students.foreignCountries', 'countries', tally.countries.length, {
      ...period,
      records: records({ region: 'false' }),
      items: [...tally.countries.map((c) => place(c, false)), ...tally.regions.map((r) => place(r, true))],
    }),
    figure(ctx, 'students.byLevel', 'persons', { ...tally.byLevel }, { ...period, records: records() }),
  ];
}
