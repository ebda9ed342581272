import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { appointmentBody, conferenceBody, institutionBody, missionBody, personBody, visitBody } from '../../test/factories.ts';
import { PERSON_REFERENCES } from './person-rights.repo.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

/** What identifies the person in every form it is written; none may survive the erasure. */
const THEM = {
  familyName: 'Quenneville',
  givenName: 'Aurélie',
  nameZh: '柯雅丽',
  otherNames: ['Aurélie Marchetti-Quenneville'],
  email: 'aurelie.quenneville@example.org',
  title: 'Professeure titulaire',
  notes: 'Rencontrée au congrès de Lyon',
  passportNumber: 'QV1234567',
  birthDate: '1975-02-14',
};
/** Every form of it, except the family name alone (a namesake keeps theirs, see below). */
const TRACES = ['Aurélie', '柯雅丽', 'aurelie.quenneville', 'Marchetti', 'Professeure titulaire', 'Rencontrée au congrès', 'WP889977'];
/** A namesake in part (same family name, another given name): another person, whom nothing touches. */
const NAMESAKE = { familyName: 'Quenneville', givenName: 'Octave' };
/** Someone else entirely, for the export tests (so that the erasure test's names are its own). */
const SOMEONE = { ...THEM, familyName: 'Villeneuve', givenName: 'Odile', nameZh: '魏欧迪', otherNames: [], email: 'odile.villeneuve@example.org', title: 'Chargée de recherche', notes: 'Vue à Paris' };
/** A fellow member of the same delegation, who is not erased. */
const OTHER = { familyName: 'Okonkwo-Lindqvist', givenName: 'Bertrand' };

interface Built {
  id: number;
  otherId: number;
  visitId: number;
  appointmentId: number;
  conferenceId: number;
  missionId: number;
  honourId: number;
  programmeStudentId: number;
  enrolmentId: number;
  applicationId: number;
}

