import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type Client, type TestServer } from '../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, missionBody, personBody, visitBody } from '../test/factories.ts';
import { editableField, firstStep, recordKindBody } from '../test/record-kind-samples.ts';
import type { RecordKind } from '../../shared/kinds/record-kind.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';

/**
 * A workflow step, a renewal or a delete sent at a stale version (someone saved the record in
 * between) gets 409 with the current record, and changes nothing: the record reads the same,
 * no audit row is written. Swept from the route table like the concurrent-edits test does for
 * PATCH: every `POST …/transitions`, every `POST …/renewal` and every DELETE that takes a
 * version must be taught here, or the coverage check fails.
 */
interface Case {
  /**
   * Makes a fresh record, saves it once more (so its first version is stale), and answers
   * the stale version, the current one and how to read the record's state.
   */
  make(): Promise<{ id: number; stale: number; current: number; read: () => Promise<string> }>;
  /** The call at `version` on the record `id`. */
  send(id: number, version: number): Promise<Response>;
}
type Response = { statusCode: number; body: string; json(): { error?: { code: string; current?: { version: number } } } };

/** DELETE routes that take no version: a token is revoked, a stored file removed, whatever else changed. */
// A token, a file or a document template is removed whole, never edited: no version to be stale.
// Rows that are never edited, only added and removed (a token, a file, a partner's EWP key): nothing to be stale against.
const UNVERSIONED = ['DELETE /api/auth/tokens/:id', 'DELETE /api/agreements/:id/documents/:documentId', 'DELETE /api/visits/:id/files/:fileId', 'DELETE /api/document-templates/:kind/:lang', 'DELETE /api/ewp/partner-keys/:id'];

let t: TestServer;
let officer: Client;
let partnerId = 0;
let personId = 0;
let serial = 0;

const created = succeeded;

/**
 * A top-level record made by POST /api/`kind`, then edited once by PATCH with `edit`;
 * its state read by GET /api/`kind`/:id.
 */
const topLevel = (kind: string, body: () => unknown, edit: () => Record<string, unknown>) => async () => {
  const row = await created(officer.post(`/api/${kind}`, body()));
  const saved = await created(officer.patch(`/api/${kind}/${row.id}`, { ...edit(), version: row.version }));
  return { id: row.id, stale: row.version, current: saved.version, read: async () => (await officer.get(`/api/${kind}/${row.id}`)).body };
};
const notes = () => ({ notes: `Saved in between ${++serial}` });
const transition = (kind: string, to: string) => (id: number, version: number) => officer.post(`/api/${kind}/${id}/transitions`, { to, version });
const remove = (kind: string) => (id: number, version: number) => officer.delete(`/api/${kind}/${id}?version=${version}`);

const opportunity = async () =>
  created(officer.post('/api/exchange-opportunities', { titleEn: `Stale exchange ${++serial}`, kind: 'summer_school', hostInstitutionId: partnerId, places: 4, academicYear: 2024, unitId: t.units.a }));
const application = async () => created(officer.post('/api/exchange-applications', { opportunityId: (await opportunity()).id, personId, appliedOn: '2024-03-01', score: 80 }));
const student = () => ({ personId, level: 'bachelor', programmeEn: `Stale MBBS ${++serial}`, unitId: t.units.a, countryCode: 'FR', admittedOn: '2020-07-01' });
/** A fresh student of a fresh programme of unit A, with their own person. */
async function programmeStudent(): Promise<{ id: number }> {
  const programme = await created(officer.post('/api/programmes', { nameEn: `Stale programme ${++serial}`, durationYears: 8, unitId: t.units.a }));
  const cohort = await created(officer.post(`/api/programmes/${programme.id}/cohorts`, { entryYear: 2020, intake: 25 }));
  const person = await created(officer.post('/api/people', personBody({ unitId: t.units.a })));
  return created(officer.post('/api/programme-students', { personId: person.id, cohortId: cohort.id, studentNumber: `S-${serial}` }));
}
/** An appointment in force with an end of term, so that it can be renewed. */
async function appointedAppointment() {
  const row = await created(officer.post('/api/appointments', appointmentBody(personId, t.units.a)));
  return created(officer.post(`/api/appointments/${row.id}/transitions`, { to: 'appointed', version: row.version }));
}

/** A record kind's cases, from its description: its first step that needs nothing, and its delete, on a record of unit A edited once. */
function recordKindCases(kind: RecordKind): Array<[string, () => Case]> {
  const make = topLevel(kind.path, () => recordKindBody(kind, { unitId: t.units.a, institutionId: partnerId }), () => ({ [editableField(kind)]: `Saved in between ${++serial}` }));
  return [
    [`POST /api/${kind.path}/:id/transitions`, () => ({ make, send: transition(kind.path, firstStep(kind)) })],
    [`DELETE /api/${kind.path}/:id`, () => ({ make, send: remove(kind.path) })],
  ];
}

