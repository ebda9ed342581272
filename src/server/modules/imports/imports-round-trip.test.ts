import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile } from '../../test/factories.ts';
import { systemContext } from '../../core/request-context.ts';
import { computeFigureSet, flatFigures } from '../../reports/figures/figure-set.ts';
import { IMPORT_KINDS } from '../../../shared/contracts/imports.ts';
import { EXPORTABLE_IMPORT_KINDS, type ExportableImportKind } from '../../../shared/contracts/import-exports.ts';

// Issue 11, "Export": every importable kind exported in its import's shape, imported into an
// EMPTY database (a second test server), gives the same records (exported again, the same
// rows) and the same figures. The records are this test's own, written by importing a file of
// each kind into the first database, plus a visit in another unit typed through the API. What a
// kind names but no import writes (an exchange opportunity, a programme and its cohorts) is
// typed through the API into each database before its kind is imported (PREREQUISITES).

let source: TestServer;
let target: TestServer;

/** The fields an export never writes: personal data stays on the record (README, "How an office moves in"). */
const NEVER_EXPORTED = new Set(['passportNumber']);

/** A name beginning with "=": a spreadsheet would run it as a formula unless neutralised. */
const FORMULA_NAME = '=Hôpital Saint-Exemple';

/** The English title of the conference whose attendees are imported. */
const CONFERENCE = 'Round-trip symposium on tropical medicine';

/** The joint programme's English name (its students' rows name it in either language). */
const PROGRAMME = '8-year programme of clinical medicine (Sino-French)';

/**
 * Each kind's records, by field (cells as an office types them, read by the import), filling
 * every column the export writes. A kind plugged into the export adds its rows here.
 */
