import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, multipartFile, personBody } from '../../test/factories.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

type Role = 'officer' | 'coordinatorA' | 'coordinatorB';

async function send(role: Role, kind: string, step: 'preview' | 'commit', fileName: string, content: Buffer, query = '', language = 'en') {
  const { payload, headers } = multipartFile(fileName, content);
  return (await t.as(role)).post(`/api/imports/${kind}/${step}${query ? `?${query}` : ''}`, payload, { ...headers, 'accept-language': language });
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function count(table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

async function auditCount(entity: string): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE entity = $1', [entity])).rows[0]!.n;
}

describe('importing institutions', () => {
  let sydney: number;
  // A GBK CSV as Chinese Excel saves it: headers in Chinese, one row that is the University of
  // Sydney under another spelling, a region by its Chinese name, a bad country.
  const rows = [
    ['英文名称', '中文名称', '类型', '国家或地区', '城市'],
    ['Univ. of Sydney', '悉尼大学', '大学', '澳大利亚', 'Sydney'],
    ['Université Paris Cité', '巴黎西岱大学', '大学', '法国', 'Paris'],
    ['National Taiwan University', '國立臺灣大學', '大学', '臺灣', 'Taipei'],
    ['Queen Mary Hospital', '玛丽医院', '医院', '香港', 'Hong Kong'],
    ['Atlantis Institute', '', '研究机构', '亚特兰蒂斯', ''],
  ];
  const bad = iconv.encode(csv(rows), 'gbk');
  const good = iconv.encode(csv(rows.slice(0, 5)), 'gbk');

  beforeAll(async () => {
    const officer = await t.as('officer');
    const created = await officer.post('/api/institutions', institutionBody({ nameEn: 'The University of Sydney', nameZh: '悉尼大学', countryCode: 'AU' }));
    sydney = created.json().id;
  });

  it('gives a template with the headers in the caller language first, which the import recognises', async () => {
    const response = await (await t.as('officer')).get('/api/imports/institutions/template', { 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header[0]).toBe('英文名称 / Name (English) / Nom (anglais)');
    const filled = await xlsx([header, ['Karolinska Institutet', '卡罗林斯卡学院', '', '', '', 'Université', 'Suède', 'Stockholm']]);
    const preview = await send('officer', 'institutions', 'preview', 'template.xlsx', filled);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().rows[0]).toMatchObject({ class: 'new', values: { nameEn: 'Karolinska Institutet', kind: 'university', countryCode: 'SE' } });
  });

  it('previews a GBK CSV: the encoding detected, each row classified with counts, the duplicate with its reason, the bad cell named in zh and fr', async () => {
    const before = await count('institutions');
    const zh = await send('officer', 'institutions', 'preview', '合作院校.csv', bad, '', 'zh-CN');
    expect(zh.statusCode).toBe(200);
    const preview = zh.json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.counts).toEqual({ new: 3, update: 0, duplicate: 1, error: 1 });
    const byRow = new Map(preview.rows.map((r: { rowNumber: number }) => [r.rowNumber, r]));
    expect(byRow.get(2)).toMatchObject({ class: 'duplicate', matches: [{ id: sydney, label: 'The University of Sydney', reason: 'same_name' }] });
    expect(byRow.get(4)).toMatchObject({ class: 'new', values: { countryCode: 'TW' } });
    expect(byRow.get(5)).toMatchObject({ class: 'new', values: { countryCode: 'HK', kind: 'hospital' } });
    expect(byRow.get(6)).toMatchObject({ class: 'error', problems: [{ field: 'countryCode', column: '国家或地区', reason: 'unknown_country' }] });
    expect((byRow.get(6) as { problems: Array<{ message: string }> }).problems[0]!.message).toMatch(/国家或地区/);
    const fr = (await send('officer', 'institutions', 'preview', 'partenaires.csv', bad, '', 'fr')).json();
    expect(fr.rows.find((r: { rowNumber: number }) => r.rowNumber === 6).problems[0].message).toMatch(/pays ou une région/i);
    expect(await count('institutions')).toBe(before);
  });

  it('refuses to commit a file with a bad row, naming the row and column in the language asked for, and writes nothing', async () => {
    const before = await count('institutions');
    const response = await send('officer', 'institutions', 'commit', '合作院校.csv', bad, '', 'fr');
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields;
    expect(fields).toEqual([{ field: 'rows.6.国家或地区', message: expect.stringMatching(/pays ou une région/i) }]);
    expect(await count('institutions')).toBe(before);
  });

  it('commits through the institutions service: records created with their audit rows, the duplicate skipped, the import recorded', async () => {
    const before = await count('institutions');
    const audits = await auditCount('institution');
    const response = await send('officer', 'institutions', 'commit', '合作院校.csv', good);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ created: 3, updated: 0, skipped: 1, encoding: 'gb18030' });
    expect(await count('institutions')).toBe(before + 3);
    expect(await auditCount('institution')).toBe(audits + 3);
    const { rows } = await t.db.query<{ name_zh: string; country_code: string }>(`SELECT name_zh, country_code FROM institutions WHERE name_en = 'National Taiwan University'`);
    expect(rows).toEqual([{ name_zh: '國立臺灣大學', country_code: 'TW' }]);
    const audit = await t.db.query<{ after: { fileName: string; created: number[] } }>(`SELECT after FROM audit_log WHERE entity = 'institution_import' AND entity_id = $1`, [String(response.json().importId)]);
    expect(audit.rows[0]!.after).toMatchObject({ fileName: '合作院校.csv' });
    expect(audit.rows[0]!.after.created).toHaveLength(3);
  });

  it('recognises the same file imported twice: its rows are updates that change nothing, nothing is doubled', async () => {
    const before = await count('institutions');
    const preview = (await send('officer', 'institutions', 'preview', '合作院校.csv', good)).json();
    expect(preview.counts).toEqual({ new: 0, update: 3, duplicate: 1, error: 0 });
    const response = await send('officer', 'institutions', 'commit', '合作院校.csv', good);
    expect(response.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, skipped: 1 });
    expect(await count('institutions')).toBe(before);
  });

  it('merges a possible duplicate into the record the user chose', async () => {
    const response = await send('officer', 'institutions', 'commit', 'sydney.csv', iconv.encode(csv([rows[0]!, ['Univ. of Sydney', '悉尼大学', '大学', 'AU', 'Camperdown']]), 'gbk'), `decisions=${encodeURIComponent(JSON.stringify({ 2: sydney }))}`);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ created: 0, updated: 1 });
    const { rows: found } = await t.db.query<{ city: string; name_en: string }>('SELECT city, name_en FROM institutions WHERE id = $1', [sydney]);
    expect(found[0]).toEqual({ city: 'Camperdown', name_en: 'Univ. of Sydney' });
  });

  it('does not let a coordinator change an institution through an import (that is the office’s)', async () => {
    const before = await count('institutions');
    const response = await send('coordinatorA', 'institutions', 'commit', 'again.csv', good);
    expect(response.statusCode).toBe(403);
    expect(await count('institutions')).toBe(before);
  });

  it('refuses a file without a recognisable header, a missing required column, and a wrong encoding, writing nothing', async () => {
    const noHeader = await send('officer', 'institutions', 'preview', 'x.csv', Buffer.from('foo,bar\n1,2\n'));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.fields).toEqual([expect.objectContaining({ field: 'file' })]);
    const missing = await send('officer', 'institutions', 'preview', 'x.csv', Buffer.from('Name (English),City\nX,Y\n'));
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ field: 'columns.countryCode' })]);
    const wrong = await send('officer', 'institutions', 'preview', 'x.csv', good, 'encoding=utf-8');
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ field: 'file' })]);
    const unknown = await send('officer', 'institutions', 'preview', 'x.csv', good, 'encoding=ebcdic');
    expect(unknown.json().error.fields).toEqual([expect.objectContaining({ field: 'encoding' })]);
  });
});

