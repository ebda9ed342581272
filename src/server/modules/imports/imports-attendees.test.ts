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

type Role = 'officer' | 'coordinatorA' | 'coordinatorB';

/** A file of attendees through the general import (issue 11), for conference `id`: its preview or its commit. */
async function send(step: 'preview' | 'commit', id: number, fileName: string, content: Buffer, role: Role = 'officer', extra = '', language = 'en') {
  const { payload, headers } = multipartFile(fileName, content);
  return (await t.as(role)).post(`/api/imports/attendees/${step}?conference=${id}${extra}`, payload, { ...headers, 'accept-language': language });
}
const upload = (id: number, fileName: string, content: Buffer, role: Role = 'officer') => send('commit', id, fileName, content, role);

async function listOf(id: number) {
  return (await (await t.as('officer')).get(`/api/conferences/${id}/attendees`)).json() as Array<{ id: number; fullName: string; countryCode: string | null; institutionName: string | null; institutionId: number | null; role: string; isForeign: boolean }>;
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

describe('importing a conference’s attendees (the `attendees` kind of import)', () => {
  it('adds an xlsx with Chinese headers to the conference (201): countries by code or name in any language, roles as written, institutions linked; the ledger and the conference follow', async () => {
    const row = await heldConference();
    expect(await ledgerOf(row.id)).toEqual([{ count: 40, country_code: null, institution_id: null }]);
    const preview = await send('preview', row.id, '名单.xlsx', await xlsx(GOOD));
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().counts).toEqual({ new: 6, update: 0, duplicate: 0, error: 0 });
    expect(preview.json().headers.map((h: { field: string | null }) => h.field)).toEqual(['fullName', 'countryCode', 'institutionName', 'role']);
    // Nothing is written by a preview.
    expect(await listOf(row.id)).toEqual([]);
    const response = await upload(row.id, '名单.xlsx', await xlsx(GOOD));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ created: 6, updated: 0, skipped: 0 });
    expect(response.json().records.every((r: { entity: string }) => r.entity === 'conference_attendee')).toBe(true);
    expect((await listOf(row.id)).map((a) => [a.fullName, a.countryCode, a.role, a.isForeign, a.institutionId])).toEqual([
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
    const conference = (await (await t.as('officer')).get(`/api/conferences/${row.id}`)).json();
    expect(conference).toMatchObject({ attendeeCount: 6, foreignAttendeeCount: 5, attendeeCountries: 6 });
    expect(conference.version).toBeGreaterThan(row.version);
    // Each attendee audited as one typed in, and the import itself naming the file.
    const { rows: audit } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'conference_attendee' AND action = 'create' AND (after->>'conferenceId')::bigint = $1`, [row.id]);
    expect(audit[0]!.n).toBe(6);
    const { rows: imported } = await t.db.query(`SELECT after->>'fileName' AS file, unit_id FROM audit_log WHERE entity = 'conference_import' AND entity_id = $1`, [String(response.json().importId)]);
    expect(imported).toEqual([{ file: '名单.xlsx', unit_id: null }]);

    // The same file again: every row is an attendee already there (same name, same institution), nothing doubled.
    const again = await send('preview', row.id, 'v2.xlsx', await xlsx(GOOD));
    expect(again.json().counts).toEqual({ new: 0, update: 6, duplicate: 0, error: 0 });
    const twice = await upload(row.id, 'v2.xlsx', await xlsx(GOOD));
    expect(twice.json()).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(await listOf(row.id)).toHaveLength(6);
  });

  it('tells an attendee on the list from a new one by name however written: same institution updates, another institution is a possible duplicate', async () => {
    const row = await heldConference();
    const officer = await t.as('officer');
    const added = await officer.post(`/api/conferences/${row.id}/attendees`, { fullName: '王振义', institutionName: 'Université Lyon 1', countryCode: 'CN', version: row.version });
    expect(added.statusCode, added.body).toBe(201);
    const file = await xlsx([['Name', 'Institution', 'Role'], ['Wang Zhenyi', 'Université Lyon 1', 'speaker'], ['WANG Zhen-yi', 'Fudan University', null], ['Ann Lee', null, null], ['Ann Lee', null, null]]);
    const preview = (await send('preview', row.id, 'x.xlsx', file)).json();
    expect(preview.rows.map((r: { class: string }) => r.class)).toEqual(['update', 'duplicate', 'new', 'duplicate']);
    expect(preview.rows[0].matches).toEqual([{ id: added.json().id, label: '王振义 (Université Lyon 1)', reason: 'same_name' }]);
    expect(preview.rows[3].matches).toEqual([{ row: 4, label: '#4', reason: 'same_row_in_file' }]);
    const done = await upload(row.id, 'x.xlsx', file);
    expect(done.statusCode, done.body).toBe(201);
    // The update wrote the role; the duplicates were skipped (the default); Ann Lee once.
    expect(done.json()).toMatchObject({ created: 1, updated: 1, skipped: 2 });
    expect((await listOf(row.id)).map((a) => [a.fullName, a.role])).toEqual([['王振义', 'speaker'], ['Ann Lee', 'participant']]);
  });

  it('refuses a file with bad rows (400 naming rows.<row>.<column>, the row as the spreadsheet numbers it) and writes nothing', async () => {
    const row = await heldConference();
    const before = await ledgerOf(row.id);
    const bad = [...GOOD, ['Nemo', 'Atlantis', null, null], [null, 'FR', 'Somewhere', 'keynote'], ['Zed', 'FR', null, 'emperor']];
    const preview = (await send('preview', row.id, 'bad.xlsx', await xlsx(bad))).json();
    expect(preview.counts).toMatchObject({ new: 6, error: 3 });
    const response = await upload(row.id, 'bad.xlsx', await xlsx(bad));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'rows.9.国家/地区', message: 'rows.9.国家/地区: is not a country or region we know (give its ISO code, or its name in English, Chinese or French)' },
      { field: 'rows.10.姓名', message: 'rows.10.姓名: is required' },
      { field: 'rows.11.角色', message: expect.stringMatching(/^rows\.11\.角色: /) },
    ]);
    expect(await listOf(row.id)).toEqual([]);
    expect(await ledgerOf(row.id)).toEqual(before);
    expect((await (await t.as('officer')).get(`/api/conferences/${row.id}`)).json().version).toBe(row.version);
  });

  it('reads CSV as Excel writes it: GB18030 with semicolons, quoted fields with separators and line breaks; UTF-8 with a BOM', async () => {
    const row = await heldConference();
    const text = '姓名;国家;工作单位;身份\r\n"Dupont; Jean";法国;"Hopital\r\nNecker";报告人\r\n王芳;香港;香港大学;\r\n';
    const encoded = encodeGb18030(text);
    const preview = (await send('preview', row.id, 'list.csv', encoded)).json();
    expect(preview.encoding).toBe('gb18030');
    // A line break inside quotes is read as the cell's, and then refused as a typed institution would be: nothing written.
    expect(preview.rows[0].values.institutionName).toBe('Hopital\r\nNecker');
    expect(preview.counts).toMatchObject({ new: 1, error: 1 });
    const refused = await upload(row.id, 'list.csv', encoded);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.2.工作单位']);
    expect(await listOf(row.id)).toEqual([]);
    const response = await upload(row.id, 'list.csv', encodeGb18030(text.replace('Hopital\r\nNecker', 'Hopital Necker')));
    expect(response.statusCode, response.body).toBe(201);
    expect((await listOf(row.id)).map((a) => [a.fullName, a.countryCode, a.institutionName, a.role])).toEqual([
      ['Dupont; Jean', 'FR', 'Hopital Necker', 'speaker'],
      ['王芳', 'HK', '香港大学', 'participant'],
    ]);
    const other = await heldConference();
    const utf8 = await upload(other.id, 'list.csv', Buffer.from('\uFEFFname,country\nA. Person,Suisse\n'));
    expect(utf8.statusCode, utf8.body).toBe(201);
    expect(await ledgerOf(other.id)).toEqual([{ count: 1, country_code: 'CH', institution_id: null }]);
  });

  it('refuses what is not an attendee list: another type of file, no name column, no rows, too many rows, too large', async () => {
    const row = await heldConference();
    const field = async (response: Awaited<ReturnType<typeof upload>>) => {
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message.split(': ')[1]}`);
    };
    expect(await field(await upload(row.id, 'x.pdf', Buffer.from('%PDF-1.4\n\u0000\u0001')))).toEqual(['file: must be a spreadsheet (xlsx or CSV)']);
    expect(await field(await upload(row.id, 'x.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])))).toEqual(['file: could not be read as an xlsx workbook']);
    expect(await field(await upload(row.id, 'x.csv', Buffer.from('country,role\nFR,speaker\n')))).toEqual(['columns.fullName: is missing from the header row']);
    expect((await field(await upload(row.id, 'x.csv', Buffer.from('name,country\n,,\n'))))[0]).toMatch(/^file: /);
    const many = `name,country\n${'Someone,FR\n'.repeat(20_001)}`;
    expect(await field(await upload(row.id, 'x.csv', Buffer.from(many)))).toEqual(['file: has more than 20,000 rows']);
    const huge = await upload(row.id, 'x.csv', Buffer.alloc(10 * 1024 * 1024 + 10, 'a'));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ fields: [{ field: 'file', message: 'file: is larger than 10 MB' }] });
    expect((await (await t.as('officer')).get(`/api/conferences/${row.id}`)).json()).toMatchObject({ version: row.version, attendeeCount: 0 });
  });

  it('takes 20,000 attendees in one go', async () => {
    const row = await heldConference();
    const countries = ['FR', 'US', 'JP', 'DE', 'CN'];
    const rows: Array<Array<string>> = [['Name', 'Country', 'Institution']];
    for (let i = 0; i < 20_000; i += 1) rows.push([`Attendee ${i}`, countries[i % 5]!, `Institute ${i % 50}`]);
    const started = Date.now();
    const response = await upload(row.id, 'big.xlsx', await xlsx(rows));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ created: 20_000 });
    expect((await (await t.as('officer')).get(`/api/conferences/${row.id}`)).json()).toMatchObject({ attendeeCount: 20_000, foreignAttendeeCount: 16_000, attendeeCountries: 5 });
    const total = (await t.db.query<{ n: number }>(`SELECT sum(count)::int AS n FROM ledger WHERE source_module = 'conference' AND source_id = $1`, [row.id])).rows[0]!.n;
    expect(total).toBe(16_000);
    expect(Date.now() - started).toBeLessThan(90_000);
  }, 120_000);

  it('is within a coordinator’s reach only: another unit’s conference is 404, whatever the file holds, in a preview and a commit', async () => {
    const row = await heldConference();
    const file = await xlsx(GOOD);
    expect((await send('preview', row.id, 'x.xlsx', file, 'coordinatorB')).statusCode).toBe(404);
    expect((await upload(row.id, 'x.xlsx', file, 'coordinatorB')).statusCode).toBe(404);
    expect(await listOf(row.id)).toEqual([]);
    expect((await upload(row.id, 'x.xlsx', file, 'coordinatorA')).statusCode).toBe(201);
    expect(await listOf(row.id)).toHaveLength(6);
  });

  it('names the conference in a column when none is chosen (by number or title, within reach), so a draft and its background commit need no choice', async () => {
    const row = await heldConference();
    const title = (await (await t.as('officer')).get(`/api/conferences/${row.id}`)).json().titleEn as string;
    const file = await xlsx([['Name', 'Conference'], ['Ann Lee', String(row.id)], ['Bo Li', title], ['Cy Ng', 'No such meeting'], ['Di Wu', null]]);
    const { payload, headers } = multipartFile('x.xlsx', file);
    const preview = (await (await t.as('officer')).post('/api/imports/attendees/preview', payload, { ...headers, 'accept-language': 'en' })).json();
    expect(preview.rows.map((r: { class: string }) => r.class)).toEqual(['new', expect.stringMatching(/^(new|error)$/), 'error', 'error']);
    expect(preview.rows[2].problems).toEqual([{ field: 'conference', column: 'Conference', reason: 'unknown_conference', message: expect.any(String) }]);
    expect(preview.rows[3].problems.map((p: { reason: string }) => p.reason)).toEqual(['required']);
    // Another unit's coordinator does not reach it by number either.
    const other = await (await t.as('coordinatorB')).post('/api/imports/attendees/preview', payload, { ...headers, 'accept-language': 'en' });
    expect(other.json().rows[0].problems.map((p: { reason: string }) => p.reason)).toEqual(['unknown_conference']);
  });

  it('is undone as a whole: the attendees it added are removed, an attendee it updated gets its values back, the ledger as before', async () => {
    const row = await heldConference();
    const officer = await t.as('officer');
    await officer.post(`/api/conferences/${row.id}/attendees`, { fullName: 'Marie Curie', institutionName: 'Université Lyon 1', countryCode: 'FR', role: 'participant', version: row.version });
    const before = await ledgerOf(row.id);
    const done = await upload(row.id, 'x.xlsx', await xlsx(GOOD));
    expect(done.json()).toMatchObject({ created: 5, updated: 1 });
    expect((await listOf(row.id)).find((a) => a.fullName === 'Marie Curie')?.role).toBe('speaker');
    const undo = await officer.post(`/api/imports/history/${done.json().importId}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await listOf(row.id)).map((a) => [a.fullName, a.role])).toEqual([['Marie Curie', 'participant']]);
    expect(await ledgerOf(row.id)).toEqual(before);
    expect((await officer.post(`/api/imports/history/${done.json().importId}/undo`, {})).statusCode).toBe(409);
  });

  it('refuses an undo when an attendee it added has been changed since, naming it, and writes nothing', async () => {
    const row = await heldConference();
    const officer = await t.as('officer');
    const done = await upload(row.id, 'x.xlsx', await xlsx([['Name'], ['Ann Lee'], ['Bo Li']]));
    const list = await listOf(row.id);
    const version = (await officer.get(`/api/conferences/${row.id}`)).json().version;
    expect((await officer.patch(`/api/conferences/${row.id}/attendees/${list[1]!.id}`, { role: 'speaker', version })).statusCode).toBe(200);
    const undo = await officer.post(`/api/imports/history/${done.json().importId}/undo`, {});
    expect(undo.statusCode).toBe(409);
    expect(undo.json().error.fields.map((f: { field: string }) => f.field)).toEqual([`conference_attendee.${list[1]!.id}`]);
    expect(await listOf(row.id)).toHaveLength(2);
  });

  it('offers its template, headers in the caller’s language first', async () => {
    const response = await (await t.as('coordinatorA')).get('/api/imports/attendees/template', { 'accept-language': 'zh' });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as string[]).slice(1, 3)).toEqual(['姓名 / Name / Nom', '单位 / Institution / Établissement']);
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