const SEED: Record<ExportableImportKind, Array<Record<string, string>>> = {
  institutions: [
    { nameEn: 'University of Sydney', nameZh: '悉尼大学', nameFr: 'Université de Sydney', otherNames: 'USyd; Sydney Uni', kind: 'University', countryCode: 'AU', city: 'Sydney', website: 'https://www.sydney.edu.au', ror: '0384j8v12', schac: 'sydney.edu.au', pic: '999876543', notes: 'Partner since 1998' },
    { nameEn: 'Université Paris Cité', nameZh: '巴黎西岱大学', nameLocal: 'Université Paris Cité', kind: 'University', countryCode: 'France', city: 'Paris', erasmusCode: 'F PARIS482' },
    { nameEn: FORMULA_NAME, nameZh: '圣例医院', kind: 'Hospital', countryCode: '法国', city: 'Lyon' },
    { nameEn: 'Chinese University of Hong Kong', nameZh: '香港中文大学', kind: 'University', countryCode: '香港' },
  ],
  people: [
    { familyName: 'Dupont', givenName: 'Marie', otherNames: 'Marie Dupont-Leroy', gender: 'Female', nationality: 'FR', institutionId: 'Université Paris Cité', title: 'Professor', email: 'marie.dupont@example.fr', unitId: 'A', notes: 'Met in 2019' },
    { familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义', gender: 'Male', nationality: 'CN', title: '教授', email: 'wang.zhenyi@example.cn', unitId: 'A1' },
  ],
  agreements: [
    { titleEn: 'Comprehensive cooperation with Sydney', titleZh: '与悉尼大学全面合作协议', titleFr: 'Coopération avec Sydney', partners: 'University of Sydney', level: 'Institutional (university)', kind: 'Comprehensive cooperation / MoU', ourSignatory: 'Chen Guoqiang', partnerSignatory: 'Mark Scott', signedOn: '2021-03-05', effectiveOn: '2021-04-01', expiresOn: '2031-03-31', status: 'Active', notes: 'Renewed once' },
    { titleEn: 'Residency exchange', titleZh: '住院医师交流协议', partners: `Université Paris Cité; ${FORMULA_NAME}`, level: 'Collegiate (school, department, hospital)', kind: 'Staff exchange', unitId: 'A', signedOn: '2022-09-01', status: 'Signed' },
  ],
  visits: [
    { titleEn: 'Paris Cité delegation', titleZh: '巴黎西岱大学代表团', hostUnitId: 'A', purpose: 'Academic exchange', startDate: '2024-05-06', endDate: '2024-05-08', protocolLevel: 'University president', receivingOfficial: 'Vice-president Li', status: 'Closed (report filed)', report: 'Two lectures, one agreement renewed.', notes: 'Dinner at the guest house', familyName: 'Dupont', givenName: 'Marie', nationality: 'FR', institutionId: 'Université Paris Cité', position: 'Professor', roleInDelegation: 'Head', email: 'marie.dupont@example.fr', gender: 'Female' },
    { titleEn: 'Paris Cité delegation', hostUnitId: 'A', startDate: '2024-05-06', endDate: '2024-05-08', familyName: 'Nguyễn', givenName: 'Thị Lan', nameZh: '阮氏兰', nationality: 'VN', institutionId: 'Université Paris Cité', position: 'Lecturer', roleInDelegation: 'Member', email: 'lan.nguyen@example.fr', gender: 'Female' },
    { titleEn: 'Sydney courtesy call', hostUnitId: 'A1', purpose: 'Courtesy visit', startDate: '2025-02-10', endDate: '2025-02-10', status: 'Held', familyName: 'Smith', givenName: 'John', nationality: 'AU', institutionId: 'USyd', email: 'john.smith@example.au', gender: 'Male' },
  ],
  missions: [
    { titleEn: 'Lyon congress', titleZh: '里昂国际会议', unitId: 'A', purpose: 'International conference', startDate: '2023-09-04', endDate: '2023-09-09', countries: 'FR; HK', hostInstitutions: 'Université Paris Cité', fundingSource: 'Research grant', approvalDocumentNo: 'JW-2023-17', invitationReference: 'INV-88', status: 'Closed (report filed)', report: 'Three papers presented.', notes: 'Visa in 5 days', familyName: 'Wang', givenName: 'Zhenyi', nameZh: '王振义', email: 'wang.zhenyi@example.cn', position: '教授', gender: 'Male', role: 'Leader' },
    { titleEn: 'Lyon congress', unitId: 'A', startDate: '2023-09-04', endDate: '2023-09-09', familyName: 'Zhou', givenName: 'Min', nameZh: '周敏', email: 'zhou.min@example.cn', gender: 'Female', role: 'Interpreter' },
  ],
  appointments: [
    { familyName: 'Dupont', givenName: 'Marie', email: 'marie.dupont@example.fr', nationality: 'FR', institutionId: 'Université Paris Cité', title: 'Honorary professor', unitId: 'A', startDate: '2024-01-01', endDate: '2026-12-31', status: 'Appointed', notes: 'Teaches each spring', gender: 'Female', position: 'Professor' },
    { familyName: 'Okafor', givenName: 'Chidi', nameZh: '奥卡福', email: 'chidi.okafor@example.ng', nationality: 'NG', title: 'Visiting professor', unitId: 'A1', startDate: '2025-09-01', status: 'Proposed', gender: 'Male' },
  ],
  honours: [
    { familyName: 'Wang', givenName: 'Zhenyi', email: 'wang.zhenyi@example.cn', kind: 'Decoration', honourEn: 'Legion of Honour', honourZh: '法国荣誉军团勋章', honourFr: "Légion d'honneur", nameOriginal: "Légion d'honneur", awardingBody: 'President of the French Republic', countryCode: 'FR', conferred: '2019', citation: 'For Sino-French medicine', notable: 'Yes', unitId: 'A1', gender: 'Male', position: '教授' },
    { familyName: 'Zhou', givenName: 'Min', email: 'zhou.min@example.cn', kind: 'Honorary degree', honourEn: 'Doctor honoris causa', awardingInstitutionId: 'University of Sydney', conferred: '2021-11', notable: 'No' },
  ],
  students: [
    { familyName: 'Nguyễn', givenName: 'Văn An', nameZh: '阮文安', gender: 'Male', nationality: 'VN', email: 'an.nguyen@example.vn', position: 'Student', institutionId: 'Chinese University of Hong Kong', level: 'Master', programmeEn: 'Clinical medicine', programmeZh: '临床医学', unitId: 'A', countryCode: 'VN', funding: 'Chinese Government Scholarship (CSC)', instructionLanguage: 'English', studentNumber: 'M2023-001', admittedOn: '2023-07-01', enrolledOn: '2023-09-01', expectedCompletionOn: '2026-06-30', status: 'Enrolled', notes: 'Class rep' },
    { familyName: 'สมชาย', givenName: 'ใจดี', gender: 'Male', nationality: 'TH', email: 'somchai@example.th', level: 'Bachelor (undergraduate)', programmeEn: 'Nursing', unitId: 'A1', admittedOn: '2018-07-01', enrolledOn: '2018-09-01', status: 'Graduated', completedOn: '2022-06-30', degreeAwarded: 'BSc Nursing' },
    { familyName: 'Kowalska', givenName: 'Anna', nationality: 'PL', email: 'anna.kowalska@example.pl', level: 'Doctorate', programmeEn: 'Public health', unitId: 'A', admittedOn: '2020-07-01', enrolledOn: '2020-09-01', status: 'Withdrawn', leftOn: '2021-03-15' },
  ],
  aggregates: [
    { year: '1988', direction: 'Inbound', who: 'Visitors', category: 'Academic exchange', countryCode: 'JP', unitId: 'A', count: '1,204', sourceDocument: 'Annual report 1988', notes: 'Typed from paper' },
    { year: '1989', direction: 'Outbound', who: 'Staff', category: 'All purposes', countryCode: 'US', count: '37', sourceDocument: 'Annual report 1989' },
  ],
  'exchange-applications': [
    { familyName: 'Sun', givenName: 'Li', nameZh: '孙丽', gender: 'Female', position: 'Student', email: 'sun.li@example.cn', unitId: 'A1', opportunity: 'Semester in Paris', hostInstitutionId: 'Université Paris Cité', academicYear: '2024-2025', appliedOn: '2024-03-01', score: '91.5', languageCertificate: 'DELF B2', status: 'Returned', decidedOn: '2024-04-15', departureDate: '2024-09-02', returnDate: '2025-01-20', notes: 'Thesis in Paris' },
    { familyName: 'Qian', givenName: 'Hao', nameZh: '钱浩', gender: 'Male', email: 'qian.hao@example.cn', opportunity: '巴黎学期交流', academicYear: '2024', appliedOn: '2024-03-03', score: '84', status: 'Waitlisted', decidedOn: '2024-04-15' },
  ],
  'programme-students': [
    { familyName: 'Xu', givenName: 'Yan', nameZh: '徐燕', gender: 'Female', position: 'Student', email: 'xu.yan@example.cn', programme: PROGRAMME, entryYear: '2016', studentNumber: 'F2016-001', status: 'Graduated', notes: 'Residency in Lyon', residencyHospital: FORMULA_NAME, residencyDepartment: 'Cardiologie', residencyStart: '2022-11-01', residencyEnd: '2023-10-31', residencyStatus: 'Withdrawn' },
    { familyName: 'Zhao', givenName: 'Lei', nameZh: '赵磊', gender: 'Male', email: 'zhao.lei@example.cn', programme: '临床医学八年制（中法合作）', entryYear: '2017', studentNumber: 'F2017-002', status: 'Enrolled', residencyHospital: '圣例医院', residencyStart: '2025-11-01', residencyEnd: '2026-10-31' },
  ],
  // The conference is typed into each database (PREREQUISITES) and named by its title.
  attendees: [
    { fullName: '王振义', institutionName: 'University of Sydney', countryCode: '中国', role: '发言人', conference: CONFERENCE },
    { fullName: 'Hélène Dupont', institutionName: FORMULA_NAME, countryCode: 'FR', role: 'Organizer', conference: CONFERENCE },
    { fullName: 'Ann Lee', countryCode: 'Singapore', conference: CONFERENCE },
  ],
};

/** An institution imported into `t` before, by its English name. */
async function institutionId(t: TestServer, nameEn: string): Promise<number> {
  const { rows } = await t.db.query<{ id: number }>('SELECT id FROM institutions WHERE name_en = $1', [nameEn]);
  expect(rows.length, nameEn).toBe(1);
  return Number(rows[0]!.id);
}

/** What a kind's rows name that no import writes, typed through the API into `t` (the same in both databases). */
const PREREQUISITES: Partial<Record<ExportableImportKind, (t: TestServer) => Promise<void>>> = {
  async attendees(t) {
    const response = await (await t.as('officer')).post('/api/conferences', { titleEn: CONFERENCE, titleZh: '热带医学往返研讨会', startDate: '2024-05-10', endDate: '2024-05-11', hostUnitId: t.units.a });
    expect(response.statusCode, response.body).toBe(201);
  },
  async 'exchange-applications'(t) {
    const response = await (await t.as('officer')).post('/api/exchange-opportunities', {
      kind: 'semester_exchange', titleEn: 'Semester in Paris', titleZh: '巴黎学期交流', hostInstitutionId: await institutionId(t, 'Université Paris Cité'), places: 2, academicYear: 2024, unitId: t.units.a,
    });
    expect(response.statusCode, response.body).toBe(201);
  },
  async 'programme-students'(t) {
    const officer = await t.as('officer');
    const programme = await officer.post('/api/programmes', {
      nameEn: PROGRAMME, nameZh: '临床医学八年制（中法合作）', durationYears: 8, unitId: t.units.a, startedYear: 2010, partners: [{ institutionId: await institutionId(t, 'Université Paris Cité') }],
    });
    expect(programme.statusCode, programme.body).toBe(201);
    for (const entryYear of [2016, 2017]) {
      const cohort = await officer.post(`/api/programmes/${programme.json().id}/cohorts`, { entryYear, intake: 30 });
      expect(cohort.statusCode, cohort.body).toBe(201);
    }
  },
};

const csvCell = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);

