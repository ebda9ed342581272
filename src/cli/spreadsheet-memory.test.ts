import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../server/test/serve-process.ts';
import { freshServeDatabase } from '../server/test/test-database.ts';
import { conferenceBody, multipartFile } from '../server/test/factories.ts';
import { inlineCell, workbook } from '../server/test/hostile-xlsx.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { createUnit } from '../server/modules/units/units.service.ts';
import { createUser } from '../server/modules/users/users.service.ts';
import { UnitInput } from '../shared/contracts/units.ts';
import { UserInput } from '../shared/contracts/users.ts';

// Issue 15, finding 1, on a real `interchange serve`: the hostile workbooks that took the
// server from 377 MB to 2 GB, or out of memory, or through 30 s of CPU, are refused within
// seconds, and the server's resident memory stays within the budget ARCHITECTURE.md states
// ("Spreadsheet imports") through all of them. Peak memory is the kernel's own high-water
// mark (VmHWM), reset after a warm-up import, so nothing between two samples escapes.

/**
 * What an import may add to the server's resident memory (ARCHITECTURE.md, "Spreadsheet imports"), the
 * largest attendee list (20,000 rows) included: its commit writes the rows as it reads them, keeping none.
 */
const IMPORT_BUDGET_MB = 200;
const EMAIL = 'officer@spreadsheets.test';
const PASSWORD = 'spreadsheet test passphrase';
const MB = 1024 * 1024;

let dataDir = '';
let dropDatabase = async (): Promise<void> => undefined;
let unitId = 0;
let server: ServeProcess | null = null;
let session = { cookie: '', csrf: '' };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'interchange-spreadsheets-'));
  const database = await freshServeDatabase(dataDir, async (db) => {
    unitId = (await createUnit(systemContext(db), { input: parseOrThrow(UnitInput, { code: 'XLS', kind: 'university', nameEn: 'Spreadsheet University', nameZh: '表格大学' }) })).id;
    await createUser(systemContext(db), { input: parseOrThrow(UserInput, { email: EMAIL, displayName: 'Officer', role: 'officer', unitId: null, password: PASSWORD }) });
  });
  dropDatabase = database.drop;
  server = await startServeProcess({ ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: database.databaseUrl, INTERCHANGE_SECRET: 'spreadsheet-secret', INTERCHANGE_DEMO: '0' });
  const response = await fetch(`${server.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  session = { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase();
});

async function call(method: string, url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${server!.base}${url}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'accept-language': 'en', ...headers },
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { version: number; id: number; error?: { code: string } } };
}

/** CPU seconds the server has used (user + system, Linux /proc, 100 ticks a second). */
function cpuSeconds(): number {
  const fields = readFileSync(`/proc/${server!.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The server's resident memory now and at its peak since the last reset, in MB (Linux /proc). */
function memory(): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${server!.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function upload(conference: { id: number; version: number }, content: Buffer) {
  const { payload, headers } = multipartFile('list.xlsx', content);
  const started = Date.now();
  const answer = await call('POST', `/api/imports/attendees/commit?conference=${conference.id}`, payload, headers);
  return { status: answer.status, code: answer.body.error?.code, body: answer.body, ms: Date.now() - started };
}

async function attendeeList(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('list');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('hostile spreadsheets against a running server', () => {
  it('refuses each within seconds, writes nothing, and the server stays within its import memory budget', async () => {
    let conference = await call('POST', '/api/conferences', conferenceBody(unitId, { foreignParticipants: 3 }));
    expect(conference.status).toBe(201);
    for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]) conference = await call('POST', `/api/conferences/${conference.body.id}/transitions`, { ...step, version: conference.body.version });
    const held = { id: conference.body.id, version: conference.body.version };

    // A warm-up import, so that what every first import loads is in the baseline.
    const warmUp = await upload(held, await attendeeList([['Name', 'Country'], ['Marie Curie', 'FR']]));
    expect(warmUp.status, JSON.stringify(warmUp.body)).toBe(201);
    const current = { id: held.id, version: held.version + 1 };
    const before = memory();
    writeFileSync(`/proc/${server!.pid}/clear_refs`, '5');

    const header = { text: `<row r="1">${inlineCell('Name', 'A1')}</row>` };
    const hostile: Array<[name: string, file: Buffer, status: number, code: string]> = [
      ['2,000 shared strings of 1 MB (2 GB inflated)', workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'a'.repeat(MB)}</t></si>`, times: 2_000 }] }), 413, 'spreadsheet_inflated_too_large'],
      ['the same, its header declaring 1 kB', workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'a'.repeat(MB)}</t></si>`, times: 2_000 }], sharedStringsDeclared: 1_000 }), 400, 'validation_failed'],
      ['15 MB of shared strings, just within their limit, and a text of 10 MB', workbook({ rows: [{ text: `<row r="1">${inlineCell('d'.repeat(10 * MB), 'A1')}</row>` }], sharedStrings: [{ text: `<si><t>${'s'.repeat(1_000)}</t></si>`.repeat(1_000), times: 15 }] }), 413, 'spreadsheet_text_too_long'],
      ['5 million blank rows', workbook({ rows: [header, { text: '<row/>'.repeat(10_000), times: 500 }] }), 413, 'spreadsheet_too_many_rows'],
      ['200,000 columns', workbook({ rows: [{ text: '<row r="1">' }, { text: '<c><v>1</v></c>'.repeat(1_000), times: 200 }, { text: '</row>' }] }), 413, 'spreadsheet_too_many_columns'],
    ];
    const figures: string[] = [];
    for (const [name, file, status, code] of hostile) {
      const cpu = cpuSeconds();
      const answer = await upload(current, file);
      const spent = cpuSeconds() - cpu;
      figures.push(`${name}: ${(file.length / MB).toFixed(1)} MB file, ${answer.status} ${answer.code} in ${answer.ms} ms (${spent.toFixed(2)} s of server CPU), peak RSS ${memory().peak} MB`);
      expect(spent, name).toBeLessThan(2);
      expect([answer.status, answer.code], `${name}: ${JSON.stringify(answer.body)}`).toEqual([status, code]);
      expect(answer.ms, name).toBeLessThan(5_000);
    }
    const after = memory();
    console.log(`server RSS ${before.rss} MB before, peak ${after.peak} MB, ${after.rss} MB after\n  ${figures.join('\n  ')}`);
    expect(after.peak - before.rss).toBeLessThan(IMPORT_BUDGET_MB);

    // Nothing was written by the refused files: the list was still at the warm-up's version.
    // A list of 20,000 attendees, the most an import takes, within the same budget.
    const most = await upload(current, await attendeeList([['Name', 'Country', 'Institution'], ...Array.from({ length: 20_000 }, (_, i) => [`Attendee ${i}`, 'FR', `Université ${i % 300}`])]));
    expect(most.status, JSON.stringify(most.body)).toBe(201);
    console.log(`20,000 attendees imported in ${most.ms} ms, peak RSS ${memory().peak} MB, ${memory().rss} MB after`);
    expect(memory().peak - before.rss).toBeLessThan(IMPORT_BUDGET_MB);
    current.version += 1;

    // An import adds to the list: the warm-up's attendee and the 20,000.
    const list = await fetch(`${server!.base}/api/conferences/${held.id}/attendees`, { headers: { cookie: session.cookie } });
    expect(((await list.json()) as Array<{ fullName: string }>)).toHaveLength(20_001);
    expect((await upload(current, await attendeeList([['Name'], ['Ann Lee']]))).status).toBe(201);
  });
});