async function ok(response: Awaited<ReturnType<Client['post']>>, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

/** A person of unit A with every kind of row that names a person: visit, appointment and document, conference attendance, ledger, audit. */
async function buildPerson(who: typeof THEM = SOMEONE): Promise<Built> {
  const officer = await t.as('officer');
  const person = await ok(await officer.post('/api/people', personBody({ ...who, title: `Former title of ${who.givenName}`, nationality: 'FR', unitId: t.units.a })), 201);
  // An edit, so that the audit log holds an old value (the former title) as well as the current ones.
  await ok(await officer.patch(`/api/people/${person.id}`, { version: person.version, title: who.title }));
  const other = await ok(await officer.post('/api/people', personBody({ ...OTHER, nationality: 'DE', unitId: t.units.a })), 201);

  let visit = await ok(await officer.post('/api/visits', visitBody(t.units.a, [person.id, other.id], { startDate: '2024-05-10', endDate: '2024-05-12' })), 201);
  visit = await ok(await officer.post(`/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version }));
  visit = await ok(await officer.post(`/api/visits/${visit.id}/transitions`, { to: 'held', on: '2024-05-10', version: visit.version }));

  let appointment = await ok(await officer.post('/api/appointments', appointmentBody(person.id, t.units.a, { notes: `Proposée par ${who.givenName} ${who.familyName} elle-même` })), 201);
  appointment = await ok(await officer.post(`/api/appointments/${appointment.id}/transitions`, { to: 'appointed', version: appointment.version }));
  await ok(await officer.post(`/api/people/${person.id}/expert-documents`, { kind: 'work_permit', appointmentId: appointment.id, number: 'WP889977', notes: `Dossier de Mme ${who.familyName}`, expiresOn: '2026-12-31' }), 201);

  let conference = await ok(await officer.post('/api/conferences', conferenceBody(t.units.a)), 201);
  await ok(await officer.post(`/api/conferences/${conference.id}/attendees`, { personId: person.id, fullName: `${who.givenName} ${who.familyName}`, countryCode: 'FR', role: 'speaker', version: conference.version }), 201);
  conference = await ok(await officer.get(`/api/conferences/${conference.id}`));
  conference = await ok(await officer.post(`/api/conferences/${conference.id}/transitions`, { to: 'approved', version: conference.version }));
  await ok(await officer.post(`/api/conferences/${conference.id}/transitions`, { to: 'held', on: conference.startDate, version: conference.version }));

  // Outbound too: a mission they travelled on with the colleague, and an honour they received.
  let mission = await ok(await officer.post('/api/missions', missionBody(t.units.a, [person.id, other.id])), 201);
  mission = await ok(await officer.post(`/api/missions/${mission.id}/transitions`, { to: 'approved', approvalDocumentNo: 'PJ-2024-17', version: mission.version }));
  mission = await ok(await officer.post(`/api/missions/${mission.id}/transitions`, { to: 'travelled', on: mission.startDate, version: mission.version }));
  const honour = await ok(await officer.post('/api/honours', { personId: person.id, kind: 'prize', nameEn: 'Prize of the Academy of Surgery', conferredOn: '2023-06-01', countryCode: 'FR' }), 201);

  // The joint programme: a student of a cohort, and a visiting professor the same year (a test fixture, not a likely life).
  const programme = await ok(await officer.post('/api/programmes', { nameEn: `Joint programme ${person.id}`, durationYears: 8, unitId: t.units.a }), 201);
  const cohort = await ok(await officer.post(`/api/programmes/${programme.id}/cohorts`, { entryYear: 2020, intake: 30 }), 201);
  const student = await ok(await officer.post('/api/programme-students', { personId: person.id, cohortId: cohort.id, studentNumber: `S-${person.id}`, notes: `${who.givenName} asked for Lyon` }), 201);
  await ok(await officer.post(`/api/programmes/${programme.id}/visiting-professors`, { personId: person.id, year: 2024, courses: 'Cardiology', weeks: 3 }), 201);
  const host = await ok(await officer.post('/api/institutions', institutionBody()), 201);
  const opportunity = await ok(await officer.post('/api/exchange-opportunities', { titleEn: 'Semester in Lyon', kind: 'semester_exchange', hostInstitutionId: host.id, places: 2, academicYear: 2025, unitId: t.units.a }), 201);
  const application = await ok(await officer.post('/api/exchange-applications', { opportunityId: opportunity.id, personId: person.id, appliedOn: '2025-03-01', score: 91.5, notes: `${who.givenName} ${who.familyName} speaks French` }), 201);
  const enrolment = await ok(await officer.post('/api/students', { personId: person.id, level: 'master', programmeEn: 'Master of Public Health', unitId: t.units.a, admittedOn: '2023-09-01', notes: `${who.givenName} prefers English` }), 201);
  return {
    id: person.id,
    otherId: other.id,
    visitId: visit.id,
    appointmentId: appointment.id,
    conferenceId: conference.id,
    missionId: mission.id,
    honourId: honour.id,
    programmeStudentId: student.id,
    enrolmentId: enrolment.id,
    applicationId: application.id,
  };
}

/** Where a text occurs anywhere in the database: every row of every table, read as text. */
async function tablesHolding(text: string): Promise<string[]> {
  const { rows: tables } = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" x WHERE x::text ILIKE $1`, [`%${text}%`]);
    if (rows[0]!.n > 0) found.push(name);
  }
  return found;
}

/** Figures that erasure must leave as they were: the reports' figures, breakdowns and the ledger's totals. */
async function figures(c: Client) {
  const set = (await ok(await c.get('/api/reports/figures'))) as { figures: Array<{ key: string; value: unknown }> };
  return {
    figures: set.figures.map((f) => [f.key, f.value]),
    inbound: await ok(await c.get('/api/ledger/totals?direction=inbound')),
    outbound: await ok(await c.get('/api/ledger/totals?direction=outbound')),
    byCountry: await ok(await c.get('/api/reports/breakdown?by=country&direction=inbound')),
    byUnit: await ok(await c.get('/api/reports/breakdown?by=unit&direction=inbound')),
    ledgerRows: (await t.db.query('SELECT direction, who, person_id, count, category, country_code, unit_id, start_date FROM ledger ORDER BY id')).rows,
  };
}

describe('a person’s data rights: export', () => {
  it('covers every column that references people(id) in the database', async () => {
    const { rows } = await t.db.query<{ table: string; column: string }>(
      `SELECT kcu.table_name AS "table", kcu.column_name AS "column"
       FROM information_schema.referential_constraints rc
       JOIN information_schema.table_constraints target
         ON target.constraint_schema = rc.unique_constraint_schema AND target.constraint_name = rc.unique_constraint_name
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
       WHERE target.table_name = 'people' AND target.table_schema = current_schema()`,
    );
    const inDatabase = rows.map((r) => `${r.table}.${r.column}`).sort();
    expect(inDatabase.length).toBeGreaterThanOrEqual(5);
    expect(PERSON_REFERENCES.map((r) => `${r.table}.${r.column}`).sort(), 'a table references people(id) that the export (person-rights.repo.ts) does not cover').toEqual(inDatabase);

    // And each covered reference is a section of the file.
    const officer = await t.as('officer');
    const person = await ok(await officer.post('/api/people', personBody({ unitId: t.units.a })), 201);
    const body = await ok(await officer.get(`/api/people/${person.id}/export`));
    for (const { section } of PERSON_REFERENCES) expect(Array.isArray(body[section]), section).toBe(true);
  });

  it('gives the office everything held about the person as a JSON download, personal data decrypted, and audits it', async () => {
    const built = await buildPerson();
    const officer = await t.as('officer');
    const response = await officer.get(`/api/people/${built.id}/export`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="person-${built.id}-export.json"`);
    const body = response.json();
    expect(body).toMatchObject({ format: 'interchange.person-export', coverage: 'complete', personalData: true, exportedBy: 'officer@test.interchange' });
    expect(body.person).toMatchObject({ id: built.id, familyName: SOMEONE.familyName, nameZh: SOMEONE.nameZh, passportNumber: THEM.passportNumber, birthDate: THEM.birthDate, erasedAt: null });
    expect(body.visits).toEqual([expect.objectContaining({ visitId: built.visitId, status: 'held', roleInDelegation: 'head', countryCode: 'FR' })]);
    expect(body.appointments).toEqual([expect.objectContaining({ id: built.appointmentId, status: 'appointed' })]);
    expect(body.expertDocuments).toEqual([expect.objectContaining({ kind: 'work_permit', number: 'WP889977', appointmentId: built.appointmentId })]);
    expect(body.conferenceAttendances).toEqual([expect.objectContaining({ conferenceId: built.conferenceId, fullName: 'Odile Villeneuve', role: 'speaker' })]);
    const ledger = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger WHERE person_id = $1', [built.id]);
    expect(ledger.rows[0]!.n).toBe(3); // the visit, the conference and the mission
    expect(body.ledger.map((r: { sourceModule: string }) => r.sourceModule).sort()).toEqual(['conference', 'mission', 'visit']);
    expect(body.missions).toEqual([expect.objectContaining({ missionId: built.missionId, status: 'travelled', role: 'leader' })]);
    expect(body.honours).toEqual([expect.objectContaining({ id: built.honourId, nameEn: 'Prize of the Academy of Surgery' })]);
    expect(body.programmeStudents).toEqual([expect.objectContaining({ id: built.programmeStudentId, entryYear: 2020, assessments: [], placements: [] })]);
    expect(body.visitingProfessors).toEqual([expect.objectContaining({ year: 2024, courses: 'Cardiology', weeks: 3 })]);
    expect(body.studentEnrolments).toEqual([expect.objectContaining({ id: built.enrolmentId, level: 'master', countryCode: 'FR', status: 'admitted' })]);
    expect(body.exchangeApplications).toEqual([expect.objectContaining({ id: built.applicationId, academicYear: 2025, score: 91.5 })]);
    // The audit rows about them: their record's, and the visit's, appointment's, document's and attendee's that name them.
    const audited = new Set(body.audit.map((r: { entity: string }) => r.entity));
    for (const entity of ['person', 'visit', 'appointment', 'expert_document', 'conference_attendee', 'mission', 'honour']) expect(audited, entity).toContain(entity);
    expect(body.audit.filter((r: { entity: string; entityId: string }) => r.entity === 'person' && r.entityId === String(built.otherId))).toEqual([]);

    const exports = await t.db.query<{ actor_label: string; after: { rows: Record<string, number>; personalData: boolean } }>(
      `SELECT actor_label, after FROM audit_log WHERE action = 'export' AND entity = 'person' AND entity_id = $1`,
      [String(built.id)],
    );
    expect(exports.rows).toHaveLength(1);
    expect(exports.rows[0]).toMatchObject({ actor_label: 'officer@test.interchange', after: { personalData: true, rows: { visits: 1, ledger: 3, missions: 1, honours: 1 } } });
    expect(JSON.stringify(exports.rows[0])).not.toContain(SOMEONE.familyName);
  });

  it("gives a coordinator their unit's person without personal data, and answers 404 to another unit's coordinator", async () => {
    const built = await buildPerson();
    const a = await t.as('coordinatorA');
    const response = await a.get(`/api/people/${built.id}/export`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ coverage: 'unit', personalData: false });
    expect(body.person).not.toHaveProperty('passportNumber');
    expect(response.body).not.toContain(THEM.passportNumber);
    expect(response.body).not.toContain(THEM.birthDate);
    expect(response.body).not.toContain('WP889977');
    expect(body.visits).toHaveLength(1);

    expect((await (await t.as('coordinatorB')).get(`/api/people/${built.id}/export`)).statusCode).toBe(404);
    for (const role of ['viewer', 'leader'] as const) expect((await (await t.as(role)).get(`/api/people/${built.id}/export`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/people/${built.id}/export`)).statusCode).toBe(401);
  });
});

