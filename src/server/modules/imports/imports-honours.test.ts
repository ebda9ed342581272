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
  const sheet = book.addWorksheet('荣誉');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function send(step: 'preview' | 'commit', content: Buffer, query = '', language = 'en') {
  const { payload, headers } = multipartFile('国外荣誉.xlsx', content);
  return (await t.as('officer')).post(`/api/imports/honours/${step}${query ? `?${query}` : ''}`, payload, { ...headers, 'accept-language': language });
}

async function count(table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

async function ledgerSum(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT COALESCE(sum(count), 0)::int AS n FROM ledger')).rows[0]!.n;
}

const HEADER = ['姓', '名', '中文姓名', '护照号码', '荣誉类别', '荣誉名称（英文）', '荣誉名称（中文）', '授予机构（已有机构）', '授予机构', '国家或地区', '授予时间', '重要荣誉'];

describe('importing honours received', () => {
  let chen: number;
  let lin: number;
  let sorbonne: number;

  beforeAll(async () => {
    const officer = await t.as('officer');
    sorbonne = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Sorbonne University', nameZh: '索邦大学', countryCode: 'FR' }))).json().id;
    chen = (await officer.post('/api/people', personBody({ familyName: 'Chen', givenName: 'Zhu', nameZh: '陈竺', unitId: t.units.a, passportNumber: 'E77889900' }))).json().id;
    lin = (await officer.post('/api/people', personBody({ familyName: 'Lin', givenName: 'Hua', nameZh: '林华', unitId: t.units.a }))).json().id;
  });

  // A recipient by passport, one by her name in traditional characters, one new; dates known to the day, the month and the year.
  const rows = (tag = '') => [
    HEADER,
    ['Chen', 'Zhu', '', 'e77889900', '勋章', `${tag}Legion of Honour`, '法国荣誉军团勋章', '', 'Government of France', '法国', '2012年10月', '是'],
    ['LIN', 'Hua', '林華', '', '荣誉学位', `${tag}Honorary doctorate`, '荣誉博士学位', '索邦大学', '', 'FR', '2019/6/12', ''],
    [`Zhao${tag}`, 'Lei', '', '', 'Award or prize', `${tag}Young investigator prize`, '', '', 'European Society of Haematology', '', '2021', '否'],
  ];

  it('previews an xlsx: recipients matched by passport and by name, partial dates read, a bad date named in Chinese', async () => {
    const before = await count('honours');
    const response = await send('preview', await xlsx([...rows(), ['Wu', 'Fang', '', '', '奖项', 'Some prize', '', '', 'X', '', '去年', '']]), '', 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.counts).toEqual({ new: 1, update: 1, duplicate: 1, error: 1 });
    expect(preview.rows[0]).toMatchObject({ class: 'update', matches: [{ id: chen, reason: 'same_passport' }], values: { kind: 'decoration', conferred: '2012-10', notable: 'true' } });
    expect(preview.rows[1]).toMatchObject({ class: 'duplicate', matches: [{ id: lin, reason: 'same_name' }], values: { awardingInstitutionId: sorbonne, conferred: '2019-06-12' } });
    expect(preview.rows[2]).toMatchObject({ class: 'new', values: { kind: 'prize', conferred: '2021' } });
    expect(preview.rows[3]).toMatchObject({ class: 'error', problems: [{ field: 'conferred', column: '授予时间', reason: 'unreadable_date' }] });
    expect(preview.rows[3].problems[0].message).toMatch(/无法识别为日期/);
    expect(await count('honours')).toBe(before);
  });

  it('commits through the honours service, dates at their precision, the ledger untouched; the same file again changes nothing', async () => {
    const file = await xlsx(rows());
    const [honours, people, ledger] = [await count('honours'), await count('people'), await ledgerSum()];
    const response = await send('commit', file, `decisions=${encodeURIComponent(JSON.stringify({ 3: lin }))}`);
    expect(response.statusCode, response.body).toBe(201);
    const ids = response.json().records.filter((r: { entity: string }) => r.entity === 'honour').map((r: { id: number }) => r.id);
    expect(ids).toHaveLength(rows().length - 1);
    expect(await count('honours')).toBe(honours + ids.length);
    expect(await count('people')).toBe(people + 1);
    expect(await ledgerSum()).toBe(ledger);
    const { rows: stored } = await t.db.query<{ person_id: number; conferred_on: string; date_precision: string; notable: boolean }>(
      'SELECT person_id::int AS person_id, conferred_on::text AS conferred_on, date_precision, notable FROM honours WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids],
    );
    expect(stored.map((r) => [r.conferred_on, r.date_precision])).toEqual([['2012-10-01', 'month'], ['2019-06-12', 'day'], ['2021-01-01', 'year']]);
    expect(stored.slice(0, 2).map((r) => r.person_id)).toEqual([chen, lin]);
    expect(stored.map((r) => r.notable)).toEqual([true, false, false]);

    const again = (await send('preview', file)).json();
    expect(again.counts).toEqual({ new: 0, update: rows().length - 1, duplicate: 0, error: 0 });
    expect(again.rows[0].matches[0]).toMatchObject({ id: ids[0], reason: 'same_honour' });
    const second = await send('commit', file);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: rows().length - 1 });
    expect(await count('honours')).toBe(honours + ids.length);
  });

  it('undoes an import: the honours it recorded and the recipients it created deleted, those on file kept', async () => {
    const [honours, people] = [await count('honours'), await count('people')];
    const committed = (await send('commit', await xlsx(rows('U ')), `decisions=${encodeURIComponent(JSON.stringify({ 3: lin }))}`)).json();
    expect(await count('honours')).toBe(honours + rows().length - 1);
    const officer = await t.as('officer');
    const undone = await officer.post(`/api/imports/history/${committed.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await count('honours')).toBe(honours);
    expect(await count('people')).toBe(people);
    expect((await officer.get(`/api/people/${lin}`)).statusCode).toBe(200);
  });
});
