import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile, personBody } from '../../test/factories.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const gb18030 = (rows: string[][]) => iconv.encode(csv(rows), 'gb18030');

async function send(step: 'preview' | 'commit', content: Buffer, query = '', language = 'en') {
  const { payload, headers } = multipartFile('留学生.csv', content);
  return (await t.as('officer')).post(`/api/imports/students/${step}${query ? `?${query}` : ''}`, payload, { ...headers, 'accept-language': language });
}

async function count(table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

async function ledgerSum(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT COALESCE(sum(count), 0)::int AS n FROM ledger')).rows[0]!.n;
}

const HEADER = ['姓', '名', '国籍', '护照号码', '学生层次', '专业（英文）', '培养单位', '录取日期', '注册日期', '学籍状态', '毕业日期'];

describe('importing international students with their enrolments', () => {
  let nguyen: number;
  let kim: number;

  beforeAll(async () => {
    const officer = await t.as('officer');
    nguyen = (await officer.post('/api/people', personBody({ familyName: 'Nguyen', givenName: 'Van An', nationality: 'VN', passportNumber: 'C1234567' }))).json().id;
    kim = (await officer.post('/api/people', personBody({ familyName: 'Kim', givenName: 'Minji', nationality: 'KR' }))).json().id;
  });

  // A student on file by passport, one by name, one new; a graduate of the past recorded as he stands.
  const rows = (tag = '') => [
    HEADER,
    ['Nguyen', 'Van An', '越南', 'c1234567', '硕士', `${tag}Clinical medicine`, 'A', '2021/9/1', '2021/9/6', '在读', ''],
    ['KIM', 'Minji', '韩国', '', '博士', `${tag}Immunology`, 'A', '2018/9/1', '2018/9/3', '已毕业', '2022/6/30'],
    [`Okafor${tag}`, 'Chidi', 'Nigeria', '', '本科', `${tag}MBBS`, 'A', '2023/9/1', '', '已录取', ''],
  ];

  it('previews a GB18030 CSV: students matched by passport and by name, a bad level named in Chinese', async () => {
    const before = await count('student_enrolments');
    const response = await send('preview', gb18030([...rows(), ['Silva', 'Ana', 'BR', '', '博士后', 'Surgery', 'A', '2023/9/1', '', '', '']]), '', 'zh-CN');
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.rows[3]).toMatchObject({ class: 'error', problems: [{ field: 'level', column: '学生层次', reason: 'invalid_value' }] });
    expect(preview.counts).toEqual({ new: 1, update: 1, duplicate: 1, error: 1 });
    expect(preview.rows[0]).toMatchObject({ class: 'update', matches: [{ id: nguyen, reason: 'same_passport' }], values: { level: 'master', status: 'enrolled' } });
    expect(preview.rows[1]).toMatchObject({ class: 'duplicate', matches: [{ id: kim, reason: 'same_name' }], values: { status: 'graduated', completedOn: '2022-06-30' } });
    expect(await count('student_enrolments')).toBe(before);
  });

  it('commits through the students service as each enrolment stands, the ledger untouched; the same file again changes nothing', async () => {
    const file = gb18030(rows());
    const [enrolments, people, ledger] = [await count('student_enrolments'), await count('people'), await ledgerSum()];
    const response = await send('commit', file, `decisions=${encodeURIComponent(JSON.stringify({ 3: kim }))}`);
    expect(response.statusCode, response.body).toBe(201);
    const ids = response.json().records.filter((r: { entity: string }) => r.entity === 'student').map((r: { id: number }) => r.id);
    expect(ids).toHaveLength(rows().length - 1);
    expect(await count('student_enrolments')).toBe(enrolments + ids.length);
    expect(await count('people')).toBe(people + 1);
    expect(await ledgerSum()).toBe(ledger);
    const officer = await t.as('officer');
    expect((await officer.get(`/api/students/${ids[0]}`)).json()).toMatchObject({ personId: nguyen, status: 'enrolled', enrolledOn: '2021-09-06', countryCode: 'VN' });
    expect((await officer.get(`/api/students/${ids[1]}`)).json()).toMatchObject({ personId: kim, status: 'graduated', completedOn: '2022-06-30' });
    expect((await officer.get(`/api/students/${ids[2]}`)).json()).toMatchObject({ status: 'admitted', countryCode: 'NG' });

    const again = (await send('preview', file)).json();
    expect(again.counts).toEqual({ new: 0, update: rows().length - 1, duplicate: 0, error: 0 });
    expect(again.rows[0].matches[0]).toMatchObject({ id: ids[0], reason: 'same_enrolment' });
    const second = await send('commit', file);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: rows().length - 1 });
  });

  it('refuses an enrolment whose dates do not fit its status, naming row and column, and writes nothing', async () => {
    const [enrolments, people] = [await count('student_enrolments'), await count('people')];
    const response = await send('commit', gb18030([HEADER, ['Haddad', 'Omar', 'LB', '', '本科', 'Nursing', 'A', '2022/9/1', '', '已毕业', '']]), '', 'zh-CN');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.2.注册日期', 'rows.2.毕业日期']);
    expect(response.json().error.fields[0].message).toMatch(/必填/);
    expect(await count('student_enrolments')).toBe(enrolments);
    expect(await count('people')).toBe(people);
  });

  it('undoes an import: its enrolments, whatever their status, and the students it created deleted', async () => {
    const [enrolments, people] = [await count('student_enrolments'), await count('people')];
    const committed = (await send('commit', gb18030(rows('U ')), `decisions=${encodeURIComponent(JSON.stringify({ 3: kim }))}`)).json();
    expect(await count('student_enrolments')).toBe(enrolments + rows().length - 1);
    const undone = await (await t.as('officer')).post(`/api/imports/history/${committed.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await count('student_enrolments')).toBe(enrolments);
    expect(await count('people')).toBe(people);
  });
});