describe('a person’s data rights: erasure', () => {
  it('is the office’s alone, takes a reason and the current version', async () => {
    const built = await buildPerson();
    const person = await ok(await (await t.as('officer')).get(`/api/people/${built.id}`));
    for (const role of ['coordinatorA', 'coordinatorB', 'viewer', 'leader'] as const) {
      expect((await (await t.as(role)).post(`/api/people/${built.id}/erase`, { version: person.version, reason: 'asked' })).statusCode, role).toBe(403);
    }
    const officer = await t.as('officer');
    const noReason = await officer.post(`/api/people/${built.id}/erase`, { version: person.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    const stale = await officer.post(`/api/people/${built.id}/erase`, { version: person.version - 1, reason: 'asked' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await officer.post('/api/people/999999/erase', { version: 1, reason: 'asked' })).statusCode).toBe(404);
    expect((await officer.get(`/api/people/${built.id}`)).json().erasedAt).toBeNull();
  });

  it('removes the name from everything, keeps every figure, audits without the erased values, and cannot be repeated or undone', async () => {
    const built = await buildPerson(THEM);
    const officer = await t.as('officer');
    const namesake = await ok(await officer.post('/api/people', personBody({ ...NAMESAKE, unitId: t.units.a })), 201);
    const before = await figures(officer);
    const person = await ok(await officer.get(`/api/people/${built.id}`));

    const erased = await ok(await officer.post(`/api/people/${built.id}/erase`, { version: person.version, reason: 'Demande de Aurélie Quenneville du 3 mai' }), 200);
    expect(erased).toMatchObject({
      id: built.id,
      familyName: `Erased person ${built.id}`,
      givenName: null,
      nameZh: null,
      otherNames: [],
      email: null,
      title: null,
      notes: null,
      gender: null,
      birthDate: null,
      passportNumber: null,
      // What the figures need stays: nationality for the countries, the unit for who reaches the record.
      nationality: 'FR',
      unitId: t.units.a,
      version: person.version + 1,
    });
    expect(erased.erasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Figures and person-times are exactly as they were.
    expect(await figures(officer)).toEqual(before);
    expect(before.inbound.personTimes).toBeGreaterThanOrEqual(2);

    // The name is nowhere the API answers.
    const answers = [
      await officer.get(`/api/people/${built.id}`),
      await officer.get(`/api/people/${built.id}/export`),
      await officer.get(`/api/visits/${built.visitId}`),
      await officer.get(`/api/appointments/${built.appointmentId}`),
      await officer.get(`/api/people/${built.id}/expert-documents`),
      await officer.get(`/api/conferences/${built.conferenceId}/attendees`),
      await officer.get(`/api/missions/${built.missionId}`),
      await officer.get(`/api/honours/${built.honourId}`),
      await officer.get(`/api/programme-students/${built.programmeStudentId}`),
      await officer.get(`/api/students/${built.enrolmentId}`),
      await officer.get(`/api/exchange-applications/${built.applicationId}`),
      await officer.get(`/api/audit?pageSize=200`),
      await officer.get(`/api/audit?entity=person&entityId=${built.id}`),
    ];
    for (const response of answers) {
      expect(response.statusCode, response.body).toBe(200);
      for (const trace of TRACES) expect(response.body, trace).not.toContain(trace);
    }
    for (const answer of answers.slice(0, 11)) expect(answer.body).not.toContain(THEM.familyName);
    for (const q of ['柯雅丽', 'aurelie quenneville', 'aurelie.quenneville@example.org', 'Marchetti']) {
      const hits = (await ok(await officer.get(`/api/search?q=${encodeURIComponent(q)}`))) as Array<{ kind: string; id: number }>;
      expect(hits, q).toEqual([]);
      expect((await ok(await officer.get(`/api/people?q=${encodeURIComponent(q)}`))).total, q).toBe(0);
      expect((await ok(await officer.get(`/api/visits?q=${encodeURIComponent(q)}`))).total, q).toBe(0);
    }
    // The family name alone finds the namesake only.
    const byFamilyName = (await ok(await officer.get(`/api/search?q=${THEM.familyName}`))) as Array<{ kind: string; id: number }>;
    expect(byFamilyName.map((h) => [h.kind, h.id])).toEqual([['person', namesake.id]]);
    // Nor anywhere in the database, the audit log's old copies included; the namesake's rows are the only ones that say Quenneville.
    for (const trace of TRACES) expect(await tablesHolding(trace), trace).toEqual([]);
    expect(await tablesHolding(THEM.familyName)).toEqual(['audit_log', 'people', 'search_entries']);
    expect((await t.db.query(`SELECT id FROM people p WHERE p::text ILIKE '%quenneville%'`)).rows).toEqual([{ id: namesake.id }]);
    const searchRows = await t.db.query<{ kind: string; record_id: string }>(`SELECT kind, record_id::text FROM search_entries s WHERE s::text ILIKE '%quenneville%'`);
    expect(searchRows.rows).toEqual([{ kind: 'person', record_id: String(namesake.id) }]);
    const auditRows = await t.db.query<{ entity: string; entity_id: string }>(`SELECT entity, entity_id FROM audit_log a WHERE a::text ILIKE '%quenneville%'`);
    expect(auditRows.rows).toEqual([{ entity: 'person', entity_id: String(namesake.id) }]);
    // The other member of the delegation keeps their name, in the visit and in its history.
    expect((await officer.get(`/api/visits/${built.visitId}`)).body).toContain(OTHER.familyName);
    expect(await tablesHolding(OTHER.familyName)).toEqual(expect.arrayContaining(['audit_log', 'people']));
    // The person-times still name the (now anonymous) person.
    const ledger = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger WHERE person_id = $1', [built.id]);
    expect(ledger.rows[0]!.n).toBe(3);

    // Audited: who, why (without the name), which fields; never their values.
    const audit = await t.db.query<{ actor_label: string; before: { erasedFields: string[] }; after: { reason: string; erasedAt: string } }>(
      `SELECT actor_label, before, after FROM audit_log WHERE action = 'erase' AND entity = 'person' AND entity_id = $1`,
      [String(built.id)],
    );
    expect(audit.rows).toHaveLength(1);
    const row = audit.rows[0]!;
    expect(row.actor_label).toBe('officer@test.interchange');
    expect(row.before.erasedFields).toEqual(expect.arrayContaining(['familyName', 'givenName', 'nameZh', 'email', 'birthDateEnc', 'passportEnc']));
    expect(row.after.reason).toBe(`Demande de Erased person ${built.id} du 3 mai`);
    expect(row.after.erasedAt).toBe(erased.erasedAt);

    // Erased stays erased: no edit, no second erasure.
    const edit = await officer.patch(`/api/people/${built.id}`, { version: erased.version, familyName: THEM.familyName });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('person_erased');
    const again = await officer.post(`/api/people/${built.id}/erase`, { version: erased.version, reason: 'twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('person_erased');
    expect((await officer.get(`/api/people/${built.id}`, { 'accept-language': 'zh' })).json().familyName).toBe(`Erased person ${built.id}`);
  });
});
