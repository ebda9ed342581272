import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody } from '../../test/factories.ts';
import { decisionsQuery, gbkCsv, sendImport } from '../../test/import-files.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

function send(step: 'preview' | 'commit', content: Buffer, query = '', language = 'en', as: 'officer' | 'coordinatorB' = 'officer') {
  return sendImport(t, { kind: 'exchange-applications', step, fileName: '出国交流申请.csv', content, query, language, as });
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
}
const applications = () => count('exchange_applications');
const people = () => count('people');
const personTimes = () => count(`ledger WHERE source_module = 'exchange_application'`);

const HEADER = ['姓', '名', '中文姓名', '护照号码', '交流项目', '接收院校', '学年', '申请日期', '成绩', '申请状态', '决定日期', '出发日期', '回国日期'];

describe('importing exchange applications', () => {
  let lyon: number;
  let zhang: number;
  let li: number;

  async function opportunity(body: Record<string, unknown>): Promise<number> {
    const response = await (await t.as('officer')).post('/api/exchange-opportunities', { kind: 'semester_exchange', hostInstitutionId: lyon, places: 2, academicYear: 2024, unitId: t.units.a, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  beforeAll(async () => {
    const officer = await t.as('officer');
    lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Claude Bernard Lyon 1', nameZh: '里昂第一大学', countryCode: 'FR' }))).json().id;
    await opportunity({ titleEn: 'Semester exchange in Lyon', titleZh: '里昂一大学期交流' });
    // The same exchange offered again the next year: a row without its year names both.
    await opportunity({ titleEn: 'Semester exchange in Lyon', titleZh: '里昂一大学期交流', academicYear: 2025 });
    zhang = (await officer.post('/api/people', personBody({ familyName: 'Zhang', givenName: 'Wei', nameZh: '张伟', nationality: 'CN', unitId: t.units.a1, passportNumber: 'E12345678' }))).json().id;
    li = (await officer.post('/api/people', personBody({ familyName: 'Li', givenName: 'Na', nameZh: '李娜', nationality: 'CN', unitId: t.units.a1 }))).json().id;
  });

  // A student on file by passport who went and came back, one by name (a French status), one new; dates day first.
  const rows = (title = '里昂一大学期交流', year = '2024-2025', tag = '') => [
    HEADER,
    ['Zhang', 'Wei', '张伟', 'e12345678', title, 'Université Claude Bernard Lyon 1', year, '1/3/2024', '91.5', '已回国', '15/4/2024', '2/9/2024', '20/1/2025'],
    ['LI', 'Na', '李娜', '', title, '', year, '3/3/2024', '88', 'Sélectionnée', '15/4/2024', '', ''],
    [`Wang${tag}`, 'Fang', `王芳${tag}`, '', title, '里昂第一大学', year, '4/3/2024', '', 'Submitted', '', '', ''],
  ];

  it('previews a GBK CSV: the student matched by passport and by name, bad rows named by column and reason, nothing written', async () => {
    const before = [await applications(), await people()];
    const bad = [
      ['Chen', 'Jie', '陈杰', '', 'Summer school on Mars', '', '2024', '5/3/2024', '', '已提交', '', '', ''],
      ['Chen', 'Jie', '陈杰', '', '里昂一大学期交流', '', '', '5/3/2024', '', '已提交', '', '', ''],
      ['Chen', 'Jie', '陈杰', '', '里昂一大学期交流', '', '2024', '5/3/2024', '', '已出国', '', '', ''],
      ['Chen', 'Jie', '陈杰', '', '里昂一大学期交流', '', '2024', '5/3/2024', '120', '已提交', '', '', ''],
    ];
    const response = await send('preview', gbkCsv([...rows(), ...bad]), '', 'zh-CN');
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.dayOrder).toBe('day-first');
    expect(preview.counts).toEqual({ new: 1, update: 1, duplicate: 1, error: bad.length });
    expect(preview.rows[0]).toMatchObject({ class: 'update', matches: [{ id: zhang, reason: 'same_passport' }], values: { status: 'returned', appliedOn: '2024-03-01', departureDate: '2024-09-02', returnDate: '2025-01-20' } });
    expect(preview.rows[1]).toMatchObject({ class: 'duplicate', matches: [{ id: li, reason: 'same_name' }], values: { status: 'selected' } });
    expect(preview.rows[2]).toMatchObject({ class: 'new', values: { status: 'submitted', hostInstitutionId: lyon } });
    const problems = preview.rows.slice(3).map((r: { problems: Array<{ column: string; reason: string; message: string }> }) => r.problems.map((p) => `${p.column}:${p.reason}`));
    expect(problems).toEqual([['交流项目:unknown_exchange'], ['交流项目:ambiguous_exchange'], ['出发日期:required'], ['成绩:invalid_value']]);
    expect(preview.rows[3].problems[0].message).toMatch(/交流项目/);
    expect([await applications(), await people()]).toEqual(before);
  });

  it('commits through the exchanges service, each application brought to its status by its steps; the same file again changes nothing', async () => {
    const [apps, persons, times] = [await applications(), await people(), await personTimes()];
    const file = gbkCsv(rows());
    const response = await send('commit', file, decisionsQuery({ 3: li }));
    expect(response.statusCode, response.body).toBe(201);
    const ids = response.json().records.filter((r: { entity: string }) => r.entity === 'exchange_application').map((r: { id: number }) => r.id);
    expect(ids).toHaveLength(rows().length - 1);
    expect(await applications()).toBe(apps + ids.length);
    expect(await people()).toBe(persons + 1);
    // Only the student who departed is a person-time.
    expect(await personTimes()).toBe(times + 1);
    const officer = await t.as('officer');
    expect((await officer.get(`/api/exchange-applications/${ids[0]}`)).json()).toMatchObject({ personId: zhang, status: 'returned', decidedOn: '2024-04-15', departureDate: '2024-09-02', returnDate: '2025-01-20', score: 91.5 });
    expect((await officer.get(`/api/exchange-applications/${ids[1]}`)).json()).toMatchObject({ personId: li, status: 'selected', decidedOn: '2024-04-15' });
    expect((await officer.get(`/api/exchange-applications/${ids[2]}`)).json()).toMatchObject({ status: 'submitted', unitId: t.units.a });
    // Audited as typed records: the creation and each step.
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'exchange_application' AND entity_id = $1 ORDER BY id`, [String(ids[0])]);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', ...Array(4).fill(expect.any(String))]);

    const again = (await send('preview', file)).json();
    expect(again.counts).toEqual({ new: 0, update: rows().length - 1, duplicate: 0, error: 0 });
    expect(again.rows[1].matches[0]).toMatchObject({ id: ids[1], reason: 'same_application' });
    const second = await send('commit', file);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: rows().length - 1 });
    expect(await applications()).toBe(apps + ids.length);
  });

  it('moves an application on file forward from its row, and refuses a status it cannot go back to, naming the cell', async () => {
    const file = (status: string) => gbkCsv([HEADER, ['LI', 'Na', '李娜', '', '里昂一大学期交流', '', '2024', '3/3/2024', '88', status, '15/4/2024', '1/9/2024', '']]);
    const moved = await send('commit', file('已出国'));
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json(), moved.body).toMatchObject({ updated: 1, created: 0 });
    const id = moved.json().records[0].id;
    expect((await (await t.as('officer')).get(`/api/exchange-applications/${id}`)).json()).toMatchObject({ status: 'departed', departureDate: '2024-09-01' });
    const back = await send('commit', file('已提交'), '', 'fr');
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields).toEqual([{ field: 'rows.2.申请状态', message: expect.stringMatching(/rows\.2\.申请状态: .*étape/) }]);
  });

  it('writes nothing when a row in the middle is refused by the service (no place left)', async () => {
    await opportunity({ titleEn: 'Clinical elective in Lyon', kind: 'clinical_elective', places: 1 });
    const [apps, persons, times] = [await applications(), await people(), await personTimes()];
    const response = await send('commit', gbkCsv([
      HEADER,
      ['Zhou', 'Min', '周敏', '', 'Clinical elective in Lyon', '', '2024', '1/3/2024', '95', '已选派', '1/4/2024', '', ''],
      ['Sun', 'Lei', '孙磊', '', 'Clinical elective in Lyon', '', '2024', '2/3/2024', '90', '已选派', '1/4/2024', '', ''],
    ]), '', 'zh-CN');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'rows.3.申请状态', message: expect.stringMatching(/名额已满/) }]);
    expect([await applications(), await people(), await personTimes()]).toEqual([apps, persons, times]);
  });

  it('keeps a coordinator to their unit: another unit’s exchange is not found', async () => {
    const preview = (await send('preview', gbkCsv(rows()), '', 'en', 'coordinatorB')).json();
    expect(preview.counts.error).toBe(rows().length - 1);
    expect(preview.rows[0].problems).toEqual([expect.objectContaining({ field: 'opportunity', reason: 'unknown_exchange' })]);
  });

  it('undoes an import: its applications, whatever their status, their person-times and the students it created', async () => {
    // The next year's: a student holds one place a year.
    await opportunity({ titleEn: 'Summer school in Lyon', kind: 'summer_school', places: 5, academicYear: 2025 });
    const [apps, persons, times] = [await applications(), await people(), await personTimes()];
    const committed = await send('commit', gbkCsv(rows('Summer school in Lyon', '2025', ' U')), decisionsQuery({ 3: li }));
    expect(committed.statusCode, committed.body).toBe(201);
    expect(await applications()).toBe(apps + rows().length - 1);
    expect(await personTimes()).toBe(times + 1);
    const undone = await (await t.as('officer')).post(`/api/imports/history/${committed.json().importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect([await applications(), await people(), await personTimes()]).toEqual([apps, persons, times]);
    const deletes = await count(`audit_log WHERE entity = 'exchange_application' AND action = 'delete'`);
    expect(deletes).toBe(rows().length - 1);
  });
});
