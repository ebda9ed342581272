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
  return sendImport(t, { kind: 'programme-students', step, fileName: '中法班学生.csv', content, query, language, as });
}

async function count(sql: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0]!.n;
}
const students = () => count('programme_students');
const people = () => count('people');

const HEADER = ['姓', '名', '中文姓名', '护照号码', '合作项目', '年级（入学年份）', '学号', '学籍状态', '备注'];
const PROGRAMME = '临床医学八年制（中法合作）';

describe('importing the students of the joint programme', () => {
  let liStudent: number;
  let zhao: number;
  let chen: number;
  let herriot: number;

  beforeAll(async () => {
    const officer = await t.as('officer');
    herriot = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Hospices Civils de Lyon', nameZh: '里昂民用医院', countryCode: 'FR', kind: 'hospital' }))).json().id;
    const paris = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Paris Cité', countryCode: 'FR' }))).json().id;
    const programme = await officer.post('/api/programmes', { nameEn: '8-year programme of clinical medicine (Sino-French)', nameZh: PROGRAMME, nameFr: 'Programme franco-chinois de médecine clinique en 8 ans', durationYears: 8, unitId: t.units.a, startedYear: 2010, partners: [{ institutionId: paris }] });
    expect(programme.statusCode, programme.body).toBe(201);
    const id = programme.json().id;
    const cohorts: Record<number, number> = {};
    for (const entryYear of [2016, 2017]) cohorts[entryYear] = (await officer.post(`/api/programmes/${id}/cohorts`, { entryYear, intake: 30 })).json().id;
    const li = (await officer.post('/api/people', personBody({ familyName: 'Li', givenName: 'Ming', nameZh: '李明', nationality: 'CN', unitId: t.units.a1 }))).json().id;
    liStudent = (await officer.post('/api/programme-students', { personId: li, cohortId: cohorts[2016], studentNumber: 'F2016-001' })).json().id;
    zhao = (await officer.post('/api/people', personBody({ familyName: 'Zhao', givenName: 'Lei', nameZh: '赵磊', nationality: 'CN', unitId: t.units.a1, passportNumber: 'G7654321' }))).json().id;
    chen = (await officer.post('/api/people', personBody({ familyName: 'Chen', givenName: 'Jing', nameZh: '陈静', nationality: 'CN', unitId: t.units.a1 }))).json().id;
  });

  // A student on file by number, a person on file by passport, one by name, one new (a French status, the programme by its French name).
  const rows = (tag = '') => [
    HEADER,
    ['Li', 'Ming', '李明', '', PROGRAMME, '2016', 'F2016-001', '已毕业', ''],
    ['Zhao', 'Lei', '赵磊', 'g7654321', PROGRAMME, '2017', `F2017-002${tag}`, '在读', ''],
    ['CHEN', 'Jing', '陈静', '', 'Programme franco-chinois de médecine clinique en 8 ans', '2017', `F2017-003${tag}`, '在读', 'Redoublement en 2019'],
    [`Xu${tag}`, 'Yan', `徐燕${tag}`, '', PROGRAMME, '2017', `F2017-004${tag}`, 'Inscrit', ''],
  ];

  it('previews a GBK CSV: matched by student number, passport and name; bad rows named by column and reason; nothing written', async () => {
    const before = [await students(), await people()];
    const bad = [
      ['Qian', 'Hao', '钱浩', '', PROGRAMME, '2030', 'F2030-001', '在读', ''],
      ['Qian', 'Hao', '钱浩', '', 'MBBS in English', '2017', 'F2017-005', '在读', ''],
      ['Qian', 'Hao', '钱浩', '', PROGRAMME, '2017', '', '在读', ''],
      ['Qian', 'Hao', '钱浩', '', PROGRAMME, '2017', 'F2017-004', '在读', ''],
      ['Qian', 'Hao', '钱浩', '', PROGRAMME, '2017', 'F2017-006', '休学', ''],
    ];
    const response = await send('preview', gbkCsv([...rows(), ...bad]), '', 'zh-CN');
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.encoding).toBe('gb18030');
    expect(preview.counts).toEqual({ new: 1, update: 2, duplicate: 1, error: bad.length });
    expect(preview.rows[0]).toMatchObject({ class: 'update', matches: [{ id: liStudent, reason: 'same_student_number' }], values: { status: 'graduated', entryYear: 2016 } });
    expect(preview.rows[1]).toMatchObject({ class: 'update', matches: [{ id: zhao, reason: 'same_passport' }] });
    expect(preview.rows[2]).toMatchObject({ class: 'duplicate', matches: [{ id: chen, reason: 'same_name' }] });
    expect(preview.rows[3]).toMatchObject({ class: 'new', values: { status: 'enrolled' } });
    const problems = preview.rows.slice(4).map((r: { problems: Array<{ column: string; reason: string }> }) => r.problems.map((p) => `${p.column}:${p.reason}`));
    expect(problems).toEqual([['年级（入学年份）:unknown_cohort'], ['合作项目:unknown_programme'], ['学号:required'], ['学号:duplicate'], ['学籍状态:invalid_value']]);
    expect(preview.rows[4].problems[0].message).toMatch(/年级/);
    expect([await students(), await people()]).toEqual(before);
  });

  it('commits through the programmes service, audited; the same file again changes nothing', async () => {
    const [before, persons] = [await students(), await people()];
    const file = gbkCsv(rows());
    const response = await send('commit', file, decisionsQuery({ 4: chen }));
    expect(response.statusCode, response.body).toBe(201);
    const records = response.json().records as Array<{ entity: string; id: number; action: string }>;
    expect(records.filter((r) => r.entity === 'programme_student' && r.action === 'updated').map((r) => r.id)).toEqual([liStudent]);
    const created = records.filter((r) => r.entity === 'programme_student' && r.action === 'created').map((r) => r.id);
    expect(created).toHaveLength(rows().length - 2);
    expect(await students()).toBe(before + created.length);
    expect(await people()).toBe(persons + 1);
    const officer = await t.as('officer');
    expect((await officer.get(`/api/programme-students/${liStudent}`)).json()).toMatchObject({ status: 'graduated', entryYear: 2016 });
    expect((await officer.get(`/api/programme-students/${created[0]}`)).json()).toMatchObject({ personId: zhao, studentNumber: 'F2017-002', entryYear: 2017, status: 'enrolled' });
    expect((await officer.get(`/api/programme-students/${created[1]}`)).json()).toMatchObject({ personId: chen, notes: 'Redoublement en 2019' });
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'programme_student' AND entity_id = ANY($1::text[]) ORDER BY id`, [[liStudent, ...created].map(String)]);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['create', 'create', 'create', 'create', 'update']);

    const again = (await send('preview', file)).json();
    expect(again.counts).toEqual({ new: 0, update: rows().length - 1, duplicate: 0, error: 0 });
    expect(again.rows[2].matches[0]).toMatchObject({ id: created[1], reason: 'same_student_number' });
    const second = await send('commit', file);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: rows().length - 1 });
  });

  it('reads a file without the programme column when there is one programme', async () => {
    const preview = (await send('preview', gbkCsv([['学号', '姓', '名', '年级'], ['F2016-001', 'Li', 'Ming', '2016']]))).json();
    expect(preview.rows[0]).toMatchObject({ class: 'update', matches: [{ id: liStudent, reason: 'same_student_number' }] });
  });

  it('writes nothing when a row is in error, and keeps a coordinator to their unit’s programmes', async () => {
    const [before, persons] = [await students(), await people()];
    const response = await send('commit', gbkCsv([...rows(' B'), ['Qian', 'Hao', '钱浩', '', PROGRAMME, '2030', 'F2030-001', '在读', '']]), decisionsQuery({ 4: chen }), 'fr');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'rows.6.年级（入学年份）', message: expect.stringMatching(/promotion/) }]);
    expect([await students(), await people()]).toEqual([before, persons]);
    const other = (await send('preview', gbkCsv(rows()), '', 'en', 'coordinatorB')).json();
    expect(other.counts.error).toBe(rows().length - 1);
    expect(other.rows[0].problems).toEqual([expect.objectContaining({ field: 'programme', reason: 'unknown_programme' })]);
  });

  it('undoes an import: the students and the people it created deleted, audited', async () => {
    const [before, persons] = [await students(), await people()];
    const committed = await send('commit', gbkCsv([HEADER, ['Wu', 'Tao', '吴涛', '', PROGRAMME, '2017', 'F2017-020', '在读', ''], ['Zheng', 'Yu', '郑宇', '', PROGRAMME, '2016', 'F2016-021', '已退出', '']]));
    expect(committed.statusCode, committed.body).toBe(201);
    expect(await students()).toBe(before + 2);
    const undone = await (await t.as('officer')).post(`/api/imports/history/${committed.json().importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect([await students(), await people()]).toEqual([before, persons]);
    expect(await count(`audit_log WHERE entity = 'programme_student' AND action = 'delete'`)).toBe(2);
  });

  it('carries one residency on a row: shown in the preview, proposed and moved to its status through the programmes service, refused by its column, undone with the import', async () => {
    const placements = () => count('residency_placements');
    const header = [...HEADER, '住院医师培训医院', '培训科室', '培训开始日期', '培训结束日期', '培训状态'];
    const good = [
      header,
      ['Sun', 'Qing', '孙青', '', PROGRAMME, '2016', 'F2016-030', '在读', '', 'Hospices Civils de Lyon', 'Cardiologie', '2024-11-01', '2025-10-31', '已撤销'],
      ['Feng', 'Jun', '冯军', '', PROGRAMME, '2017', 'F2017-031', '在读', '', '里昂民用医院', '', '2025-11-01', '2026-10-31', ''],
    ];
    const [before, placed] = [await students(), await placements()];

    const preview = (await send('preview', gbkCsv([
      ...good,
      ['Gao', 'Lin', '高琳', '', PROGRAMME, '2017', 'F2017-032', '在读', '', 'Hospices Civils de Lyon', '', '2025-11-01', '2025-10-01', ''],
      ['Gao', 'Lin', '高琳', '', PROGRAMME, '2017', 'F2017-033', '在读', '', '', '', '', '', '已确认'],
    ]), '', 'zh-CN')).json();
    expect(preview.counts, JSON.stringify(preview.rows.map((r: { problems?: unknown }) => r.problems))).toMatchObject({ new: 2, error: 2 });
    expect(preview.rows[0]).toMatchObject({ class: 'new', values: { residencyHospital: herriot, residencyDepartment: 'Cardiologie', residencyStart: '2024-11-01', residencyEnd: '2025-10-31', residencyStatus: 'withdrawn' } });
    expect(preview.rows[1]).toMatchObject({ class: 'new', values: { residencyHospital: herriot, residencyStart: '2025-11-01' } });
    const problems = preview.rows.slice(2).map((r: { problems: Array<{ column: string; reason: string }> }) => r.problems.map((p) => `${p.column}:${p.reason}`));
    expect(problems).toEqual([['培训结束日期:end_before_start'], ['住院医师培训医院:required']]);

    // A residency confirmed for a student who has not met the standard (no examination on file): the row is refused by its status, nothing written.
    const refused = await send('commit', gbkCsv([...good, ['He', 'Ping', '何平', '', PROGRAMME, '2017', 'F2017-034', '在读', '', 'Hospices Civils de Lyon', '', '2025-11-01', '2026-10-31', '已确认']]), '', 'en');
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'rows.4.培训状态', message: expect.stringMatching(/standard/) }]);
    expect([await students(), await placements()]).toEqual([before, placed]);

    const committed = await send('commit', gbkCsv(good));
    expect(committed.statusCode, committed.body).toBe(201);
    const records = committed.json().records as Array<{ entity: string; id: number; action: string }>;
    const residencies = records.filter((r) => r.entity === 'residency_placement' && r.action === 'created').map((r) => r.id);
    expect(residencies).toHaveLength(good.length - 1);
    expect(await placements()).toBe(placed + residencies.length);
    const sun = records.find((r) => r.entity === 'programme_student')!.id;
    const record = (await (await t.as('officer')).get(`/api/programme-students/${sun}`)).json();
    expect(record.placements).toEqual([expect.objectContaining({ hostInstitutionId: herriot, department: 'Cardiologie', startDate: '2024-11-01', endDate: '2025-10-31', status: 'withdrawn', withdrawnOn: '2024-11-01' })]);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'residency_placement' AND entity_id = ANY($1::text[])`, [residencies.map(String)]);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['create', 'create', 'update']);

    // The same file again: the residencies are the students' already, not doubled.
    const again = await send('commit', gbkCsv(good));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().records).toEqual([]);
    expect(await placements()).toBe(placed + residencies.length);

    const undone = await (await t.as('officer')).post(`/api/imports/history/${committed.json().importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect([await students(), await placements()]).toEqual([before, placed]);
    expect(await count(`audit_log WHERE entity = 'residency_placement' AND action = 'delete'`)).toBe(residencies.length);
  });
});
