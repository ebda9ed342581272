import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { personBody } from '../../test/factories.ts';
import type { StudentEnrolmentInput } from '../../../shared/contracts/students.ts';

let t: TestServer;
let nguyen: number;
let okafor: number;
let stateless: number;

/** A valid admission for a person, with overrides: MBBS taught in English in unit A, admitted in July 2020. */
function enrolmentBody(personId: number, overrides: Partial<StudentEnrolmentInput> = {}): StudentEnrolmentInput {
  return { personId, level: 'bachelor', programmeEn: 'MBBS (English-taught)', programmeZh: '临床医学（英语授课）', unitId: t.units.a, funding: 'csc_scholarship', instructionLanguage: 'en', admittedOn: '2020-07-01', ...overrides };
}

async function auditRows(id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number | null; before: unknown; after: unknown }>(
    `SELECT action, unit_id, before, after FROM audit_log WHERE entity = 'student' AND entity_id = $1 ORDER BY id`,
    [String(id)],
  );
  return rows;
}

const countEnrolments = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM student_enrolments')).rows[0]!.n;

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  nguyen = (await officer.post('/api/people', personBody({ familyName: 'Nguyen', givenName: 'Thi Lan', otherNames: ['Nguyễn Thị Lan'], nationality: 'VN', gender: 'female', unitId: t.units.a }))).json().id;
  okafor = (await officer.post('/api/people', personBody({ familyName: 'Okafor', givenName: 'Chidi', nationality: 'NG', gender: 'male', unitId: t.units.b }))).json().id;
  stateless = (await officer.post('/api/people', personBody({ familyName: 'Nobody', nationality: null, unitId: t.units.a }))).json().id;
});
afterAll(async () => t?.close());

