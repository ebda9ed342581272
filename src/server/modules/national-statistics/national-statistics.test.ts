import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile, personBody } from '../../test/factories.ts';
import { csvOf, MOE_FILES, readmeFacts, records } from '../../test/moe-tw-data.ts';
import type { MoeTwSummary, NationalComparison } from '../../../shared/contracts/national-statistics.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const facts = readmeFacts();

async function upload(fileName: string, content: Buffer, query = '') {
  const { payload, headers } = multipartFile(fileName, content, 'text/csv');
  return (await t.as('officer')).post(`/api/national-statistics/moe-tw${query}`, payload, headers);
}

/** What the database holds, counted without the service. */
async function stored(): Promise<{ rows: number; files: number; students: number }> {
  const { rows } = await t.db.query<{ rows: number; files: number; students: number }>(
    `SELECT (SELECT count(*)::int FROM national_statistics_rows) AS rows, (SELECT count(*)::int FROM national_statistics_files) AS files,
            (SELECT coalesce(sum(students), 0)::int FROM national_statistics_rows) AS students`,
  );
  return rows[0]!;
}

const regular = () => readFileSync(MOE_FILES.regular);
const overHigher = () => readFileSync(MOE_FILES.overHigher);

/** A refusal: 400, naming each bad line and column with its reason, and nothing more stored than before. */
async function expectRefused(fileName: string, content: Buffer, expected: Array<{ field: string; message: RegExp }>, query = '') {
  const before = await stored();
  const response = await upload(fileName, content, query);
  expect(response.statusCode, response.body).toBe(400);
  const fields = response.json().error.fields as Array<{ field: string; message: string }>;
  for (const e of expected) expect(fields.find((f) => f.field === e.field)?.message, JSON.stringify(fields)).toMatch(e.message);
  expect(await stored()).toEqual(before);
}

