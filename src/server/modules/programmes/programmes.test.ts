import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody } from '../../test/factories.ts';

let t: TestServer;
let officer: Client;
let programmeId = 0;
let cohortId = 0;
let paris = 0;
let chu = 0;
let serial = 0;

async function auditRows(entity: string, id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number | null; before: unknown; after: unknown }>(
    'SELECT action, unit_id, before, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id',
    [entity, String(id)],
  );
  return rows;
}

const ledgerRows = async (placementId: number) =>
  (await t.db.query<{ direction: string; who: string; category: string; country_code: string; person_id: number }>(
    `SELECT direction, who, category, country_code, person_id FROM ledger WHERE source_module = 'residency_placement' AND source_id = $1`,
    [placementId],
  )).rows;

/** A student of unit A's programme (a person of sub-unit A1), admitted to the 2016 cohort. */
async function student(c: Client = officer): Promise<{ id: number; personId: number; version: number }> {
  const personId = (await officer.post('/api/people', personBody({ familyName: 'Li', givenName: `Ming ${++serial}`, nameZh: '李明', nationality: 'CN', unitId: t.units.a1 }))).json().id;
  const response = await c.post('/api/programme-students', { personId, cohortId, studentNumber: `F2016-${String(serial).padStart(3, '0')}` });
  expect(response.statusCode, response.body).toBe(201);
  return { ...response.json(), personId };
}

async function assess(studentId: number, meetsStandard: boolean, stage = 'french_language', assessedOn = '2018-06-20') {
  const response = await officer.post(`/api/programme-students/${studentId}/assessments`, { stage, assessedOn, result: meetsStandard ? 'B2' : 'B1', meetsStandard });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function propose(studentId: number, c: Client = officer) {
  return c.post(`/api/programme-students/${studentId}/placements`, { hostInstitutionId: chu, department: 'Cardiologie', startDate: '2022-11-01', endDate: '2023-10-31' });
}

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  paris = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Paris Cité', countryCode: 'FR', city: 'Paris' }))).json().id;
  chu = (await officer.post('/api/institutions', institutionBody({ kind: 'hospital', nameEn: 'Hospices Civils de Lyon', countryCode: 'FR', city: 'Lyon' }))).json().id;
  const programme = await officer.post('/api/programmes', { nameEn: '8-year programme of clinical medicine (Sino-French)', nameZh: '临床医学八年制（中法合作）', nameFr: 'Programme franco-chinois de médecine clinique en 8 ans', durationYears: 8, unitId: t.units.a, startedYear: 2010, partners: [{ institutionId: paris }] });
  expect(programme.statusCode, programme.body).toBe(201);
  programmeId = programme.json().id;
  cohortId = (await officer.post(`/api/programmes/${programmeId}/cohorts`, { entryYear: 2016, intake: 28 })).json().id;
});
afterAll(async () => t?.close());