const CASES: Record<string, () => Case> = {
  'POST /api/agreements/:id/transitions': () => ({ make: topLevel('agreements', () => agreementBody([partnerId]), notes), send: transition('agreements', 'under_review') }),
  'POST /api/visits/:id/transitions': () => ({ make: topLevel('visits', () => visitBody(t.units.a, [personId]), notes), send: transition('visits', 'approved') }),
  'POST /api/missions/:id/transitions': () => ({ make: topLevel('missions', () => missionBody(t.units.a, [personId]), notes), send: transition('missions', 'rejected') }),
  'POST /api/appointments/:id/transitions': () => ({ make: topLevel('appointments', () => appointmentBody(personId, t.units.a), notes), send: transition('appointments', 'appointed') }),
  'POST /api/conferences/:id/transitions': () => ({ make: topLevel('conferences', () => conferenceBody(t.units.a), () => ({ venue: `Hall ${++serial}` })), send: transition('conferences', 'approved') }),
  'POST /api/students/:id/transitions': () => ({ make: topLevel('students', student, notes), send: (id, version) => officer.post(`/api/students/${id}/transitions`, { to: 'enrolled', on: '2020-09-01', version }) }),
  'POST /api/exchange-applications/:id/transitions': () => ({
    make: async () => {
      const row = await application();
      const saved = await created(officer.patch(`/api/exchange-applications/${row.id}`, { ...notes(), version: row.version }));
      return { id: row.id, stale: row.version, current: saved.version, read: async () => (await officer.get(`/api/exchange-applications/${row.id}`)).body };
    },
    send: transition('exchange-applications', 'shortlisted'),
  }),
  'POST /api/residency-placements/:id/transitions': () => ({
    make: async () => {
      const { id: studentId } = await programmeStudent();
      const row = await created(officer.post(`/api/programme-students/${studentId}/placements`, { hostInstitutionId: partnerId, startDate: '2024-11-01', endDate: '2025-10-31' }));
      const saved = await created(officer.patch(`/api/residency-placements/${row.id}`, { department: `Ward ${++serial}`, version: row.version }));
      return { id: row.id, stale: row.version, current: saved.version, read: async () => (await officer.get(`/api/programme-students/${studentId}`)).body };
    },
    send: transition('residency-placements', 'withdrawn'),
  }),
  'POST /api/appointments/:id/renewal': () => ({
    make: async () => {
      const row = await appointedAppointment();
      const saved = await created(officer.patch(`/api/appointments/${row.id}`, { ...notes(), version: row.version }));
      return { id: row.id, stale: row.version, current: saved.version, read: async () => (await officer.get(`/api/appointments/${row.id}`)).body };
    },
    send: (id, version) => officer.post(`/api/appointments/${id}/renewal`, { version }),
  }),
  'POST /api/agreements/:id/renewal': () => ({
    make: topLevel('agreements', () => agreementBody([partnerId]), notes),
    // Only the version is checked here: a draft is not renewable, so the fresh call is refused too.
    send: (id, version) => officer.post(`/api/agreements/${id}/renewal`, { version }),
  }),
  'DELETE /api/institutions/:id': () => ({ make: topLevel('institutions', () => institutionBody(), () => ({ city: `City ${++serial}` })), send: remove('institutions') }),
  'DELETE /api/people/:id': () => ({ make: topLevel('people', () => personBody({ unitId: t.units.a }), () => ({ title: `Dr ${++serial}` })), send: remove('people') }),
  'DELETE /api/ledger/aggregates/:id': () => ({
    make: topLevel(
      'ledger/aggregates',
      () => ({ direction: 'inbound', who: 'staff', count: 4, category: 'other', startDate: '1985-01-01', endDate: '1985-12-31', sourceDocument: 'Yearbook 1985', unitId: t.units.a }),
      () => ({ sourceDocument: `Yearbook ${++serial}` }),
    ),
    send: remove('ledger/aggregates'),
  }),
  'DELETE /api/agreements/:id': () => ({ make: topLevel('agreements', () => agreementBody([partnerId]), notes), send: remove('agreements') }),
  'DELETE /api/visits/:id': () => ({ make: topLevel('visits', () => visitBody(t.units.a, [personId]), notes), send: remove('visits') }),
  'DELETE /api/missions/:id': () => ({ make: topLevel('missions', () => missionBody(t.units.a, [personId]), notes), send: remove('missions') }),
  'DELETE /api/appointments/:id': () => ({ make: topLevel('appointments', () => appointmentBody(personId, t.units.a), notes), send: remove('appointments') }),
  'DELETE /api/conferences/:id': () => ({ make: topLevel('conferences', () => conferenceBody(t.units.a), () => ({ venue: `Hall ${++serial}` })), send: remove('conferences') }),
  'DELETE /api/honours/:id': () => ({
    make: topLevel('honours', () => ({ personId, kind: 'prize', nameEn: `Stale Prize ${++serial}`, conferredOn: '2020-01-01' }), () => ({ citation: `Cited ${++serial}` })),
    send: remove('honours'),
  }),
  'DELETE /api/students/:id': () => ({ make: topLevel('students', student, notes), send: remove('students') }),
  'DELETE /api/programme-assessments/:id': () => ({
    make: async () => {
      const { id: studentId } = await programmeStudent();
      const row = await created(officer.post(`/api/programme-students/${studentId}/assessments`, { stage: 'clinical', assessedOn: '2024-01-01', meetsStandard: true }));
      const saved = await created(officer.patch(`/api/programme-assessments/${row.id}`, { evaluatorNotes: `Noted ${++serial}`, version: row.version }));
      return { id: row.id, stale: row.version, current: saved.version, read: async () => (await officer.get(`/api/programme-students/${studentId}`)).body };
    },
    send: remove('programme-assessments'),
  }),
  'DELETE /api/conferences/:id/attendees/:attendeeId': () => {
    let conferenceId = 0;
    return {
      make: async () => {
        const conference = await created(officer.post('/api/conferences', conferenceBody(t.units.a)));
        conferenceId = conference.id;
        const attendee = await created(officer.post(`/api/conferences/${conference.id}/attendees`, { fullName: 'Ada Stale', version: conference.version }));
        // The version is the conference's: the list of attendees is part of it.
        const before = (await officer.get(`/api/conferences/${conference.id}`)).json() as { version: number };
        const saved = await created(officer.patch(`/api/conferences/${conference.id}`, { venue: `Hall ${++serial}`, version: before.version }));
        const read = async () => (await officer.get(`/api/conferences/${conference.id}/attendees`)).body + (await officer.get(`/api/conferences/${conference.id}`)).body;
        return { id: attendee.id, stale: before.version, current: saved.version, read };
      },
      send: (id, version) => officer.delete(`/api/conferences/${conferenceId}/attendees/${id}?version=${version}`),
    };
  },
  'DELETE /api/people/:id/expert-documents/:documentId': () => ({
    make: async () => {
      const row = await created(officer.post(`/api/people/${personId}/expert-documents`, { kind: 'visa', expiresOn: '2030-01-01' }));
      const saved = await created(officer.patch(`/api/people/${personId}/expert-documents/${row.id}`, { ...notes(), version: row.version }));
      return { id: row.id, stale: row.version, current: saved.version, read: async () => (await officer.get(`/api/people/${personId}/expert-documents`)).body };
    },
    send: (id, version) => officer.delete(`/api/people/${personId}/expert-documents/${id}?version=${version}`),
  }),
  ...Object.fromEntries(RECORD_KINDS.flatMap(recordKindCases)),
};

