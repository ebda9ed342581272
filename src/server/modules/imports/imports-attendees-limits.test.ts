import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { conferenceBody, multipartFile } from '../../test/factories.ts';
import { inlineCell, workbook } from '../../test/hostile-xlsx.ts';

// Issue 15, finding 1, through the attendees' import (the general one, issue 11): a workbook over one of the reader's limits is
// refused with 413 and a code naming the limit, in the caller's language, quickly, and
// writes nothing (the list, the ledger and the conference's version stay as they were).

let t: TestServer;
let conference: { id: number; version: number };
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  let row = (await officer.post('/api/conferences', conferenceBody(t.units.a, { foreignParticipants: 7 }))).json();
  for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]) row = (await officer.post(`/api/conferences/${row.id}/transitions`, { ...step, version: row.version })).json();
  conference = { id: row.id, version: row.version };
});
afterAll(async () => t?.close());

async function upload(content: Buffer, language = 'en', name = 'list.xlsx') {
  const { payload, headers } = multipartFile(name, content);
  const cpu = process.cpuUsage();
  const started = Date.now();
  const response = await (await t.as('coordinatorA')).post(`/api/imports/attendees/commit?conference=${conference.id}`, payload, { ...headers, 'accept-language': language });
  const used = process.cpuUsage(cpu);
  return { status: response.statusCode, error: response.json().error as { code: string; message: string }, ms: Date.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function unchanged() {
  const { rows } = await t.db.query<{ version: number; attendees: number; ledger: number }>(
    `SELECT version, (SELECT count(*)::int FROM conference_attendees WHERE conference_id = $1) AS attendees,
            (SELECT coalesce(sum(count), 0)::int FROM ledger WHERE source_module = 'conference' AND source_id = $1) AS ledger
       FROM conferences WHERE id = $1`,
    [conference.id],
  );
  expect(rows[0]).toEqual({ version: conference.version, attendees: 0, ledger: 7 });
}

const header = { text: `<row r="1">${inlineCell('Name', 'A1')}</row>` };

describe('an attendee list beyond the spreadsheet limits', () => {
  it('2,000 shared strings of 1 MB in a 2 MB file: 413 spreadsheet_inflated_too_large at once, in en, zh and fr; nothing written', async () => {
    const file = workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'a'.repeat(MB)}</t></si>`, times: 2_000 }] });
    const answers = { en: await upload(file, 'en'), zh: await upload(file, 'zh'), fr: await upload(file, 'fr') };
    for (const answer of Object.values(answers)) {
      expect([answer.status, answer.error.code]).toEqual([413, 'spreadsheet_inflated_too_large']);
      expect(answer.ms).toBeLessThan(2_000);
    }
    expect(answers.en.error.message).toContain('file: unpacks to more than 64 MB');
    expect(answers.zh.error.message).toContain('file: 解压后超过 64 MB');
    expect(answers.fr.error.message).toContain('file: dépasse 64 Mo une fois décompressé');
    await unchanged();
  });

  it('a part whose header understates its size: 400 (a damaged file) as soon as it inflates past it', async () => {
    const file = workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'a'.repeat(MB)}</t></si>`, times: 2_000 }], sharedStringsDeclared: 1_000 });
    const answer = await upload(file);
    expect([answer.status, answer.error.code, answer.error.message]).toEqual([400, 'validation_failed', 'Some fields are not valid. file: could not be read as an xlsx workbook']);
    await unchanged();
  });

  it('5 million blank rows in a 0.1 MB file: 413 spreadsheet_too_many_rows within a couple of seconds of CPU, blank rows counted before they are skipped', async () => {
    const file = workbook({ rows: [header, { text: '<row/>'.repeat(10_000), times: 500 }] });
    const answer = await upload(file);
    expect([answer.status, answer.error.code]).toEqual([413, 'spreadsheet_too_many_rows']);
    expect(answer.error.message).toBe('The spreadsheet is beyond what one import reads. file: has more than 100,000 rows (blank rows count)');
    expect(answer.cpuMs).toBeLessThan(2_000);
    await unchanged();
  });

  it('200,000 columns, in an xlsx and in a CSV: 413 spreadsheet_too_many_columns', async () => {
    const xlsx = workbook({ rows: [{ text: '<row r="1">' }, { text: '<c><v>1</v></c>'.repeat(1_000), times: 200 }, { text: '</row>' }] });
    expect([(await upload(xlsx)).status, (await upload(xlsx)).error.code]).toEqual([413, 'spreadsheet_too_many_columns']);
    const csv = Buffer.from(`Name${',x'.repeat(200_000)}\nAnn Lee\n`);
    const answer = await upload(csv, 'en', 'list.csv');
    expect([answer.status, answer.error.code]).toEqual([413, 'spreadsheet_too_many_columns']);
    await unchanged();
  });

  it('more than 100,000 shared strings, a text over 32,767 characters, a million and one cells: 413 naming each', async () => {
    const count = workbook({ rows: [header], sharedStrings: [{ text: '<si><t>x</t></si>'.repeat(1_000), times: 101 }] });
    expect((await upload(count)).error.code).toBe('spreadsheet_too_many_shared_strings');
    const long = workbook({ rows: [{ text: `<row r="1">${inlineCell('n'.repeat(40_000), 'A1')}</row>` }] });
    expect((await upload(long)).error.code).toBe('spreadsheet_text_too_long');
    const cells = workbook({ rows: [{ text: `<row>${'<c/>'.repeat(1_000)}</row>`, times: 1_001 }] });
    expect((await upload(cells)).error.code).toBe('spreadsheet_too_many_cells');
    await unchanged();
  });
});