describe('programmes and cohorts', () => {
  it('records a programme (201) with its partners, audited with its unit; its cohorts count their students', async () => {
    const got = (await officer.get(`/api/programmes/${programmeId}`)).json();
    expect(got).toMatchObject({ durationYears: 8, language: 'fr', unitId: t.units.a, partners: [{ institutionId: paris, institution: { nameEn: 'Université Paris Cité', countryCode: 'FR' } }], cohorts: [{ entryYear: 2016, intake: 28 }] });
    const audit = await auditRows('programme', programmeId);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', unit_id: t.units.a })]);
    expect(await auditRows('programme_cohort', cohortId)).toHaveLength(1);
  });

  it('refuses bad input with 400 naming each field, and a programme of another unit to a coordinator', async () => {
    const bad = await officer.post('/api/programmes', { nameEn: '', durationYears: 20, unitId: t.units.a, partners: [{ institutionId: 999999 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['durationYears', 'nameEn']);
    const nowhere = await officer.post('/api/programmes', { nameEn: 'X', durationYears: 5, unitId: t.units.a, partners: [{ institutionId: 999999 }] });
    expect(nowhere.json().error.fields).toEqual([expect.objectContaining({ field: 'partners.0.institutionId' })]);
    const theirs = await (await t.as('coordinatorA')).post('/api/programmes', { nameEn: 'Theirs', durationYears: 5, unitId: t.units.b });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
    expect((await (await t.as('viewer')).post('/api/programmes', { nameEn: 'V', durationYears: 5, unitId: t.units.a })).statusCode).toBe(403);
  });

  it('answers a stale save with 409 and the current record', async () => {
    const current = (await officer.get(`/api/programmes/${programmeId}`)).json();
    expect((await officer.patch(`/api/programmes/${programmeId}`, { notes: 'First', version: current.version })).statusCode).toBe(200);
    const stale = await officer.patch(`/api/programmes/${programmeId}`, { notes: 'Second', version: current.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.notes).toBe('First');
  });

  it('lists the visiting professors the partner sent each year', async () => {
    const prof = (await officer.post('/api/people', personBody({ familyName: 'Dubois', givenName: 'Jean', title: 'Professor', nationality: 'FR' }))).json().id;
    const added = await officer.post(`/api/programmes/${programmeId}/visiting-professors`, { personId: prof, year: 2019, courses: 'Physiologie', weeks: 3 });
    expect(added.statusCode, added.body).toBe(201);
    expect(await auditRows('visiting_professor', added.json().id)).toEqual([expect.objectContaining({ action: 'create', unit_id: t.units.a })]);
    expect((await officer.post(`/api/programmes/${programmeId}/visiting-professors`, { personId: prof, year: 2019 })).statusCode).toBe(409);
    const list = (await officer.get(`/api/programmes/${programmeId}/visiting-professors?year=2019`)).json();
    expect(list.items).toEqual([expect.objectContaining({ personId: prof, weeks: 3, person: expect.objectContaining({ familyName: 'Dubois' }) })]);
  });
});

describe('students, assessments and placements', () => {
  it('admits a student (201, audited), refuses a person twice (409) and a cohort that does not exist (400)', async () => {
    const s = await student();
    expect(await auditRows('programme_student', s.id)).toEqual([expect.objectContaining({ action: 'create', unit_id: t.units.a })]);
    const twice = await officer.post('/api/programme-students', { personId: s.personId, cohortId, studentNumber: 'OTHER-1' });
    expect(twice.statusCode).toBe(409);
    const nowhere = await officer.post('/api/programme-students', { personId: s.personId, cohortId: 999999, studentNumber: 'X-1' });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.fields).toEqual([expect.objectContaining({ field: 'cohortId' })]);
  });

  it('confirms a placement only for a student who meets the standard (409 residency_standard_not_met, in en/zh/fr), then writes one outbound person-time', async () => {
    const s = await student();
    await assess(s.id, false);
    const placement = (await propose(s.id)).json();
    expect(placement).toMatchObject({ status: 'proposed', hostInstitution: { nameEn: 'Hospices Civils de Lyon' } });
    expect(await ledgerRows(placement.id)).toEqual([]);
    for (const [lang, text] of [['en', 'not met the standard'], ['zh', '未达到标准'], ['fr', 'exigences']] as const) {
      const refused = await officer.post(`/api/residency-placements/${placement.id}/transitions`, { to: 'confirmed', on: '2022-10-01', version: placement.version }, { 'accept-language': lang });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'residency_standard_not_met', message: expect.stringContaining(text) });
    }
    // Retaken and passed: the latest French assessment meets the standard.
    await assess(s.id, true, 'french_language', '2019-01-15');
    const confirmed = await officer.post(`/api/residency-placements/${placement.id}/transitions`, { to: 'confirmed', on: '2022-10-01', version: placement.version });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedOn: '2022-10-01' });
    expect(await ledgerRows(placement.id)).toEqual([{ direction: 'outbound', who: 'student', category: 'residency', country_code: 'FR', person_id: s.personId }]);
    const audit = await auditRows('residency_placement', placement.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ unit_id: t.units.a, before: expect.objectContaining({ status: 'proposed' }), after: expect.objectContaining({ status: 'confirmed' }) });
    // Withdrawn: the person-time goes, and the placement is frozen.
    const withdrawn = await officer.post(`/api/residency-placements/${placement.id}/transitions`, { to: 'withdrawn', version: confirmed.json().version });
    expect(withdrawn.statusCode).toBe(200);
    expect(await ledgerRows(placement.id)).toEqual([]);
    expect((await officer.patch(`/api/residency-placements/${placement.id}`, { department: 'Pédiatrie', version: withdrawn.json().version })).json().error.code).toBe('placement_not_editable');
    const illegal = await officer.post(`/api/residency-placements/${placement.id}/transitions`, { to: 'confirmed', version: withdrawn.json().version });
    expect(illegal.statusCode).toBe(400);
    expect(illegal.json().error.fields).toEqual([expect.objectContaining({ field: 'to' })]);
  });

  it('moves the person-time with the placement’s dates, and refuses an end before the start', async () => {
    const s = await student();
    await assess(s.id, true);
    let placement = (await propose(s.id)).json();
    placement = (await officer.post(`/api/residency-placements/${placement.id}/transitions`, { to: 'confirmed', on: '2022-10-01', version: placement.version })).json();
    const moved = await officer.patch(`/api/residency-placements/${placement.id}`, { startDate: '2023-01-02', endDate: '2023-12-31', version: placement.version });
    expect(moved.statusCode, moved.body).toBe(200);
    const { rows } = await t.db.query<{ start_date: string }>(`SELECT start_date FROM ledger WHERE source_module = 'residency_placement' AND source_id = $1`, [placement.id]);
    expect(rows.map((r) => r.start_date)).toEqual(['2023-01-02']);
    const backwards = await officer.patch(`/api/residency-placements/${placement.id}`, { endDate: '2022-01-01', version: moved.json().version });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([{ field: 'endDate', message: expect.stringContaining('before the start date') }]);
  });

  it('corrects and deletes an assessment with its version, audited', async () => {
    const s = await student();
    const a = await assess(s.id, true, 'basic_sciences');
    const patched = await officer.patch(`/api/programme-assessments/${a.id}`, { result: '15/20', version: a.version });
    expect(patched.statusCode).toBe(200);
    expect((await officer.delete(`/api/programme-assessments/${a.id}?version=${a.version}`)).statusCode).toBe(409);
    expect((await officer.delete(`/api/programme-assessments/${a.id}?version=${patched.json().version}`)).statusCode).toBe(204);
    expect((await auditRows('programme_assessment', a.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect((await officer.get(`/api/programme-students/${s.id}`)).json()).toMatchObject({ assessments: [], meetsStandard: false });
  });

  it('keeps unit A’s students from coordinator B: not found, not listed, not written', async () => {
    const s = await student(await t.as('coordinatorA'));
    const b = await t.as('coordinatorB');
    expect((await b.get(`/api/programme-students/${s.id}`)).statusCode).toBe(404);
    expect((await b.get(`/api/programmes/${programmeId}`)).statusCode).toBe(404);
    expect((await b.get('/api/programme-students')).json().total).toBe(0);
    expect((await b.patch(`/api/programme-students/${s.id}`, { status: 'withdrawn', version: s.version })).statusCode).toBe(404);
    expect((await b.post(`/api/programme-students/${s.id}/assessments`, { stage: 'clinical', assessedOn: '2020-01-01', meetsStandard: true })).statusCode).toBe(404);
    expect((await propose(s.id, b)).statusCode).toBe(404);
    // Coordinator A admits only their unit's people.
    const outsider = (await officer.post('/api/people', personBody({ unitId: t.units.b }))).json().id;
    const refused = await (await t.as('coordinatorA')).post('/api/programme-students', { personId: outsider, cohortId, studentNumber: 'B-1' });
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
  });

  it('filters the list by status and placement, and exports it as CSV and Excel in the reader’s language', async () => {
    const s = await student();
    await officer.patch(`/api/programme-students/${s.id}`, { status: 'withdrawn', version: s.version });
    const withdrawn = (await officer.get(`/api/programme-students?programmeId=${programmeId}&status=withdrawn`)).json();
    expect(withdrawn.items.map((i: { id: number }) => i.id)).toEqual([s.id]);
    const placed = (await officer.get(`/api/programme-students?placed=true`)).json();
    expect(placed.items.every((i: { placed: boolean }) => i.placed)).toBe(true);
    expect(placed.total).toBe(1);
    const all = (await officer.get('/api/programme-students')).json().total;
    expect((await officer.get('/api/programme-students?placed=false')).json().total).toBe(all - placed.total);
    const csv = await officer.get('/api/programme-students?format=csv&status=withdrawn', { 'accept-language': 'fr' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Numéro d’étudiant');
    expect(csv.body).toContain('Abandon');
    expect(csv.body).toContain('李明');
    const xlsx = await officer.get('/api/programme-students?format=xlsx', { 'accept-language': 'zh' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('学号');
    expect(sheet.rowCount).toBe(all + 1);
  });
});
