import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, multipartFile, personBody } from '../../test/factories.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('外籍专家');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function send(step: 'preview' | 'commit', content: Buffer, query = '', language = 'en') {
  const { payload, headers } = multipartFile('外籍专家聘任.xlsx', content);
  return (await t.as('officer')).post(`/api/imports/appointments/${step}${query ? `?${query}` : ''}`, payload, { ...headers, 'accept-language': language });
}

async function count(table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

async function ledgerSum(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT COALESCE(sum(count), 0)::int AS n FROM ledger')).rows[0]!.n;
}

/** Experts ever appointed, as the experts' figure counts them. */
async function engagedSince(): Promise<number> {
  return (await (await t.as('officer')).get('/api/experts/engaged?asOf=2025-06-30')).json().engagedSince;
}

const HEADER = ['姓', '名', '中文姓名', '国籍', '工作单位', '护照号码', '聘任职衔', '聘任单位', '聘期开始', '聘期结束', '状态'];

describe('importing expert appointments', () => {
  let dupont: number;
  let wang: number;
  let sorbonne: number;

  beforeAll(async () => {
    const officer = await t.as('officer');
    sorbonne = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Sorbonne University', nameZh: '索邦大学', countryCode: 'FR' }))).json().id;
    dupont = (await officer.post('/api/people', personBody({ familyName: 'Dupont', givenName: 'Anne', nationality: 'FR', passportNumber: '17AB12345' }))).json().id;
    wang = (await officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义', nationality: 'CN' }))).json().id;
  });

  // The expert on file by passport, one by his name in traditional characters, one new (from a region), one title no office writes.
  const rows = (tag = '') => [
    HEADER,
    ['Dupont', 'Anne', '', '法国', '索邦大学', '17ab12345', '客座教授', 'A', tag ? '2022-01-01' : '2021-09-01', '2024-8-31', '已聘任'],
    ['WANG', 'Zhen-yi', '王振義', '中国', '', '', '名誉教授', 'A', tag ? '2021年5月1日' : '2020年5月1日', '', ''],
    [`Chan${tag}`, 'Kaming', tag ? '' : '陳嘉明', '香港', '', '', 'Consultant', 'A', '2023/3/1', '2025/2/28', '拟聘'],
  ];

  it('previews an xlsx: experts matched by passport and by name in another script, a bad title named in Chinese', async () => {
    const before = await count('appointments');
    const response = await send('preview', await xlsx([...rows(), ['Roux', 'Paul', '', 'FR', '', '', '院长', 'A', '2023-01-01', '', '']]), '', 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.counts).toEqual({ new: 1, update: 1, duplicate: 1, error: 1 });
    expect(preview.rows[0]).toMatchObject({ class: 'update', matches: [{ id: dupont, reason: 'same_passport' }], values: { institutionId: sorbonne, title: 'visiting_professor', status: 'appointed' } });
    expect(preview.rows[1]).toMatchObject({ class: 'duplicate', matches: [{ id: wang, reason: 'same_name' }] });
    expect(preview.rows[2]).toMatchObject({ class: 'new', values: { nationality: 'HK', title: 'consultant', status: 'proposed', startDate: '2023-03-01' } });
    expect(preview.rows[3]).toMatchObject({ class: 'error', problems: [{ field: 'title', column: '聘任职衔', reason: 'invalid_value' }] });
    expect(preview.rows[3].problems[0].message).not.toBe('invalid_value');
    expect(await count('appointments')).toBe(before);
  });

  it('commits through the appointments service: proposed, conferred by the office’s step; experts counted, the ledger untouched; the same file again changes nothing', async () => {
    const file = await xlsx(rows());
    const [appointments, people, ledger, engaged] = [await count('appointments'), await count('people'), await ledgerSum(), await engagedSince()];
    const response = await send('commit', file, `decisions=${encodeURIComponent(JSON.stringify({ 3: wang }))}`);
    expect(response.statusCode, response.body).toBe(201);
    const ids = response.json().records.filter((r: { entity: string }) => r.entity === 'appointment').map((r: { id: number }) => r.id);
    expect(ids).toHaveLength(rows().length - 1);
    expect(await count('appointments')).toBe(appointments + ids.length);
    expect(await count('people')).toBe(people + 1);
    // Appointments are not movements: they count as experts, never as person-times.
    expect(await ledgerSum()).toBe(ledger);
    expect(await engagedSince()).toBe(engaged + 2);
    const officer = await t.as('officer');
    const first = (await officer.get(`/api/appointments/${ids[0]}`)).json();
    expect(first).toMatchObject({ personId: dupont, title: 'visiting_professor', status: 'appointed', startDate: '2021-09-01', endDate: '2024-08-31', institutionId: sorbonne });
    expect((await officer.get(`/api/appointments/${ids[1]}`)).json()).toMatchObject({ personId: wang, status: 'appointed', endDate: null });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'appointment' AND entity_id = $1 ORDER BY id`, [String(ids[0])]);
    expect(audit.rows.map((r) => r.action)[0]).toBe('create');

    const again = (await send('preview', file)).json();
    expect(again.counts).toEqual({ new: 0, update: rows().length - 1, duplicate: 0, error: 0 });
    expect(again.rows[0].matches[0]).toMatchObject({ id: ids[0], reason: 'same_appointment' });
    const second = await send('commit', file);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: rows().length - 1 });
    expect(await count('appointments')).toBe(appointments + ids.length);
  });

  it('keeps a coordinator to their unit: an appointment by another unit is refused, named by row and column, and nothing is written', async () => {
    const before = await count('appointments');
    const { payload, headers } = multipartFile('experts.xlsx', await xlsx([HEADER, ['Martin', 'Luc', '', 'FR', '', '', '客座教授', 'B', '2023-01-01', '', '拟聘']]));
    const response = await (await t.as('coordinatorA')).post('/api/imports/appointments/commit', payload, headers);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().error.fields[0].field).toBe('rows.2.聘任单位');
    expect(await count('appointments')).toBe(before);
  });

  it('undoes an import: the appointments it made and the experts it created deleted, those on file kept', async () => {
    const [appointments, people] = [await count('appointments'), await count('people')];
    const committed = (await send('commit', await xlsx(rows('U')), `decisions=${encodeURIComponent(JSON.stringify({ 3: wang }))}`)).json();
    expect(await count('appointments')).toBe(appointments + rows().length - 1);
    const officer = await t.as('officer');
    const undone = await officer.post(`/api/imports/history/${committed.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await count('appointments')).toBe(appointments);
    expect(await count('people')).toBe(people);
    expect((await officer.get(`/api/people/${dupont}`)).statusCode).toBe(200);
  });
});