describe('students: enrolments', () => {
  it('records an admission (201) counted under the nationality at enrolment, audited with its unit', async () => {
    const officer = await t.as('officer');
    const response = await officer.post('/api/students', enrolmentBody(nguyen, { studentNumber: 'L2020001' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ personId: nguyen, countryCode: 'VN', isRegion: false, status: 'admitted', enrolledOn: null, unitId: t.units.a, person: { familyName: 'Nguyen', otherNames: ['Nguyễn Thị Lan'] }, version: 1 });
    const audit = await auditRows(response.json().id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', unit_id: t.units.a, before: null, after: expect.objectContaining({ studentNumber: 'L2020001', countryCode: 'VN' }) })]);
    expect(audit[0]!.after).not.toHaveProperty('person');
  });

  it('keeps the country counted when the person’s nationality changes later', async () => {
    const officer = await t.as('officer');
    const row = (await officer.post('/api/students', enrolmentBody(nguyen, { level: 'master', programmeEn: 'Master of Public Health' }))).json();
    const person = (await officer.get(`/api/people/${nguyen}`)).json();
    expect((await officer.patch(`/api/people/${nguyen}`, { nationality: 'FR', version: person.version })).statusCode).toBe(200);
    expect((await officer.get(`/api/students/${row.id}`)).json()).toMatchObject({ countryCode: 'VN', person: { nationality: 'FR' } });
    const back = (await officer.get(`/api/people/${nguyen}`)).json();
    await officer.patch(`/api/people/${nguyen}`, { nationality: 'VN', version: back.version });
  });

  it('refuses bad input with 400 naming each field, in the caller’s language, and writes nothing', async () => {
    const officer = await t.as('officer');
    const before = await countEnrolments();
    const bad = await officer.post('/api/students', { personId: nguyen, level: 'diploma', programmeEn: '', unitId: t.units.a, admittedOn: '2020-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['admittedOn', 'level', 'programmeEn']);
    const noCountry = await officer.post('/api/students', enrolmentBody(stateless), { 'accept-language': 'fr' });
    expect(noCountry.statusCode).toBe(400);
    expect(noCountry.json().error.fields).toEqual([{ field: 'countryCode', message: expect.stringContaining('nationalité') }]);
    const nobody = await officer.post('/api/students', enrolmentBody(999999));
    expect(nobody.json().error.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
    const nowhere = await officer.post('/api/students', enrolmentBody(nguyen, { unitId: 999999, countryCode: 'ZZ' }));
    expect(nowhere.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['countryCode', 'unitId']);
    const early = await officer.post('/api/students', enrolmentBody(nguyen, { expectedCompletionOn: '2019-01-01' }));
    expect(early.json().error.fields).toEqual([expect.objectContaining({ field: 'expectedCompletionOn' })]);
    expect(await countEnrolments()).toBe(before);
  });

  it('records an enrolment of the past as it stands, its dates checked against its status', async () => {
    const officer = await t.as('officer');
    const past = await officer.post('/api/students', enrolmentBody(okafor, { unitId: t.units.b, level: 'master', programmeEn: 'Master of Medicine', admittedOn: '1988-07-01', status: 'graduated', enrolledOn: '1988-09-01', completedOn: '1991-07-01', degreeAwarded: 'Master of Medicine' }));
    expect(past.statusCode, past.body).toBe(201);
    expect(past.json()).toMatchObject({ status: 'graduated', enrolledOn: '1988-09-01', completedOn: '1991-07-01', version: 1 });
    const before = await countEnrolments();
    const missing = await officer.post('/api/students', enrolmentBody(okafor, { unitId: t.units.b, status: 'graduated', enrolledOn: '2020-09-01' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['completedOn']);
    const early = await officer.post('/api/students', enrolmentBody(okafor, { unitId: t.units.b, status: 'enrolled', enrolledOn: '2020-06-01' }));
    expect(early.json().error.fields).toEqual([expect.objectContaining({ field: 'enrolledOn' })]);
    expect(await countEnrolments()).toBe(before);
    await t.db.query('DELETE FROM student_enrolments WHERE id = $1', [past.json().id]);
  });

  it('refuses a student number issued twice (409 duplicate)', async () => {
    const officer = await t.as('officer');
    expect((await officer.post('/api/students', enrolmentBody(okafor, { unitId: t.units.b, studentNumber: 'B2021007' }))).statusCode).toBe(201);
    const again = await officer.post('/api/students', enrolmentBody(okafor, { unitId: t.units.b, studentNumber: 'B2021007', level: 'master' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate');
  });

  it('moves through the workflow one dated step at a time, each audited; 409 when stale', async () => {
    const officer = await t.as('officer');
    let row = (await officer.post('/api/students', enrolmentBody(nguyen, { level: 'doctorate', programmeEn: 'PhD in Immunology', programmeZh: '免疫学博士' }))).json();
    const step = async (body: Record<string, unknown>) => officer.post(`/api/students/${row.id}/transitions`, { ...body, version: row.version });
    expect((await step({ to: 'graduated', on: '2021-01-01' })).json().error.fields).toEqual([expect.objectContaining({ field: 'to' })]);
    expect((await step({ to: 'enrolled', on: '2020-06-30' })).json().error.fields).toEqual([expect.objectContaining({ field: 'on' })]);
    for (const s of [{ to: 'enrolled', on: '2020-09-01' }, { to: 'suspended', on: '2021-03-01' }, { to: 'enrolled', on: '2021-09-01' }, { to: 'graduated', on: '2024-07-01', degreeAwarded: 'Doctor of Medicine' }]) {
      const response = await step(s);
      expect(response.statusCode, response.body).toBe(200);
      row = response.json();
    }
    expect(row).toMatchObject({ status: 'graduated', enrolledOn: '2020-09-01', suspendedOn: null, completedOn: '2024-07-01', degreeAwarded: 'Doctor of Medicine', version: 5 });
    const stale = await officer.post(`/api/students/${row.id}/transitions`, { to: 'withdrawn', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ status: 'graduated' });
    expect((await auditRows(row.id)).map((r) => r.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
    // A graduate is never deleted.
    expect((await officer.delete(`/api/students/${row.id}?version=${row.version}`)).statusCode).toBe(409);
    // Dates stay consistent with the status when edited.
    const emptied = await officer.patch(`/api/students/${row.id}`, { completedOn: null, version: row.version });
    expect(emptied.statusCode).toBe(400);
    expect(emptied.json().error.fields).toEqual([expect.objectContaining({ field: 'completedOn' })]);
  });

  it('edits at the current version (409 with the current record when stale); deletes an admission only, audited', async () => {
    const officer = await t.as('officer');
    const row = (await officer.post('/api/students', enrolmentBody(nguyen, { programmeEn: 'Nursing' }))).json();
    const edited = await officer.patch(`/api/students/${row.id}`, { funding: 'shanghai_scholarship', notes: 'Deferred', version: row.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ funding: 'shanghai_scholarship', notes: 'Deferred', programmeEn: 'Nursing', version: 2 });
    const stale = await officer.patch(`/api/students/${row.id}`, { notes: 'Late', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ version: 2, notes: 'Deferred' });
    expect((await officer.delete(`/api/students/${row.id}?version=1`)).statusCode).toBe(409);
    expect((await officer.delete(`/api/students/${row.id}?version=2`)).statusCode).toBe(204);
    expect((await officer.get(`/api/students/${row.id}`)).statusCode).toBe(404);
    expect((await auditRows(row.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('lets only the office and coordinators write; everyone signed in reads', async () => {
    const row = (await (await t.as('officer')).post('/api/students', enrolmentBody(nguyen, { programmeEn: 'Read programme' }))).json();
    for (const role of ['viewer', 'leader'] as const) {
      expect((await (await t.as(role)).post('/api/students', enrolmentBody(nguyen))).statusCode).toBe(403);
      expect((await (await t.as(role)).post(`/api/students/${row.id}/transitions`, { to: 'enrolled', version: row.version })).statusCode).toBe(403);
      expect((await (await t.as(role)).get(`/api/students/${row.id}`)).statusCode).toBe(200);
    }
    expect((await t.anonymous.get('/api/students')).statusCode).toBe(401);
  });
});

describe('students: a coordinator’s unit', () => {
  it('lets coordinator A enrol unit A’s people in unit A, never in another unit', async () => {
    const a = await t.as('coordinatorA');
    const created = await a.post('/api/students', enrolmentBody(nguyen, { programmeEn: 'Unit A programme', unitId: t.units.a1 }));
    expect(created.statusCode, created.body).toBe(201);
    const elsewhere = await a.post('/api/students', enrolmentBody(nguyen, { unitId: t.units.b }));
    expect(elsewhere.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
    const moved = await a.patch(`/api/students/${created.json().id}`, { unitId: t.units.b, version: 1 });
    expect(moved.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
  });

  it('never shows coordinator B unit A’s students, by any path', async () => {
    const officer = await t.as('officer');
    const hidden = (await officer.post('/api/students', enrolmentBody(nguyen, { programmeEn: 'Hidden Programme', studentNumber: 'HIDDEN1' }))).json();
    const b = await t.as('coordinatorB');
    expect((await b.get(`/api/students/${hidden.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/students/${hidden.id}`, { notes: 'x', version: hidden.version })).statusCode).toBe(404);
    expect((await b.post(`/api/students/${hidden.id}/transitions`, { to: 'enrolled', version: hidden.version })).statusCode).toBe(404);
    expect((await b.delete(`/api/students/${hidden.id}?version=${hidden.version}`)).statusCode).toBe(404);
    expect((await b.get(`/api/people/${nguyen}/enrolments`)).statusCode).toBe(404);
    expect((await b.post('/api/students', enrolmentBody(nguyen, { unitId: t.units.b }))).json().error.fields).toEqual([{ field: 'personId', message: expect.any(String) }]);
    const list = (await b.get('/api/students?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((e: { unitId: number }) => e.unitId === t.units.b)).toBe(true);
    expect((await b.get('/api/students?q=hidden')).json().total).toBe(0);
    expect((await b.get(`/api/students?personId=${nguyen}`)).json().total).toBe(0);
    const csv = (await b.get('/api/students?format=csv')).body;
    expect(csv).not.toContain('Hidden Programme');
    expect(csv).toContain('Okafor');
  });
});

describe('students: list, filters and export', () => {
  it('filters by level, status, country, unit, programme, funding and search; gives the students among the enrolments and a person’s enrolments', async () => {
    const viewer = await t.as('viewer');
    const masters = (await viewer.get('/api/students?level=master')).json();
    expect(masters.items.map((e: { personId: number }) => e.personId)).toEqual([nguyen]);
    expect((await viewer.get('/api/students?country=NG')).json().items.every((e: { countryCode: string }) => e.countryCode === 'NG')).toBe(true);
    const unitB = (await viewer.get(`/api/students?unitId=${t.units.b}`)).json();
    expect(unitB.items.map((e: { personId: number }) => e.personId)).toEqual([okafor]);
    const all = (await viewer.get('/api/students?pageSize=200')).json();
    expect(all.persons).toBe(new Set(all.items.map((e: { personId: number }) => e.personId)).size);
    expect(all.persons).toBeLessThan(all.total);
    expect((await viewer.get('/api/students?programme=immunology')).json().items.map((e: { level: string }) => e.level)).toEqual(['doctorate']);
    expect((await viewer.get('/api/students?funding=shanghai_scholarship')).json().total).toBe(0);
    expect((await viewer.get('/api/students?status=graduated&fromYear=2020&toYear=2020')).json().total).toBe(1);
    expect((await viewer.get('/api/students?q=B2021007')).json().items.map((e: { personId: number }) => e.personId)).toEqual([okafor]);
    const mine = (await viewer.get(`/api/people/${okafor}/enrolments`)).json();
    expect(mine).toMatchObject({ personId: okafor, items: [expect.objectContaining({ studentNumber: 'B2021007' })] });
    expect((await viewer.get('/api/people/999999/enrolments')).statusCode).toBe(404);
  });

  it('exports the list as CSV and xlsx in the caller’s language, names in their own script beside the romanisation', async () => {
    const officer = await t.as('officer');
    const csv = await officer.get('/api/students?level=doctorate&format=csv', { 'accept-language': 'zh' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('本国文字姓名');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Thi Lan Nguyen,Nguyễn Thị Lan,,VN,博士,免疫学博士,单位A,英语,中国政府奖学金,2020-07-01,2020-09-01,已毕业,2024-07-01,Doctor of Medicine,$/);
    expect(lines[1]).toContain('已毕业');
    const xlsx = await officer.get('/api/students?format=xlsx', { 'accept-language': 'fr' });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Étudiant');
    expect(sheet.rowCount - 1).toBe((await officer.get('/api/students')).json().total);
  });
});
