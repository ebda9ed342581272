import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, emailOf, signInAs, startTestServer, succeeded, type Client, type TestServer } from '../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, missionBody, multipartFile, personBody, visitBody } from '../test/factories.ts';
import { editableField, recordKindBody } from '../test/record-kind-samples.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';

/**
 * Two people editing the same record: whoever saves second gets 409 with the current record,
 * and nothing is silently overwritten, for every PATCH route the server registers (a new one
 * fails the coverage check until it is taught here). The race is real: both saves leave at
 * once, and exactly one of them wins. A save that changes nothing writes nothing.
 */
interface Case {
  /**
   * Makes a fresh record and answers the URL to PATCH and its current version; `read` when the
   * version belongs to a parent record (an attendee is part of its conference's list).
   */
  make(): Promise<{ url: string; version: number; read?: () => Promise<string> }>;
  /** Two different edits of one field. */
  edits: [Record<string, unknown>, Record<string, unknown>];
  /** Only admins may make this edit: the two editors are two admin sessions. */
  adminOnly?: boolean;
}

let t: TestServer;
let officer: Client;
let admin: Client;
/** A second admin session, for the edits only admins may make. */
let otherAdmin: Client;
let partnerId = 0;
let personId = 0;

const created = succeeded;
const top = (kind: string) => async (body: unknown) => {
  const row = await created(officer.post(`/api/${kind}`, body));
  return { url: `/api/${kind}/${row.id}`, version: row.version };
};
let serial = 0;
/** A fresh student of a fresh programme of unit A (each with their own person). */
async function programmeStudent(): Promise<{ id: number; version: number }> {
  const programme = await created(officer.post('/api/programmes', { nameEn: `Race programme ${++serial}`, durationYears: 8, unitId: t.units.a }));
  const cohort = await created(officer.post(`/api/programmes/${programme.id}/cohorts`, { entryYear: 2020, intake: 25 }));
  const person = await created(officer.post('/api/people', personBody({ unitId: t.units.a })));
  return created(officer.post('/api/programme-students', { personId: person.id, cohortId: cohort.id, studentNumber: `R-${serial}` }));
}
/** How an edit reads in the record's JSON: `"field":value`. */
const fragment = (edit: Record<string, unknown>) => Object.entries(edit).map(([field, value]) => `"${field}":${JSON.stringify(value)}`)[0]!;
const twoValues = (field: string): Case['edits'] => [{ [field]: `First edit ${++serial}` }, { [field]: `Second edit ${serial}` }];