describe('the Taiwan Ministry of Education statistics', () => {
  it('refuses malformed copies of the real file, naming the line and the reason, importing nothing', async () => {
    const rows = records(MOE_FILES.regular);
    const header = rows[0]!;
    const total = header.indexOf('學生總計');
    expect(total).toBeGreaterThan(0);
    // A column dropped: the header is line 1.
    await expectRefused('112_regular.csv', Buffer.from(csvOf(rows.map((r) => r.filter((_, i) => i !== total)), { bom: true })), [{ field: 'line.1.學生總計', message: /missing from the header row/ }]);
    // "abc" in a count, on the spreadsheet's line 100 (record 99 after the header).
    const abc = rows.map((r, i) => (i === 99 ? r.map((c, j) => (j === total ? 'abc' : c)) : r));
    await expectRefused('112_regular.csv', Buffer.from(csvOf(abc)), [{ field: 'line.100.學生總計', message: /not a number of students: \{abc\}/ }]);
    // The same text in Big5 and in UTF-16: not UTF-8 as the ministry publishes, from the header on.
    const text = readFileSync(MOE_FILES.regular, 'utf8');
    await expectRefused('112_regular.csv', iconv.encode(text.replace(/^\uFEFF/, ''), 'big5'), [{ field: 'line.1', message: /is not UTF-8/ }]);
    await expectRefused('112_regular.csv', iconv.encode(text.replace(/^\uFEFF/, ''), 'utf-16le', { addBOM: true }), [{ field: 'line.1', message: /is not UTF-8.*utf-16le/ }]);
    // UTF-8 with one line saved in Big5: that line is named.
    const lines = text.split('\n');
    const mixed = Buffer.concat([Buffer.from(lines.slice(0, 10).join('\n') + '\n'), iconv.encode(lines[10]! + '\n', 'big5'), Buffer.from(lines.slice(11).join('\n'))]);
    await expectRefused('112_regular.csv', mixed, [{ field: 'line.11', message: /is not UTF-8 as the rest of the file/ }]);
    expect((await stored()).rows).toBe(0);
  });

  it("imports the year's two files and stores the ministry's totals, foreign students apart from overseas-Chinese, Hong Kong and Macao students", async () => {
    const first = await upload('112_regular.csv', regular());
    expect(first.statusCode, first.body).toBe(201);
    const second = await upload('112_over_higher.csv', overHigher());
    expect(second.statusCode, second.body).toBe(201);
    const summary = second.json().summary as MoeTwSummary;
    expect(summary.year).toBe(facts.year);
    expect(summary.foreign).toMatchObject({ students: facts.foreign.students, byLevel: facts.foreign.byLevel, countries: facts.foreign.countries });
    expect(summary.foreign.byCountry.VN).toBe(facts.foreign.vietnam);
    expect({ overseasChinese: summary.overseasChinese, hongKong: summary.hongKong, macao: summary.macao }).toEqual({ overseasChinese: facts.overseasChinese, hongKong: facts.hongKong, macao: facts.macao });
    // Regions are never countries; a name not matched is kept, its students stored.
    for (const region of ['HK', 'MO', 'TW']) expect(summary.foreign.byCountry[region]).toBeUndefined();
    const unmatched = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM national_statistics_rows WHERE country_code IS NULL AND moe_country_name = ANY ($1)`, [summary.foreign.unmatched]);
    expect(unmatched.rows[0]!.n).toBeGreaterThan(0);
    const matched = Object.values(summary.foreign.byCountry).reduce((a, b) => a + b, 0);
    const { rows: lost } = await t.db.query<{ n: number }>(`SELECT coalesce(sum(students), 0)::int AS n FROM national_statistics_rows WHERE category = 'foreign' AND country_code IS NULL`);
    expect(matched + lost[0]!.n).toBe(facts.foreign.students);
    // Provenance: each file's name, sha256 and who imported it.
    const files = (await (await t.as('viewer')).get('/api/national-statistics')).json().items[0].files as Array<{ fileName: string; sha256: string; importedBy: string; fileKind: string }>;
    expect(files.map((f) => [f.fileKind, f.fileName])).toEqual([['over_higher', '112_over_higher.csv'], ['regular', '112_regular.csv']]);
    expect(files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.importedBy === emailOf('officer'))).toBe(true);
  });

  it('reads the file without its byte-order mark, and the other with one, to the same figures; re-importing replaces the year (audited)', async () => {
    const before = await stored();
    const noBom = await upload('112_regular.csv', Buffer.from(readFileSync(MOE_FILES.regular, 'utf8').replace(/^\uFEFF/, '')));
    expect(noBom.statusCode, noBom.body).toBe(201);
    const withBom = await upload('112_over_higher.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), overHigher()]));
    expect(withBom.statusCode, withBom.body).toBe(201);
    expect(await stored()).toEqual(before);
    const summary = withBom.json().summary as MoeTwSummary;
    expect(summary.foreign.students).toBe(facts.foreign.students);
    expect(summary.overseasChinese).toBe(facts.overseasChinese);
    const audit = await t.db.query<{ action: string; n: number }>(`SELECT action, count(*)::int AS n FROM audit_log WHERE entity = 'national_statistics' GROUP BY action ORDER BY action`);
    expect(audit.rows).toEqual([{ action: 'create', n: 2 }, { action: 'update', n: 2 }]);
  });

  it("puts the office's counted students beside the nation's, by country and level, within the caller's reach", async () => {
    const officer = await t.as('officer');
    const enrol = async (nationality: string, unitId: number, level: string) => {
      const personId = (await officer.post('/api/people', personBody({ nationality, unitId }))).json().id as number;
      const row = (await officer.post('/api/students', { personId, unitId, level, programmeEn: `Programme ${level}`, admittedOn: '2023-07-01' })).json();
      const step = await officer.post(`/api/students/${row.id}/transitions`, { to: 'enrolled', on: '2023-09-01', version: row.version });
      expect(step.statusCode, step.body).toBe(200);
    };
    await enrol('VN', t.units.a, 'bachelor');
    await enrol('VN', t.units.b, 'master');
    await enrol('HK', t.units.b, 'doctorate');
    const comparison = async (role: 'officer' | 'coordinatorA') => {
      const response = await (await t.as(role)).get(`/api/national-statistics/comparison?year=${facts.year}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as NationalComparison;
    };
    const office = await comparison('officer');
    const vn = office.rows.find((r) => r.countryCode === 'VN')!;
    expect(vn.national.total).toBe(facts.foreign.vietnam);
    expect(vn.office).toMatchObject({ bachelor: 1, master: 1, total: 2 });
    expect(vn.share).toBeCloseTo(2 / facts.foreign.vietnam, 10);
    const hk = office.rows.find((r) => r.countryCode === 'HK')!;
    expect(hk).toMatchObject({ isRegion: true, office: { doctorate: 1, total: 1 } });
    expect(hk.national.total).toBe(facts.hongKong);
    expect(office.totals.national.total).toBe(office.rows.reduce((sum, r) => sum + r.national.total, 0));
    expect(office.totals.office.total).toBe(3);
    // A coordinator sees their unit's students only, beside the same national figures.
    const unitA = await comparison('coordinatorA');
    expect(unitA.rows.find((r) => r.countryCode === 'VN')!.office).toMatchObject({ bachelor: 1, master: 0, total: 1 });
    expect(unitA.totals.office.total).toBe(1);
    expect(unitA.totals.national).toEqual(office.totals.national);
  });

  it('answers 404 for a year not imported, and refuses a coordinator the upload', async () => {
    expect((await (await t.as('officer')).get('/api/national-statistics/comparison?year=111')).statusCode).toBe(404);
    const { payload, headers } = multipartFile('112_regular.csv', regular(), 'text/csv');
    expect((await (await t.as('coordinatorA')).post('/api/national-statistics/moe-tw', payload, headers)).statusCode).toBe(403);
  });
});
