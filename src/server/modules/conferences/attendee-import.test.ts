import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { conferenceBody, institutionBody, multipartFile } from '../../test/factories.ts';

let t: TestServer;
let lyon: number;
beforeAll(async () => {
  t = await startTestServer();
  lyon = (await (await t.as('officer')).post('/api/institutions', institutionBody({ nameEn: 'Université Lyon 1', countryCode: 'FR' }))).json().id;
});
afterAll(async () => t?.close());

/** A held conference of unit A. */
async function heldConference() {
  const officer = await t.as('officer');
  let row = (await officer.post('/api/conferences', conferenceBody(t.units.a, { foreignParticipants: 40 }))).json();
  for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]) row = (await officer.post(`/api/conferences/${row.id}/transitions`, { ...step, version: row.version })).json();
  return row as { id: number; version: number };
}

async function xlsx(rows: Array<Array<string | number | null>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('参会名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(id: number, version: number, fileName: string, content: Buffer, role: 'officer' | 'coordinatorA' | 'coordinatorB' = 'officer') {
  const { payload, headers } = multipartFile(fileName, content);
  return (await t.as(role)).post(`/api/conferences/${id}/attendees/import?version=${version}`, payload, { ...headers, 'accept-language': 'en' });
}

async function ledgerOf(id: number) {
  const { rows } = await t.db.query<{ count: number; country_code: string | null; institution_id: number | null }>(
    `SELECT count, country_code, institution_id FROM ledger WHERE source_module = 'conference' AND source_id = $1 ORDER BY country_code NULLS LAST, institution_id NULLS LAST`,
    [id],
  );
  return rows;
}

const GOOD = [
  ['姓名', '国家/地区', '单位', '角色'],
  ['Marie Curie', 'France', 'Université Lyon 1', '发言人'],
  ['山田太郎', '日本', '東京大学', '参会者'],
  ['John Smith', 'us', 'Harvard University', 'participant'],
  ['李明', '中国', '复旦大学', null],
  [null, null, null, null],
  ['Hans Müller', 'DEU', null, 'Organizer'],
  ['Émile Zola', 'Royaume-Uni', 'université lyon 1', null],
];

describe('importing an attendee list', () => {
  it('replaces the list from an xlsx with Chinese headers (200): countries by code or name in any language, institutions linked by exact name; the ledger follows', async () => {
    const row = await heldConference();
    expect(await ledgerOf(row.id)).toEqual([{ count: 40, country_code: null, institution_id: null }]);
    const response = await upload(row.id, row.version, '名单.xlsx', await xlsx(GOOD));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ attendees: 6, foreign: 5, countries: 6, conference: { attendeeCount: 6, version: row.version + 1 } });
    const list = (await (await t.as('officer')).get(`/api/conferences/${row.id}/attendees`)).json();
    expect(list.map((a: { fullName: string; countryCode: string; role: string; isForeign: boolean; institutionId: number | null }) => [a.fullName, a.countryCode, a.role, a.isForeign, a.institutionId])).toEqual([
      ['Marie Curie', 'FR', 'speaker', true, lyon],
      ['山田太郎', 'JP', 'participant', true, null],
      ['John Smith', 'US', 'participant', true, null],
      ['李明', 'CN', 'participant', false, null],
      ['Hans Müller', 'DE', 'organizer', true, null],
      ['Émile Zola', 'GB', 'participant', true, lyon],
    ]);
    expect(await ledgerOf(row.id)).toEqual([
      { count: 1, country_code: 'DE', institution_id: null },
      { count: 1, country_code: 'FR', institution_id: lyon },
      { count: 1, country_code: 'GB', institution_id: lyon },
      { count: 1, country_code: 'JP', institution_id: null },
      { count: 1, country_code: 'US', institution_id: null },
    ]);
    const { rows: audit } = await t.db.query(`SELECT after->'imported'->>'fileName' AS file, jsonb_array_length(after->'attendees') AS n, unit_id FROM audit_log WHERE entity = 'conference' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(row.id)]);
    expect(audit).toEqual([{ file: '名单.xlsx', n: 6, unit_id: t.units.a }]);

    // A second good file replaces the first: nothing of it is left, in the list or the ledger.
    const again = await upload(row.id, row.version + 1, 'v2.xlsx', await xlsx([['Name', 'Country'], ['Ann Lee', 'Singapore']]));
    expect(again.statusCode).toBe(200);
    expect((await (await t.as('officer')).get(`/api/conferences/${row.id}/attendees`)).json().map((a: { fullName: string }) => a.fullName)).toEqual(['Ann Lee']);
    expect(await ledgerOf(row.id)).toEqual([{ count: 1, country_code: 'SG', institution_id: null }]);
  });

  it('refuses a file with bad rows (400 naming rows.<row>.<column>, the row as the spreadsheet numbers it) and writes nothing', async () => {
    const row = await heldConference();
    const before = await ledgerOf(row.id);
    const bad = [...GOOD, ['Nemo', 'Atlantis', null, null], [null, 'FR', 'Somewhere', 'keynote'], ['Zed', 'FR', null, 'emperor']];
    const response = await upload(row.id, row.version, 'bad.xlsx', await xlsx(bad));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'rows.9.country', message: 'rows.9.country: is not a country or region we know (give its ISO code, or its name in English, Chinese or French)' },
      { field: 'rows.10.name', message: 'rows.10.name: is required' },
      { field: 'rows.11.role', message: 'rows.11.role: is not a role we know (speaker, participant, organizer, other)' },
    ]);
    expect((await (await t.as('officer')).get(`/api/conferences/${row.id}/attendees`)).json()).toEqual([]);
    expect(await ledgerOf(row.id)).toEqual(before);
    expect((await (await t.as('officer')).get(`/api/conferences/${row.id}`)).json().version).toBe(row.version);
  });

  it('reads CSV as Excel writes it: GB18030 with semicolons, quoted fields with separators and line breaks', async () => {
    const row = await heldConference();
    const text = '姓名;国家;工作单位;身份\r\n"Dupont; Jean";法国;"Hopital\r\nNecker";报告人\r\n王芳;香港;香港大学;\r\n';
    const encoded = encodeGb18030(text);
    const response = await upload(row.id, row.version, 'list.csv', encoded);
    expect(response.statusCode, response.body).toBe(200);
    const list = (await (await t.as('officer')).get(`/api/conferences/${row.id}/attendees`)).json();
    expect(list.map((a: { fullName: string; countryCode: string; institutionName: string; role: string }) => [a.fullName, a.countryCode, a.institutionName, a.role])).toEqual([
      ['Dupont; Jean', 'FR', 'Hopital\r\nNecker', 'speaker'],
      ['王芳', 'HK', '香港大学', 'participant'],
    ]);
    const utf8 = await upload(row.id, row.version + 1, 'list.csv', Buffer.from('\uFEFFname,country\nA. Person,Suisse\n'));
    expect(utf8.statusCode, utf8.body).toBe(200);
    expect(await ledgerOf(row.id)).toEqual([{ count: 1, country_code: 'CH', institution_id: null }]);
  });

  it('refuses what is not an attendee list: another type of file, no name column, no rows, too many rows, too large', async () => {
    const row = await heldConference();
    const field = async (response: Awaited<ReturnType<typeof upload>>) => {
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message.split(': ')[1]}`);
    };
    expect(await field(await upload(row.id, row.version, 'x.pdf', Buffer.from('%PDF-1.4\n\u0000\u0001')))).toEqual(['file: must be a spreadsheet (xlsx or CSV)']);
    expect(await field(await upload(row.id, row.version, 'x.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])))).toEqual([
      'file: could not be read as an xlsx workbook',
    ]);
    expect(await field(await upload(row.id, row.version, 'x.csv', Buffer.from('country,role\nFR,speaker\n')))).toEqual(['columns.name: is missing from the header row']);
    expect(await field(await upload(row.id, row.version, 'x.csv', Buffer.from('name,country\n,,\n')))).toEqual(['file: has no attendee rows below its header']);
    const many = `name,country\n${'Someone,FR\n'.repeat(20_001)}`;
    expect(await field(await upload(row.id, row.version, 'x.csv', Buffer.from(many)))).toEqual(['file: has more than 20,000 rows']);
    const huge = await upload(row.id, row.version, 'x.csv', Buffer.alloc(10 * 1024 * 1024 + 10, 'a'));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'payload_too_large', fields: [{ field: 'file', message: 'file: is larger than 10 MB' }] });
    const officer = await t.as('officer');
    const noFile = await officer.post(`/api/conferences/${row.id}/attendees/import?version=${row.version}`, {});
    expect(noFile.statusCode).toBe(400);
    expect((await officer.get(`/api/conferences/${row.id}`)).json()).toMatchObject({ version: row.version, attendeeCount: 0 });
  });

  it('takes 20,000 attendees in one go', async () => {
    const row = await heldConference();
    const countries = ['FR', 'US', 'JP', 'DE', 'CN'];
    const rows: Array<Array<string>> = [['Name', 'Country', 'Institution']];
    for (let i = 0; i < 20_000; i += 1) rows.push([`Attendee ${i}`, countries[i % 5]!, `Institute ${i % 50}`]);
    const started = Date.now();
    const response = await upload(row.id, row.version, 'big.xlsx', await xlsx(rows));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ attendees: 20_000, foreign: 16_000, countries: 5 });
    const total = (await t.db.query<{ n: number }>(`SELECT sum(count)::int AS n FROM ledger WHERE source_module = 'conference' AND source_id = $1`, [row.id])).rows[0]!.n;
    expect(total).toBe(16_000);
    expect(Date.now() - started).toBeLessThan(45_000);
  });

  it('is all within a coordinator\u2019s reach only (404 for another unit\u2019s conference) and at the current version (409)', async () => {
    const row = await heldConference();
    const file = await xlsx(GOOD);
    expect((await upload(row.id, row.version, 'x.xlsx', file, 'coordinatorB')).statusCode).toBe(404);
    expect((await upload(row.id, row.version - 1, 'x.xlsx', file, 'coordinatorA')).statusCode).toBe(409);
    expect((await upload(row.id, row.version, 'x.xlsx', file, 'coordinatorA')).statusCode).toBe(200);
  });
});

/** GB18030 bytes for `text` (Node has no GB18030 encoder): found by searching the decoder's two-byte codes. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) > 0x7f));
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) <= 0x7f) bytes.push(ch.charCodeAt(0));
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no GB18030 two-byte code for ${ch}`);
  }
  return Buffer.from(bytes);
}