const CASES: Record<string, () => Case> = {
  // A draft is its uploader's alone: the two editors are two sessions of the administrator who uploaded it.
  'PATCH /api/imports/drafts/:id': () => ({
    make: async () => {
      const { payload, headers } = multipartFile('race.csv', Buffer.from(`Name (English),Country or region\r\nRace University ${++serial},FR\r\n`));
      const { draft } = await created<{ draft: { id: number; version: number } }>(admin.post('/api/imports/institutions/drafts', payload, headers));
      return { url: `/api/imports/drafts/${draft.id}`, version: draft.version };
    },
    edits: [{ onDuplicate: 'update' }, { onDuplicate: 'fail' }],
    adminOnly: true,
  }),
  'PATCH /api/institutions/:id': () => ({ make: () => top('institutions')(institutionBody()), edits: twoValues('city') }),
  'PATCH /api/units/:id': () => ({ make: () => top('units')({ code: `U${++serial}`, kind: 'department', nameEn: 'Unit', nameZh: '单位', parentId: t.units.a }), edits: twoValues('nameEn') }),
  'PATCH /api/people/:id': () => ({ make: () => top('people')(personBody({ unitId: t.units.a })), edits: twoValues('title') }),
  'PATCH /api/users/:id': () => ({
    make: async () => {
      const row = await created(admin.post('/api/users', { email: `race${++serial}@test.interchange`, displayName: 'Race', role: 'viewer', password: 'a long enough password' }));
      return { url: `/api/users/${row.id}`, version: row.version };
    },
    edits: twoValues('displayName'),
    adminOnly: true,
  }),
  'PATCH /api/ledger/aggregates/:id': () => ({
    make: () => top('ledger/aggregates')({ direction: 'inbound', who: 'staff', count: 4, category: 'other', startDate: '1985-01-01', endDate: '1985-12-31', sourceDocument: 'Yearbook 1985', unitId: t.units.a }),
    edits: twoValues('sourceDocument'),
  }),
  'PATCH /api/agreements/:id': () => ({ make: () => top('agreements')(agreementBody([partnerId])), edits: twoValues('notes') }),
  'PATCH /api/visits/:id': () => ({ make: () => top('visits')(visitBody(t.units.a, [personId])), edits: twoValues('notes') }),
  'PATCH /api/missions/:id': () => ({ make: () => top('missions')(missionBody(t.units.a, [personId])), edits: twoValues('notes') }),
  'PATCH /api/appointments/:id': () => ({ make: () => top('appointments')(appointmentBody(personId, t.units.a)), edits: twoValues('notes') }),
  'PATCH /api/conferences/:id': () => ({ make: () => top('conferences')(conferenceBody(t.units.a)), edits: twoValues('venue') }),
  'PATCH /api/students/:id': () => ({ make: () => top('students')({ personId, level: 'bachelor', programmeEn: `Race MBBS ${++serial}`, unitId: t.units.a, countryCode: 'FR', admittedOn: '2020-07-01' }), edits: twoValues('notes') }),
  'PATCH /api/honours/:id': () => ({ make: () => top('honours')({ personId, kind: 'prize', nameEn: `Race Prize ${++serial}`, conferredOn: '2020-01-01' }), edits: twoValues('citation') }),
  'PATCH /api/programmes/:id': () => ({ make: () => top('programmes')({ nameEn: `Race programme ${++serial}`, durationYears: 8, unitId: t.units.a }), edits: twoValues('notes') }),
  'PATCH /api/programme-cohorts/:id': () => ({
    make: async () => {
      const programme = await created(officer.post('/api/programmes', { nameEn: `Race programme ${++serial}`, durationYears: 8, unitId: t.units.a }));
      const cohort = await created(officer.post(`/api/programmes/${programme.id}/cohorts`, { entryYear: 2020, intake: 25 }));
      return { url: `/api/programme-cohorts/${cohort.id}`, version: cohort.version, read: async () => JSON.stringify((await officer.get(`/api/programmes/${programme.id}`)).json().cohorts) };
    },
    edits: twoValues('notes'),
  }),
  'PATCH /api/programme-students/:id': () => ({ make: async () => ({ url: `/api/programme-students/${(await programmeStudent()).id}`, version: 1 }), edits: twoValues('notes') }),
  'PATCH /api/programme-assessments/:id': () => ({
    make: async () => {
      const student = await programmeStudent();
      const row = await created(officer.post(`/api/programme-students/${student.id}/assessments`, { stage: 'clinical', assessedOn: '2024-01-01', meetsStandard: true }));
      return { url: `/api/programme-assessments/${row.id}`, version: row.version, read: async () => (await officer.get(`/api/programme-students/${student.id}`)).body };
    },
    edits: twoValues('evaluatorNotes'),
  }),
  'PATCH /api/exchange-opportunities/:id': () => ({
    make: () => top('exchange-opportunities')({ titleEn: `Race exchange ${++serial}`, kind: 'summer_school', hostInstitutionId: partnerId, places: 4, academicYear: 2024, unitId: t.units.a }),
    edits: twoValues('notes'),
  }),
  'PATCH /api/exchange-applications/:id': () => ({
    make: async () => {
      const opportunity = await created(officer.post('/api/exchange-opportunities', { titleEn: `Race exchange ${++serial}`, kind: 'summer_school', hostInstitutionId: partnerId, places: 4, academicYear: 2024, unitId: t.units.a }));
      return top('exchange-applications')({ opportunityId: opportunity.id, personId, appliedOn: '2024-03-01', score: 80 });
    },
    edits: twoValues('notes'),
  }),
  'PATCH /api/residency-placements/:id': () => ({
    make: async () => {
      const student = await programmeStudent();
      const row = await created(officer.post(`/api/programme-students/${student.id}/placements`, { hostInstitutionId: partnerId, startDate: '2024-11-01', endDate: '2025-10-31' }));
      return { url: `/api/residency-placements/${row.id}`, version: row.version, read: async () => (await officer.get(`/api/programme-students/${student.id}`)).body };
    },
    edits: twoValues('department'),
  }),
  'PATCH /api/conferences/:id/attendees/:attendeeId': () => ({
    make: async () => {
      const conference = await created(officer.post('/api/conferences', conferenceBody(t.units.a)));
      const attendee = await created(officer.post(`/api/conferences/${conference.id}/attendees`, { fullName: 'Ada Race', version: conference.version }));
      // The version is the conference's: the list of attendees is part of it.
      const current = (await officer.get(`/api/conferences/${conference.id}`)).json() as { version: number };
      const read = async () => (await officer.get(`/api/conferences/${conference.id}/attendees`)).body;
      return { url: `/api/conferences/${conference.id}/attendees/${attendee.id}`, version: current.version, read };
    },
    edits: twoValues('institutionName'),
  }),
  'PATCH /api/people/:id/expert-documents/:documentId': () => ({
    make: async () => {
      const row = await created(officer.post(`/api/people/${personId}/expert-documents`, { kind: 'visa', expiresOn: '2030-01-01' }));
      const read = async () => (await officer.get(`/api/people/${personId}/expert-documents`)).body;
      return { url: `/api/people/${personId}/expert-documents/${row.id}`, version: row.version, read };
    },
    edits: twoValues('notes'),
  }),
  'PATCH /api/settings/:key': () => ({
    make: async () => {
      const settings = (await officer.get('/api/settings')).json() as Array<{ key: string; version: number }>;
      const setting = settings.find((s) => s.key === 'conference.majorForeignParticipants')!;
      // its own row only: another setting may hold the same number (a deadline of 60 days)
      const read = async () => JSON.stringify(((await officer.get('/api/settings')).json() as Array<{ key: string }>).find((s) => s.key === setting.key));
      return { url: `/api/settings/${setting.key}`, version: setting.version, read };
    },
    edits: [{ value: 40 + (++serial % 5) }, { value: 60 + (serial % 5) }],
  }),
  // Every record kind, from its description: a record of unit A, two edits of its first text field.
  ...Object.fromEntries(
    RECORD_KINDS.map((kind) => [
      `PATCH /api/${kind.path}/:id`,
      (): Case => ({ make: () => top(kind.path)(recordKindBody(kind, { unitId: t.units.a, institutionId: partnerId })), edits: twoValues(editableField(kind)) }),
    ]),
  ),
};

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  admin = await t.as('admin');
  const { cookie, csrf } = await signInAs(t.app, emailOf('admin'));
  otherAdmin = client(t.app, cookie, csrf);
  partnerId = (await created(officer.post('/api/institutions', institutionBody()))).id;
  personId = (await created(officer.post('/api/people', personBody({ unitId: t.units.a })))).id;
});
afterAll(async () => t?.close());

