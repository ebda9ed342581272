import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { systemContext } from '../server/core/request-context.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { lastCompleteAcademicYear } from '../server/modules/exchanges/exchanges.rules.ts';
import { academicYear, computeYearInReview } from '../server/reports/year-in-review/year-figures.ts';
import { renderYearInReview } from '../server/reports/year-in-review/year-in-review.service.ts';
import { formatCount } from '../server/reports/wording.rules.ts';
import { officeToday } from '../shared/calendar.ts';
import type { Locale } from '../shared/contracts/common.ts';

// The year in review covers every module (issue 16): international students, the Sino-French
// programme and student exchange have their sections, in en/zh/fr, in the HTML and the PDF, and
// each of their figures equals what SQL written here counts from the demo's rows — not the
// services' definitions, which the figures read.
let db: Db;
const year = lastCompleteAcademicYear(officeToday());

beforeAll(async () => {
  db = await openDemoDatabase();
}, 900_000);
afterAll(async () => {
  await db?.close();
});

/** The three sections and the figures each must hold, by their headings as the office reads them. */
const SECTIONS: Array<{ heading: Record<Locale, string>; keys: string[] }> = [
  { heading: { en: 'International students', zh: '留学生', fr: 'Étudiants internationaux' }, keys: ['students.registered', 'students.countries'] },
  { heading: { en: 'The Sino-French programme', zh: '中法合作项目', fr: 'Le programme franco-chinois' }, keys: ['programme.residencies', 'programme.residencyPlaced'] },
  { heading: { en: 'Student exchange', zh: '学生交流', fr: 'Échanges d’étudiants' }, keys: ['exchange.students', 'exchange.universities'] },
];

/** Each figure counted by plain SQL over one academic year (states on its last day). */
async function counted(from: string, to: string): Promise<Record<string, number>> {
  const one = async (sql: string) => Number((await db.query<{ n: number }>(`SELECT (${sql}) AS n`, [from, to])).rows[0]!.n);
  // a degree student registered in the year, still enrolled, suspended or graduated at its end (one who left after it still counts)
  const registered = `FROM student_enrolments e JOIN countries c ON c.code = e.country_code
    WHERE e.level IN ('bachelor', 'master', 'doctorate') AND e.enrolled_on BETWEEN $1::date AND $2::date
      AND (e.status IN ('enrolled', 'suspended', 'graduated') OR (e.status IN ('withdrawn', 'transferred') AND e.left_on > $2::date))`;
  const departed = `FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id
    WHERE a.status IN ('departed', 'returned') AND a.departure_date BETWEEN $1::date AND $2::date`;
  return {
    'students.registered': await one(`SELECT count(DISTINCT e.person_id) ${registered}`),
    'students.countries': await one(`SELECT count(DISTINCT e.country_code) ${registered} AND NOT c.is_region`),
    'programme.residencies': await one(`SELECT count(*) FROM residency_placements WHERE status IN ('confirmed', 'completed') AND start_date BETWEEN $1::date AND $2::date`),
    'programme.residencyPlaced': await one(`SELECT count(DISTINCT student_id) FROM residency_placements WHERE status IN ('confirmed', 'completed') AND start_date <= $2::date AND $1::date IS NOT NULL`),
    'exchange.students': await one(`SELECT count(*) ${departed}`),
    'exchange.universities': await one(`SELECT count(DISTINCT o.host_institution_id) ${departed}`),
  };
}

/** The text of each `<section>` of an HTML review by its heading. */
function sectionsOf(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<section>\s*<h2>([^<]*)<\/h2>([\s\S]*?)<\/section>/g)].map((m) => [m[1]!.replace(/&#39;|&#x27;/g, '’'), m[2]!]));
}

/** What is wrong with a review in `lang`: each section missing, or a figure not in its section with `values`' number. */
function problems(html: string, lang: Locale, values: Record<string, number>): string[] {
  const found = sectionsOf(html);
  const out: string[] = [];
  for (const s of SECTIONS) {
    const text = found.get(s.heading[lang]);
    if (text === undefined) {
      out.push(`no section "${s.heading[lang]}"`);
      continue;
    }
    for (const key of s.keys) if (!text.includes(`data-figure="${key}">${formatCount(values[key]!, lang)}<`)) out.push(`${key}: not ${values[key]} in "${s.heading[lang]}"`);
  }
  return out;
}

describe('the year in review on the demo', () => {
  it("gives students, the programme and exchange this year's and last year's figures, each equal to the records counted by SQL, linking to their lists", async () => {
    const review = await computeYearInReview(systemContext(db), { year });
    const byKey = new Map(review.figures.map((f) => [f.key as string, f]));
    const now = await counted(academicYear(year).from, academicYear(year).to);
    const before = await counted(academicYear(year - 1).from, academicYear(year - 1).to);
    for (const key of SECTIONS.flatMap((s) => s.keys)) {
      const f = byKey.get(key);
      expect(f, key).toBeDefined();
      expect([f!.value, f!.previous, f!.change], key).toEqual([now[key], before[key], now[key]! - before[key]!]);
      expect(f!.records, key).not.toBeNull();
    }
    // the demo gives each section something to say that year
    for (const key of ['students.registered', 'programme.residencies', 'programme.residencyPlaced', 'exchange.students', 'exchange.universities']) expect(now[key], key).toBeGreaterThan(0);
    expect(byKey.get('programme.residencyPlaced')!.kind).toBe('state');
    expect(byKey.get('exchange.students')!.kind).toBe('flow');
  }, 120_000);

  it('writes the three sections in English, Chinese and French, in the HTML and the PDF; a review without one of them fails the check', async () => {
    const values = await counted(academicYear(year).from, academicYear(year).to);
    const dir = mkdtempSync(join(tmpdir(), 'year-in-review-'));
    for (const lang of ['en', 'zh', 'fr'] as const) {
      const html = String((await renderYearInReview(systemContext(db), { year, lang, format: 'html' })).body);
      expect(problems(html, lang, values), lang).toEqual([]);
      // the check is not blind: the same page with a section taken out, or a figure changed, fails it
      const dropped = html.replace(/<section>\s*<h2>[^<]*<\/h2>(?:(?!<\/section>)[\s\S])*data-figure="programme\.residencies"[\s\S]*?<\/section>/, '');
      expect(problems(dropped, lang, values), lang).toEqual([`no section "${SECTIONS[1]!.heading[lang]}"`]);
      expect(problems(html, lang, { ...values, 'exchange.students': values['exchange.students']! + 1 }), lang).toHaveLength(1);
      const pdf = (await renderYearInReview(systemContext(db), { year, lang, format: 'pdf' })).body as Buffer;
      writeFileSync(join(dir, `${lang}.pdf`), pdf);
      const text = execFileSync('pdftotext', [join(dir, `${lang}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, lang === 'zh' ? '' : ' ');
      for (const s of SECTIONS) {
        const heading = lang === 'zh' ? s.heading[lang] : s.heading[lang].replace(/\s+/g, ' ');
        expect(text, `${lang}: ${s.heading[lang]}`).toContain(heading);
        for (const key of s.keys) expect(text, `${lang}: ${key}`).toContain(formatCount(values[key]!, lang).replace(/\s+/g, lang === 'zh' ? '' : ' '));
      }
    }
  }, 300_000);
});
