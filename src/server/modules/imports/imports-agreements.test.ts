import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { agreementBody, institutionBody, multipartFile } from '../../test/factories.ts';
import { agreementPath } from './import-adapters.ts';

let t: TestServer;
let sydney: number;
let paris: number;
let mou: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  sydney = (await officer.post('/api/institutions', institutionBody({ nameEn: 'The University of Sydney', nameZh: '悉尼大学', countryCode: 'AU' }))).json().id;
  paris = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Paris Cité', nameZh: '巴黎西岱大学', countryCode: 'FR' }))).json().id;
  mou = (await officer.post('/api/agreements', agreementBody([sydney], { titleEn: 'Memorandum of Understanding', titleZh: '谅解备忘录', signedOn: '2015-05-01' }))).json().id;
});
afterAll(async () => t?.close());

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('协议');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function send(role: 'officer' | 'coordinatorA', step: 'preview' | 'commit', content: Buffer, language = 'en') {
  const { payload, headers } = multipartFile('协议台账.xlsx', content);
  return (await t.as(role)).post(`/api/imports/agreements/${step}`, payload, { ...headers, 'accept-language': language });
}

const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agreements')).rows[0]!.n;

const HEADER = ['中文标题', '英文标题', '合作方', '级别', '签署日期', '生效日期', '到期日期', '状态'];
const KNOWN = ['谅解备忘录', 'Memorandum of Understanding', '悉尼大学', '校级', '2015-05-01', '', '', '草拟'];
const NEW = ['学生交流协议', 'Student exchange agreement', 'Univ. of Sydney; 巴黎西岱大学', '校级', '2019/3/5', '2019年3月5日', '4/3/2024', '已到期'];
const BAD = ['合作研究协议', 'Joint research agreement', 'Nowhere University', 'Institutional', '2019-02-30', '', '', 'Signé'];

describe('importing agreements with their partners', () => {
  it('walks from draft to a status by the agreement’s own steps', () => {
    expect(agreementPath('draft')).toEqual([]);
    expect(agreementPath('expired')).toEqual(['under_review', 'approved', 'signed', 'active', 'expired']);
    expect(agreementPath('terminated')).toEqual(['under_review', 'approved', 'signed', 'terminated']);
  });

  it('previews: the agreement on file recognised by its partners and title, partners read by any name, bad cells named in zh', async () => {
    const response = await send('officer', 'preview', await xlsx([HEADER, KNOWN, NEW, BAD]), 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.counts).toEqual({ new: 1, update: 1, duplicate: 0, error: 1 });
    expect(preview.rows[0]).toMatchObject({ class: 'update', matches: [{ id: mou, reason: 'same_name' }] });
    expect(preview.rows[1]).toMatchObject({ class: 'new', values: { partners: [sydney, paris], signedOn: '2019-03-05', effectiveOn: '2019-03-05', expiresOn: '2024-03-04', status: 'expired' } });
    const problems = preview.rows[2].problems.map((p: { column: string; reason: string }) => [p.column, p.reason]);
    expect(problems).toEqual([['合作方', 'unknown_institution'], ['签署日期', 'unreadable_date']]);
    expect(preview.rows[2].problems[0].message).toMatch(/机构/);
  });

  it('refuses the file while a row is bad, naming it in French, and writes nothing', async () => {
    const before = await count();
    const response = await send('officer', 'commit', await xlsx([HEADER, KNOWN, NEW, BAD]), 'fr');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.4.合作方', 'rows.4.签署日期']);
    expect(response.json().error.fields[0].message).toMatch(/établissement/);
    expect(await count()).toBe(before);
  });

  it('commits through the agreements service: created, its steps taken on the row’s dates, the one on file unchanged', async () => {
    const before = await count();
    const response = await send('officer', 'commit', await xlsx([HEADER, KNOWN, NEW]));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ created: 1, unchanged: 1, skipped: 0 });
    expect(await count()).toBe(before + 1);
    const { rows } = await t.db.query<{ id: number; status: string; signed_on: string; partners: number[] }>(
      `SELECT a.id, a.status, a.signed_on, (SELECT array_agg(institution_id::int ORDER BY institution_id) FROM agreement_partners WHERE agreement_id = a.id) AS partners
       FROM agreements a WHERE title_en = 'Student exchange agreement'`,
    );
    expect(rows[0]).toMatchObject({ status: 'expired', signed_on: '2019-03-05', partners: [sydney, paris].sort((a, b) => a - b) });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'agreement' AND entity_id = $1 ORDER BY id`, [String(rows[0]!.id)]);
    expect(audit.rows.length).toBeGreaterThan(1);
    expect(audit.rows[0]!.action).toBe('create');
    const again = (await send('officer', 'preview', await xlsx([HEADER, KNOWN, NEW]))).json();
    expect(again.counts).toEqual({ new: 0, update: 2, duplicate: 0, error: 0 });
  });

  it('keeps a coordinator to their unit: an agreement of another unit is refused and nothing is written', async () => {
    const before = await count();
    const response = await send('coordinatorA', 'commit', await xlsx([[...HEADER, '签约单位'], ['院级交流协议', 'Collegiate exchange', '巴黎西岱大学', '院级', '', '', '', '', 'B']]));
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().error.fields[0].field).toBe('rows.2.签约单位');
    expect(await count()).toBe(before);
  });
});