describe('importing people', () => {
  let wang: number;
  beforeAll(async () => {
    const officer = await t.as('officer');
    wang = (await officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义', nationality: 'CN', unitId: t.units.a }))).json().id;
    await officer.post('/api/institutions', institutionBody({ nameEn: 'Karolinska Institutet', nameZh: '卡罗林斯卡学院', countryCode: 'SE' }));
  });

  const sheet = [
    ['Nom de famille', 'Prénom', 'Nom chinois', 'Nationalité', 'Établissement', 'Notre unité', 'Courriel'],
    ['王', '振義', '', '中国', '', 'A', ''],
    ['WANG', 'Zhen-yi', '', 'Chine', '', 'A', ''],
    ['Lindqvist', 'Anna', '', 'Suède', 'Karolinska Institutet', 'A', 'anna.lindqvist@example.org'],
    ['Lefèvre', 'Renée', '', 'France', 'Université de Nulle Part', 'A', ''],
  ];

  it('proposes Wang Zhenyi for 王振義 and WANG Zhen-yi, reads an institution by name, and names an unknown institution in zh', async () => {
    const response = await send('coordinatorA', 'people', 'preview', 'experts.xlsx', await xlsx(sheet), '', 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.counts).toEqual({ new: 1, update: 0, duplicate: 2, error: 1 });
    expect(preview.rows[0]).toMatchObject({ class: 'duplicate', matches: [{ id: wang, reason: 'same_name' }] });
    expect(preview.rows[1]).toMatchObject({ class: 'duplicate', matches: [{ id: wang, reason: 'same_name' }, { row: 2, reason: 'same_row_in_file' }] });
    expect(preview.rows[2]).toMatchObject({ class: 'new', values: { nationality: 'SE', institutionId: expect.any(Number), unitId: t.units.a } });
    expect(preview.rows[3].problems).toEqual([expect.objectContaining({ column: 'Établissement', reason: 'unknown_institution', message: expect.stringMatching(/机构/) })]);
  });

  it('hides people of another unit from a coordinator: nothing proposed, and nothing written into another unit', async () => {
    const preview = (await send('coordinatorB', 'people', 'preview', 'experts.xlsx', await xlsx(sheet.slice(0, 3)))).json();
    expect(preview.counts).toMatchObject({ duplicate: 1, new: 1 });
    // The second row matches only the first row of the same file, not Wang Zhenyi of unit A.
    expect(preview.rows[1].matches).toEqual([{ row: 2, label: '#2', reason: 'same_row_in_file' }]);
    const before = await count('people');
    const response = await send('coordinatorB', 'people', 'commit', 'experts.xlsx', await xlsx(sheet.slice(0, 2)), '', 'fr');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'rows.2.Notre unité' })]);
    expect(await count('people')).toBe(before);
  });

  it('commits wholly: the duplicates skipped, the new person created in the unit with an audit row; a second run updates by e-mail', async () => {
    const before = await count('people');
    const good = await xlsx(sheet.slice(0, 4));
    const response = await send('coordinatorA', 'people', 'commit', 'experts.xlsx', good);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ created: 1, skipped: 2 });
    expect(await count('people')).toBe(before + 1);
    const { rows } = await t.db.query<{ id: number; unit_id: number }>(`SELECT id, unit_id FROM people WHERE email = 'anna.lindqvist@example.org'`);
    expect(rows[0]!.unit_id).toBe(t.units.a);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'person' AND entity_id = $1 AND action = 'create'`, [String(rows[0]!.id)]);
    expect(audit.rowCount).toBe(1);
    const again = (await send('coordinatorA', 'people', 'preview', 'experts.xlsx', good)).json();
    expect(again.rows[2]).toMatchObject({ class: 'update', matches: [{ id: rows[0]!.id, reason: 'same_email' }] });
  });

  it('fails the whole file on an undecided duplicate when asked to, and creates one the user says is a new person', async () => {
    const before = await count('people');
    const file = await xlsx([sheet[0]!, ['Wang', 'Zhenyi', '', 'CN', '', 'A', '']]);
    const failed = await send('officer', 'people', 'commit', 'w.xlsx', file, 'onDuplicate=fail');
    expect(failed.statusCode).toBe(409);
    expect(failed.json().error.fields).toEqual([expect.objectContaining({ field: 'rows.2' })]);
    expect(await count('people')).toBe(before);
    const created = await send('officer', 'people', 'commit', 'w.xlsx', file, `onDuplicate=fail&decisions=${encodeURIComponent('{"2":"create"}')}`);
    expect(created.json()).toMatchObject({ created: 1 });
    expect(await count('people')).toBe(before + 1);
  });

  it('reads a file through a mapping saved by name', async () => {
    const officer = await t.as('officer');
    const saved = await officer.post('/api/imports/people/mappings', { name: 'HR export', columns: { 'Surname of expert': 'familyName', 'Forename(s)': 'givenName', Ignored: '' } });
    expect(saved.statusCode).toBe(201);
    const list = await officer.get('/api/imports/people/mappings');
    expect(list.json().items.map((m: { name: string }) => m.name)).toContain('HR export');
    const file = await xlsx([['Surname of expert', 'Forename(s)', 'Ignored'], ['Okafor', 'Chidi', 'x']]);
    expect((await send('officer', 'people', 'preview', 'hr.xlsx', file)).statusCode).toBe(400);
    const preview = (await send('officer', 'people', 'preview', 'hr.xlsx', file, 'mapping=HR%20export')).json();
    expect(preview.rows[0]).toMatchObject({ class: 'new', values: { familyName: 'Okafor', givenName: 'Chidi' } });
    const badField = await officer.post('/api/imports/people/mappings', { name: 'bad', columns: { X: 'passportNumber' } });
    expect(badField.statusCode).toBe(400);
  });
});