/** Calls that the record's state refuses even at its current version (only staleness is checked for them). */
const REFUSED_WHEN_FRESH = ['POST /api/agreements/:id/renewal'];

const auditRows = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  partnerId = (await created(officer.post('/api/institutions', institutionBody()))).id;
  personId = (await created(officer.post('/api/people', personBody({ unitId: t.units.a })))).id;
});
afterAll(async () => t?.close());

describe('a workflow step, renewal or delete at a stale version', () => {
  it('is taught for every transition, renewal and versioned DELETE route the server registers', () => {
    const swept = t.routes
      .filter((r) => (r.method === 'POST' && /\/(transitions|renewal)$/.test(r.url)) || r.method === 'DELETE')
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !UNVERSIONED.includes(route));
    expect(swept.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, makeCase] of Object.entries(CASES)) {
    it(`${route}: 409 with the current record, and nothing changes`, async () => {
      const { make, send } = makeCase();
      const { id, stale, current, read } = await make();
      const before = await read();
      const audited = await auditRows();
      const response = await send(id, stale);
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().error?.code).toBe('version_conflict');
      expect(response.json().error?.current?.version).toBe(current);
      expect(await read()).toBe(before);
      expect(await auditRows()).toBe(audited);
      // The stale version was the only thing wrong: at the current one, the same call goes through.
      if (!REFUSED_WHEN_FRESH.includes(route)) {
        const fresh = await send(id, current);
        expect(fresh.statusCode, fresh.body).toBeLessThan(300);
      }
    });
  }
});
