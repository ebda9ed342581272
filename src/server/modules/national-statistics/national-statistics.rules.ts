/**
 * What a year of national statistics adds up to, and the office beside it. Pure: the stored
 * tallies and the office's counted enrolments come in as data.
 */
import type { ComparisonRow, LevelCounts, MoeTwSummary } from '../../../shared/contracts/national-statistics.ts';
import type { StoredTally } from './national-statistics.repo.ts';

/**
 * The year's figures as stored: foreign students by the ministry's level codes and by ISO
 * country, the ministry's distinct countries (matched or not) and the names not matched, and
 * the overseas-Chinese, Hong Kong and Macao students kept apart.
 */
export function summarise(year: string, tallies: readonly StoredTally[]): MoeTwSummary {
  const byLevel: Record<string, number> = {};
  const byCountry: Record<string, number> = {};
  const names = new Set<string>();
  const unmatched = new Set<string>();
  const total = { foreign: 0, overseas_chinese: 0, hong_kong: 0, macao: 0 };
  for (const t of tallies) {
    total[t.category] += t.students;
    if (t.category !== 'foreign') continue;
    byLevel[t.levelCode] = (byLevel[t.levelCode] ?? 0) + t.students;
    names.add(t.moeCountryName);
    if (t.countryCode) byCountry[t.countryCode] = (byCountry[t.countryCode] ?? 0) + t.students;
    else unmatched.add(t.moeCountryName);
  }
  return {
    year,
    foreign: { students: total.foreign, byLevel, countries: names.size, byCountry, unmatched: [...unmatched].sort() },
    overseasChinese: total.overseas_chinese,
    hongKong: total.hong_kong,
    macao: total.macao,
  };
}

/** The office's degree level a ministry's level code counts in: its two bachelor's levels, master, doctor; the rest (junior college, preparatory) is `other`. */
const LEVEL_OF: Readonly<Record<string, keyof Omit<LevelCounts, 'total'>>> = { B: 'bachelor', C: 'bachelor', M: 'master', D: 'doctorate' };

/** A counted enrolment of the office: who, at which level, from where. */
export interface OfficeEnrolment {
  personId: number;
  level: string;
  countryCode: string;
  isRegion: boolean;
}

const zero = (): LevelCounts => ({ bachelor: 0, master: 0, doctorate: 0, other: 0, total: 0 });
const shareOf = (office: number, national: number): number | null => (national > 0 ? office / national : null);

/** Distinct persons per level and in all (a student counts once in each level they study at, and once in the total). */
function officeCounts(enrolments: readonly OfficeEnrolment[]): LevelCounts {
  const sets = { bachelor: new Set<number>(), master: new Set<number>(), doctorate: new Set<number>(), other: new Set<number>(), total: new Set<number>() };
  for (const e of enrolments) {
    const level = e.level === 'bachelor' || e.level === 'master' || e.level === 'doctorate' ? e.level : 'other';
    sets[level].add(e.personId);
    sets.total.add(e.personId);
  }
  return { bachelor: sets.bachelor.size, master: sets.master.size, doctorate: sets.doctorate.size, other: sets.other.size, total: sets.total.size };
}

/**
 * The office beside the nation, by country or region: the nation's foreign students by their
 * matched country, its Hong Kong and Macao students as regions (overseas-Chinese students are
 * counted by where they lived, not by nationality, so they are left out of the comparison); the
 * office's counted degree students by the country or region of their enrolment. Largest
 * national figure first.
 */
export function compare(tallies: readonly StoredTally[], office: readonly OfficeEnrolment[]): { rows: ComparisonRow[]; totals: { office: LevelCounts; national: LevelCounts; share: number | null } } {
  const places = new Map<string, { isRegion: boolean; national: LevelCounts; enrolments: OfficeEnrolment[] }>();
  const place = (code: string, isRegion: boolean) => {
    let p = places.get(code);
    if (!p) places.set(code, (p = { isRegion, national: zero(), enrolments: [] }));
    return p;
  };
  const national = zero();
  for (const t of tallies) {
    if (t.category === 'overseas_chinese' || !t.countryCode) continue;
    const p = place(t.countryCode, t.isRegion || t.category !== 'foreign');
    const level = LEVEL_OF[t.levelCode] ?? 'other';
    p.national[level] += t.students;
    p.national.total += t.students;
    national[level] += t.students;
    national.total += t.students;
  }
  for (const e of office) place(e.countryCode, e.isRegion).enrolments.push(e);
  const rows = [...places].map(([countryCode, p]) => {
    const counts = officeCounts(p.enrolments);
    return { countryCode, isRegion: p.isRegion, office: counts, national: p.national, share: shareOf(counts.total, p.national.total) };
  });
  rows.sort((a, b) => b.national.total - a.national.total || b.office.total - a.office.total || a.countryCode.localeCompare(b.countryCode));
  const officeTotal = officeCounts(office);
  return { rows, totals: { office: officeTotal, national, share: shareOf(officeTotal.total, national.total) } };
}