/** A kind's seed rows as the CSV an office would write: one column per field used, headed in English. */
function seedFile(kind: ExportableImportKind): Buffer {
  const columns = IMPORT_KINDS[kind].columns.filter((c) => SEED[kind].some((row) => row[c.field] !== undefined));
  const lines = [columns.map((c) => c.label.en), ...SEED[kind].map((row) => columns.map((c) => row[c.field] ?? ''))];
  return Buffer.from(lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n');
}

async function commit(t: TestServer, kind: string, fileName: string, content: Buffer, language = 'en') {
  const { payload, headers } = multipartFile(fileName, content);
  const response = await (await t.as('officer')).post(`/api/imports/${kind}/commit?onDuplicate=update`, payload, { ...headers, 'accept-language': language });
  expect(response.statusCode, `${kind}: ${response.body}`).toBe(201);
  expect(response.json().counts.error, kind).toBe(0);
  return response.json();
}

async function exported(t: TestServer, kind: string, options: { query?: string; role?: 'officer' | 'coordinatorA' | 'coordinatorB'; language?: string } = {}) {
  const response = await (await t.as(options.role ?? 'officer')).get(`/api/imports/${kind}/export?${options.query ?? 'format=csv'}`, { 'accept-language': options.language ?? 'zh-CN' });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

/** A CSV's header and its rows, each row as a line of text, sorted (two databases list equal records in their own id order). */
function sheet(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parse(text.replace(/^\uFEFF/, ''), { relaxColumnCount: false }) as string[][];
  return { header: header!, rows: rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
}

beforeAll(async () => {
  source = await startTestServer();
  target = await startTestServer();
  for (const kind of EXPORTABLE_IMPORT_KINDS) {
    await PREREQUISITES[kind]?.(source);
    await commit(source, kind, `${kind}.csv`, seedFile(kind));
  }
  // A visit typed in unit B: a coordinator of A never exports it.
  const officer = await source.as('officer');
  const visitor = await officer.post('/api/people', { familyName: 'Berg', givenName: 'Ola', nationality: 'NO', email: 'ola.berg@example.no' });
  expect(visitor.statusCode, visitor.body).toBe(201);
  const visit = await officer.post('/api/visits', { titleEn: 'Oslo visit in unit B', hostUnitId: source.units.b, purpose: 'lecturing', startDate: '2025-03-03', endDate: '2025-03-04', members: [{ personId: visitor.json().id }] });
  expect(visit.statusCode, visit.body).toBe(201);
}, 240_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('every importable kind, exported in its import’s shape and imported into an empty database', () => {
  it('has its own records in this test for each exportable kind, and every importable kind is exportable', () => {
    expect(Object.keys(SEED).sort()).toEqual([...EXPORTABLE_IMPORT_KINDS].sort());
    expect(Object.keys(IMPORT_KINDS).filter((k) => !EXPORTABLE_IMPORT_KINDS.includes(k as ExportableImportKind))).toEqual([]);
  });

  // In the order an office moves in: each kind finds the ones before it (institutions, people) in the new database.
  for (const kind of EXPORTABLE_IMPORT_KINDS) {
    it(`${kind}: the template's columns headed in the caller's language, every column written, the same rows once imported and exported again`, async () => {
      const first = await exported(source, kind);
      expect(first.headers['content-type']).toContain('text/csv');
      expect(first.body.startsWith('\uFEFF')).toBe(true);
      const before = sheet(first.body);
      expect(before.header).toEqual(IMPORT_KINDS[kind].columns.map((c) => c.label.zh));
      expect(before.rows.length).toBeGreaterThanOrEqual(SEED[kind].length);
      // Every column the kind carries is written for some record (a field the export dropped would come back empty and go unnoticed).
      IMPORT_KINDS[kind].columns.forEach((c, i) => {
        if (!NEVER_EXPORTED.has(c.field)) expect(before.rows.some((r) => r[i] !== ''), `${kind}.${c.field}`).toBe(true);
        else expect(before.rows.every((r) => r[i] === ''), `${kind}.${c.field}`).toBe(true);
      });

      await PREREQUISITES[kind]?.(target);
      await commit(target, kind, `${kind}-export.csv`, Buffer.from(first.rawPayload), 'zh-CN');
      const again = sheet((await exported(target, kind)).body);
      expect(again).toEqual(before);
    });
  }

  it('gives the same figures and the same person-times in the empty database it was imported into', async () => {
    const ledger = async (t: TestServer) =>
      (await t.db.query(`SELECT direction, who, is_aggregate AS "isAggregate", sum(count)::int AS n FROM ledger GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)).rows;
    const inSource = await ledger(source);
    expect(inSource.length).toBeGreaterThan(0);
    // The visit typed in unit B was exported and imported with the others.
    expect(await ledger(target)).toEqual(inSource);
    const figures = async (t: TestServer) => flatFigures(await computeFigureSet(systemContext(t.db), {}));
    const inTarget = await figures(target);
    expect(Object.values(inTarget).some((v) => typeof v === 'number' && v > 0)).toBe(true);
    expect(inTarget).toEqual(await figures(source));
  });

  it('keeps a name beginning with "=" neutralised in the file, and reads it back as it was', async () => {
    const file = (await exported(source, 'institutions', { query: 'format=csv&country=FR' })).body;
    expect(file).toContain(`'${FORMULA_NAME}`);
    expect(file).not.toMatch(/(^|,)=Hôpital/m);
    const { rows } = await target.db.query<{ nameEn: string }>(`SELECT name_en AS "nameEn" FROM institutions WHERE name_zh = '圣例医院'`);
    expect(rows).toEqual([{ nameEn: FORMULA_NAME }]);
  });

  it("applies the list's filters", async () => {
    const all = sheet((await exported(source, 'institutions', { language: 'en' })).body).rows;
    const french = sheet((await exported(source, 'institutions', { query: 'format=csv&country=FR', language: 'en' })).body).rows;
    const country = IMPORT_KINDS.institutions.columns.findIndex((c) => c.field === 'countryCode');
    expect(french.length).toBeGreaterThan(0);
    expect(french.length).toBeLessThan(all.length);
    expect(french.every((r) => r[country] === 'FR')).toBe(true);
  });

  it("holds only the coordinator's unit's records in a coordinator's export", async () => {
    const unitColumn = IMPORT_KINDS.visits.columns.findIndex((c) => c.field === 'hostUnitId');
    const officers = sheet((await exported(source, 'visits')).body).rows;
    const coordinators = sheet((await exported(source, 'visits', { role: 'coordinatorA' })).body).rows;
    expect(officers.some((r) => r[unitColumn] === 'B')).toBe(true);
    expect(coordinators.length).toBeGreaterThan(0);
    expect(coordinators.every((r) => r[unitColumn] === 'A' || r[unitColumn] === 'A1')).toBe(true);
    expect(coordinators).toEqual(officers.filter((r) => r[unitColumn] !== 'B'));
  });

  it("applies the exchange applications' and programme students' list filters, and their unit scope", async () => {
    const status = IMPORT_KINDS['exchange-applications'].columns.findIndex((c) => c.field === 'status');
    const all = sheet((await exported(source, 'exchange-applications', { language: 'en' })).body).rows;
    const returned = sheet((await exported(source, 'exchange-applications', { query: 'format=csv&status=returned', language: 'en' })).body).rows;
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.length).toBeLessThan(all.length);
    expect(returned.every((r) => r[status] === 'Returned')).toBe(true);
    const number = IMPORT_KINDS['programme-students'].columns.findIndex((c) => c.field === 'studentNumber');
    const graduated = sheet((await exported(source, 'programme-students', { query: 'format=csv&status=graduated', language: 'en' })).body).rows;
    expect(graduated.map((r) => r[number])).toEqual(SEED['programme-students'].filter((r) => r.status === 'Graduated').map((r) => r.studentNumber));
    // The exchange and the programme are unit A's: a coordinator of B exports their header only.
    for (const kind of ['exchange-applications', 'programme-students'] as const) {
      expect(sheet((await exported(source, kind, { role: 'coordinatorB' })).body).rows, kind).toEqual([]);
    }
  });

  it('writes GB18030 on request: the same rows as the UTF-8 file, without a byte-order mark', async () => {
    const utf8 = await exported(source, 'students');
    const gb = await exported(source, 'students', { query: 'format=csv&encoding=gb18030' });
    expect(gb.headers['content-type']).toContain('gb18030');
    const bytes = Buffer.from(gb.rawPayload);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(sheet(iconv.decode(bytes, 'gb18030'))).toEqual(sheet(utf8.body));
  });

  it('writes an Excel workbook the import reads as the CSV', async () => {
    const xlsx = await exported(source, 'missions', { query: 'format=xlsx' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const { payload, headers } = multipartFile('missions.xlsx', Buffer.from(xlsx.rawPayload));
    const preview = await (await source.as('officer')).post('/api/imports/missions/preview', payload, headers);
    expect(preview.statusCode, preview.body).toBe(200);
    // Read back into the database it came from, each member is found and each mission recognised: nothing new.
    expect(preview.json().counts).toMatchObject({ new: 0, error: 0 });
    expect(preview.json().rows.length).toBe(sheet((await exported(source, 'missions')).body).rows.length);
  });

  it('is refused without a sign-in, and names a bad filter', async () => {
    expect((await source.anonymous.get('/api/imports/aggregates/export?format=csv')).statusCode).toBe(401);
    const bad = await (await source.as('officer')).get('/api/imports/visits/export?format=csv&encoding=latin-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('encoding');
  });
});
