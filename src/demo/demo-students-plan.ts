import type { DegreeLevel, InstructionLanguage, StudentFunding, StudentStatus } from '../shared/contracts/students.ts';
import type { Rng } from './demo-random.ts';

/**
 * The countries the demo's foreign degree students come from: 69 real ISO codes across Asia,
 * Africa, the Americas, Europe and Oceania (no region: HK, MO and TW are not countries), each
 * with a weight for how many of the students it sends. Every one sends at least one.
 */
export const STUDENT_COUNTRIES: ReadonlyArray<readonly [code: string, weight: number]> = [
  // Asia
  ['KR', 30], ['JP', 14], ['VN', 26], ['TH', 22], ['IN', 26], ['PK', 30], ['NP', 18], ['BD', 12], ['ID', 14], ['MY', 12], ['LK', 8], ['MN', 8],
  ['LA', 6], ['KH', 5], ['MM', 5], ['PH', 4], ['SG', 4], ['KZ', 4], ['UZ', 3], ['AF', 2], ['YE', 3], ['JO', 2], ['IR', 2],
  // Africa
  ['NG', 12], ['GH', 10], ['KE', 8], ['TZ', 8], ['ET', 6], ['CM', 6], ['ZA', 4], ['ZW', 6], ['ZM', 5], ['SD', 5], ['EG', 3], ['MA', 3],
  ['RW', 4], ['UG', 4], ['MW', 3], ['MZ', 2], ['BW', 2], ['MU', 3],
  // The Americas
  ['US', 10], ['CA', 6], ['MX', 2], ['BR', 3], ['AR', 1], ['CL', 1], ['PE', 1], ['CO', 1], ['JM', 1], ['TT', 1], ['EC', 1],
  // Europe
  ['FR', 10], ['DE', 4], ['GB', 4], ['IT', 2], ['ES', 2], ['RU', 4], ['SE', 1], ['NL', 1], ['BE', 2], ['CH', 1], ['PL', 1], ['PT', 1],
  // Oceania
  ['AU', 4], ['NZ', 2], ['FJ', 2], ['PG', 1], ['WS', 1],
];

/** The seed's figures: "489 foreign students … (426 from undergraduate programs, 52 from master's degree programs and 11 from doctoral programs)". */
export const STUDENTS_BY_LEVEL: Record<DegreeLevel, number> = { bachelor: 426, master: 52, doctorate: 11 };

/** Students who withdrew after registering, and admissions of the coming intake: on record, not counted. */
export const WITHDRAWN_STUDENTS = 7;
export const ADMITTED_NOT_REGISTERED = 9;

/** One programme a foreign student can take: where it is taught, in which language, how many years. */
export interface DemoProgramme {
  level: DegreeLevel;
  programmeEn: string;
  programmeZh: string;
  unitCodes: readonly string[];
  language: InstructionLanguage;
  years: number;
  degree: string;
  /** The first intake. */
  since: number;
}

/** The programmes: MBBS taught in English (since 2006) and clinical medicine taught in Chinese, the graduate degrees. */
export const DEMO_PROGRAMMES: readonly DemoProgramme[] = [
  { level: 'bachelor', programmeEn: 'MBBS (English-taught)', programmeZh: '临床医学（英语授课）', unitCodes: ['RUIJIN', 'RENJI', 'XINHUA', 'NINTH'], language: 'en', years: 6, degree: 'Bachelor of Medicine, Bachelor of Surgery', since: 2006 },
  { level: 'bachelor', programmeEn: 'Clinical Medicine (Chinese-taught)', programmeZh: '临床医学（中文授课）', unitCodes: ['RUIJIN', 'RENJI', 'XINHUA', 'NINTH', 'SCMC'], language: 'zh', years: 5, degree: 'Bachelor of Medicine', since: 1980 },
  { level: 'bachelor', programmeEn: 'Nursing', programmeZh: '护理学', unitCodes: ['NURSING'], language: 'zh', years: 4, degree: 'Bachelor of Science in Nursing', since: 2002 },
  { level: 'master', programmeEn: 'Master of Public Health', programmeZh: '公共卫生硕士', unitCodes: ['SPH'], language: 'en', years: 2, degree: 'Master of Public Health', since: 1995 },
  { level: 'master', programmeEn: 'Master of Medicine (Clinical Medicine)', programmeZh: '临床医学硕士', unitCodes: ['RUIJIN', 'RENJI', 'XINHUA'], language: 'zh', years: 3, degree: 'Master of Medicine', since: 1988 },
  { level: 'master', programmeEn: 'Master of Science (Basic Medicine)', programmeZh: '基础医学硕士', unitCodes: ['BASIC', 'BASIC-PATHO'], language: 'zh', years: 3, degree: 'Master of Science', since: 1990 },
  { level: 'doctorate', programmeEn: 'Doctor of Medicine (Hematology)', programmeZh: '血液学博士', unitCodes: ['RUIJIN-HEMA'], language: 'zh', years: 4, degree: 'Doctor of Medicine', since: 1995 },
  { level: 'doctorate', programmeEn: 'PhD in Basic Medical Sciences', programmeZh: '基础医学博士', unitCodes: ['BASIC'], language: 'en', years: 4, degree: 'Doctor of Philosophy', since: 2000 },
];

