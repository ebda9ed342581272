import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.ts';
import { MOE_FILES, readmeFacts } from '../server/test/moe-tw-data.ts';
import { parseImportOptions } from './import-command.ts';
import { runMoeTwImport } from './import-moe-tw-command.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const files = [MOE_FILES.regular, MOE_FILES.overHigher].map((url) => ({ file: fileURLToPath(url), content: readFileSync(url) }));

describe('interchange import moe-tw', () => {
  it("prints the year's figures as JSON, read back from the database after the commit, equal to the README's facts", async () => {
    const { out, exitCode } = await runMoeTwImport(t.db, { files, format: 'json' });
    expect(exitCode, out).toBe(0);
    const printed = JSON.parse(out);
    const facts = readmeFacts();
    expect(Object.keys(printed)).toEqual(['year', 'foreign', 'overseasChinese', 'hongKong', 'macao']);
    expect(printed).toMatchObject({ year: facts.year, overseasChinese: facts.overseasChinese, hongKong: facts.hongKong, macao: facts.macao });
    expect(printed.foreign).toMatchObject({ students: facts.foreign.students, byLevel: facts.foreign.byLevel, countries: facts.foreign.countries });
    expect(printed.foreign.byCountry.VN).toBe(facts.foreign.vietnam);
    expect(Array.isArray(printed.foreign.unmatched)).toBe(true);
    // What it printed is what the database holds (summed here without the service).
    const { rows } = await t.db.query<{ category: string; n: number }>(`SELECT category, sum(students)::int AS n FROM national_statistics_rows GROUP BY 1 ORDER BY 1`);
    expect(Object.fromEntries(rows.map((r) => [r.category, r.n]))).toEqual({ foreign: printed.foreign.students, hong_kong: printed.hongKong, macao: printed.macao, overseas_chinese: printed.overseasChinese });
  });

  it('imports nothing when one of the files is malformed, naming its line and reason, and exits 1', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM national_statistics_files')).rows[0]!.n;
    const broken = Buffer.from(readFileSync(MOE_FILES.overHigher, 'utf8').replace('學生總計', '學生合計'));
    const { out, exitCode } = await runMoeTwImport(t.db, { files: [files[0]!, { file: '112_over_higher.csv', content: broken }], format: 'text' });
    expect(exitCode).toBe(1);
    expect(out).toContain('line.1.學生總計: is missing from the header row');
    expect(out).toContain('Nothing imported.');
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM national_statistics_files')).rows[0]!.n).toBe(before);
  });

  it('refuses two files of the same kind; an unknown kind names moe-tw among the kinds', async () => {
    const { out, exitCode } = await runMoeTwImport(t.db, { files: [files[0]!, files[0]!], format: 'text' });
    expect(exitCode).toBe(1);
    expect(out).toContain('files: holds two files of the same kind ({regular})');
    expect(parseImportOptions('moe-tw', { onDuplicate: 'skip', format: 'text' })).toMatchObject({ problem: expect.stringContaining('moe-tw') });
  });
});