describe('two people editing the same record', () => {
  it('is taught for every PATCH route the server registers', () => {
    const patches = t.routes.filter((r) => r.method === 'PATCH' && !['/api/auth/preferences', '/api/auth/mail-preferences'].includes(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(patches.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, makeCase] of Object.entries(CASES)) {
    it(`${route}: the second save gets 409 with the current record, the first edit stays`, async () => {
      const { make, edits, adminOnly } = makeCase();
      const [one, two] = adminOnly ? [admin, otherAdmin] : [officer, admin];
      const { url, version, read } = await make();
      const first = await one.patch(url, { ...edits[0], version });
      expect(first.statusCode, first.body).toBe(200);
      const second = await two.patch(url, { ...edits[1], version });
      expect(second.statusCode, second.body).toBe(409);
      const current = second.json().error.current;
      expect(current.version).toBeGreaterThan(version);
      const state = read ? await read() : JSON.stringify(current);
      expect(state).toContain(fragment(edits[0]));
      expect(state).not.toContain(fragment(edits[1]));
    });

    it(`${route}: a save that changes nothing answers the record, writes no audit row and keeps the version`, async () => {
      const { make, edits, adminOnly } = makeCase();
      const one = adminOnly ? admin : officer;
      const { url, version } = await make();
      expect((await one.patch(url, { ...edits[0], version })).statusCode).toBe(200);
      const auditRows = async () => ((await admin.get('/api/audit?pageSize=1')).json() as { total: number }).total;
      const rowsBefore = await auditRows();
      const again = await one.patch(url, { ...edits[0], version: version + 1 });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.body).toContain(fragment(edits[0]));
      expect(await auditRows()).toBe(rowsBefore);
      // the version did not move: a real edit at the same version still saves
      const next = await one.patch(url, { ...edits[1], version: version + 1 });
      expect(next.statusCode, next.body).toBe(200);
      expect(await auditRows()).toBeGreaterThan(rowsBefore);
    });

    it(`${route}: of several saves sent at once on the same version, exactly one wins`, async () => {
      const { make, edits, adminOnly } = makeCase();
      const [one, two] = adminOnly ? [admin, otherAdmin] : [officer, admin];
      const { url, version, read } = await make();
      // Six saves alternate between the two edits; on PostgreSQL they run on separate connections.
      const saves = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? two : one).patch(url, { ...edits[i % 2]!, version })));
      const statuses = saves.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 200), statuses.join()).toHaveLength(1);
      expect(statuses.filter((s) => s === 409), statuses.join()).toHaveLength(5);
      const won = edits[statuses.indexOf(200) % 2]!;
      const lost = edits[(statuses.indexOf(200) + 1) % 2]!;
      const state = read ? await read() : (await one.get(url)).body;
      expect(state).toContain(fragment(won));
      expect(state).not.toContain(fragment(lost));
    });
  }
});