/** One student of the plan: their country, programme, registration year, status, funding. */
export interface PlannedStudent {
  country: string;
  programme: DemoProgramme;
  unitCode: string;
  /** The year of registration (1 September), or of the admission for one not yet registered. */
  year: number;
  status: StudentStatus;
  funding: StudentFunding;
}

/** How many registrations each year brings, relatively: few in the 1980s, growing after 2000. */
function yearWeight(year: number): number {
  if (year < 1990) return 1;
  if (year < 2000) return 2;
  if (year < 2006) return 5;
  if (year < 2012) return 10;
  return 14;
}

/** A year in [since, latest], by the weights above. */
function drawYear(rng: Rng, since: number, latest: number): number {
  const years: Array<readonly [number, number]> = [];
  for (let y = Math.max(since, 1980); y <= latest; y++) years.push([y, yearWeight(y)]);
  return rng.weighted(years);
}

/**
 * Who pays, by era: self-funded and the Chinese Government Scholarship at first, the Shanghai
 * Government Scholarship and the university's own from the 2000s.
 */
function drawFunding(rng: Rng, year: number): StudentFunding {
  if (year < 2000) return rng.weighted([['csc_scholarship', 5], ['home_government', 2], ['self_funded', 3]] as const);
  return rng.weighted([['self_funded', 8], ['csc_scholarship', 4], ['shanghai_scholarship', 2], ['university_scholarship', 1], ['home_government', 1]] as const);
}

/**
 * The students, deterministic for a load date: first one student per country so that each of
 * the 69 is there, then the rest by the countries' weights; levels dealt out to the seed's
 * exact numbers. `latestIntake` is the last September that has come by the load date: a
 * student whose programme ends after the load date is still enrolled, the others graduated.
 */
export function planStudents(rng: Rng, latestIntake: number): PlannedStudent[] {
  const total = STUDENTS_BY_LEVEL.bachelor + STUDENTS_BY_LEVEL.master + STUDENTS_BY_LEVEL.doctorate;
  const countries = STUDENT_COUNTRIES.map(([code]) => code);
  for (let i = countries.length; i < total; i++) countries.push(rng.weighted(STUDENT_COUNTRIES));
  const levels = rng.shuffle((Object.entries(STUDENTS_BY_LEVEL) as Array<[DegreeLevel, number]>).flatMap(([level, n]) => Array.from({ length: n }, () => level)));
  const plan: PlannedStudent[] = countries.map((country, i) => {
    const level = levels[i]!;
    const programme = rng.pick(DEMO_PROGRAMMES.filter((p) => p.level === level && p.since <= latestIntake));
    const year = drawYear(rng, programme.since, latestIntake);
    return {
      country,
      programme,
      unitCode: rng.pick(programme.unitCodes),
      year,
      status: year + programme.years <= latestIntake ? 'graduated' : 'enrolled',
      funding: drawFunding(rng, year),
    };
  });
  // A few who registered and left, and the admissions of the coming intake: from countries already in the plan.
  const extra = (status: StudentStatus, year: number): PlannedStudent => {
    const programme = DEMO_PROGRAMMES[rng.int(0, 1)]!;
    return { country: rng.pick(STUDENT_COUNTRIES)[0], programme, unitCode: rng.pick(programme.unitCodes), year, status, funding: 'self_funded' };
  };
  for (let i = 0; i < WITHDRAWN_STUDENTS; i++) plan.push(extra('withdrawn', rng.int(Math.max(2008, latestIntake - 15), latestIntake - 1)));
  for (let i = 0; i < ADMITTED_NOT_REGISTERED; i++) plan.push(extra('admitted', latestIntake + 1));
  return plan;
}
