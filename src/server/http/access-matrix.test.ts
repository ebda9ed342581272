import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, emailOf, signInAs, startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { multipartFile } from '../test/factories.ts';
import { requiredQuery } from '../test/route-queries.ts';
import { recordKindBody } from '../test/record-kind-samples.ts';
import { POLICIES, type Action } from '../../shared/policies.ts';
import { IMPORT_KINDS, type ImportKindName } from '../../shared/contracts/imports.ts';
import type { Role } from '../../shared/roles.ts';
import { unitField } from '../../shared/kinds/record-kind.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';

/**
 * Who may call each route, written by hand (not derived from the policies, so that a change
 * to a policy has to change this table too). Every route the server registers must be here.
 * A kind described down to its fields (shared/kinds/record-kinds.ts) is the exception: its
 * routes are its description's, and its policy row is the hand-written line they are read from.
 */
type Caller = 'anonymous' | 'viewer' | 'leader' | 'coordinatorA' | 'coordinatorB' | 'officer' | 'admin' | 'token';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'leader', 'coordinatorA', 'coordinatorB', 'officer', 'admin', 'token'];
const SIGNED_IN: Caller[] = ['viewer', 'leader', 'coordinatorA', 'officer', 'admin', 'token'];
const OFFICE: Caller[] = ['officer', 'admin', 'token'];
const OFFICE_AND_UNITS: Caller[] = [...OFFICE, 'coordinatorA'];

/** The callers holding one of `roles` (the API token is the officer's). */
function callersOf(roles: Role[] = []): Caller[] {
  const callers: Record<Role, Caller[]> = { admin: ['admin'], officer: ['officer', 'token'], coordinator: ['coordinatorA'], leader: ['leader'], viewer: ['viewer'] };
  return CALLERS.filter((caller) => roles.some((role) => callers[role].includes(caller)));
}

/** The rows of a record kind's routes, from its policy row. */
function recordKindRows(path: string, policy: Partial<Record<Action, Role[]>>): Array<[string, Caller[]]> {
  const base = `/api/${path}`;
  return [
    [`GET ${base}`, callersOf(policy.read)],
    [`GET ${base}/:id`, callersOf(policy.read)],
    [`POST ${base}`, callersOf(policy.create)],
    [`PATCH ${base}/:id`, callersOf(policy.update)],
    [`DELETE ${base}/:id`, callersOf(policy.delete)],
    [`POST ${base}/:id/transitions`, callersOf(policy.update)],
  ];
}

const MATRIX: Record<string, 'public' | Caller[]> = {
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/sign-in': 'public',
  'GET /api/auth/methods': 'public',
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/sign-out': SIGNED_IN,
  'POST /api/auth/sign-out-everywhere': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,
  'PATCH /api/auth/preferences': SIGNED_IN,
  'GET /api/auth/mail-preferences': SIGNED_IN,
  'PATCH /api/auth/mail-preferences': SIGNED_IN,
  'GET /api/auth/tokens': SIGNED_IN,
  // A token cannot mint tokens: they would outlive its revocation.
  'POST /api/auth/tokens': ['viewer', 'leader', 'coordinatorA', 'officer', 'admin'],
  'DELETE /api/auth/tokens/:id': SIGNED_IN,
  'GET /api/auth/calendar-feed': SIGNED_IN,
  // A calendar feed's URL is a credential: a token cannot mint one, as it cannot mint tokens.
  'POST /api/auth/calendar-feed': ['viewer', 'leader', 'coordinatorA', 'officer', 'admin'],
  'GET /api/users': ['admin'],
  'GET /api/users/:id': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'GET /api/countries': SIGNED_IN,
  'GET /api/catalogue': SIGNED_IN,
  'GET /api/institutions': SIGNED_IN,
  'GET /api/institutions/:id': SIGNED_IN,
  'POST /api/institutions': OFFICE_AND_UNITS,
  'PATCH /api/institutions/:id': OFFICE,
  'DELETE /api/institutions/:id': OFFICE,
  'GET /api/institutions/:id/merge': OFFICE,
  'POST /api/institutions/:id/merge': OFFICE,
  'GET /api/imports/institutions/template': OFFICE_AND_UNITS,
  'POST /api/imports/institutions/preview': OFFICE_AND_UNITS,
  'POST /api/imports/institutions/commit': OFFICE_AND_UNITS,
  'GET /api/imports/institutions/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/institutions/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/people/template': OFFICE_AND_UNITS,
  'POST /api/imports/people/preview': OFFICE_AND_UNITS,
  'POST /api/imports/people/commit': OFFICE_AND_UNITS,
  'GET /api/imports/people/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/people/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/agreements/template': OFFICE_AND_UNITS,
  'POST /api/imports/agreements/preview': OFFICE_AND_UNITS,
  'POST /api/imports/agreements/commit': OFFICE_AND_UNITS,
  'GET /api/imports/agreements/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/agreements/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/visits/template': OFFICE_AND_UNITS,
  'POST /api/imports/visits/preview': OFFICE_AND_UNITS,
  'POST /api/imports/visits/commit': OFFICE_AND_UNITS,
  'GET /api/imports/visits/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/visits/mappings': OFFICE_AND_UNITS,
  // Uploading a draft is creating the kind's records; a draft's own routes are its uploader's (the officer's here, also
  // through the officer's token) and the administrator's to read: any other caller is answered 404 (DRAFT_OWNER_ONLY below).
  ...Object.fromEntries((Object.keys(IMPORT_KINDS) as ImportKindName[]).map((k) => [`POST /api/imports/${k}/drafts`, callersOf(POLICIES[IMPORT_KINDS[k].entity].create)])),
  'GET /api/imports/drafts/:id': SIGNED_IN,
  'GET /api/imports/drafts/:id/preview': SIGNED_IN,
  'GET /api/imports/drafts/:id/rows': SIGNED_IN,
  'PATCH /api/imports/drafts/:id': SIGNED_IN,
  'POST /api/imports/drafts/:id/commit': SIGNED_IN,
  'POST /api/imports/drafts/:id/discard': SIGNED_IN,
  'GET /api/imports/missions/template': OFFICE_AND_UNITS,
  'POST /api/imports/missions/preview': OFFICE_AND_UNITS,
  'POST /api/imports/missions/commit': OFFICE_AND_UNITS,
  'GET /api/imports/missions/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/missions/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/appointments/template': OFFICE_AND_UNITS,
  'POST /api/imports/appointments/preview': OFFICE_AND_UNITS,
  'POST /api/imports/appointments/commit': OFFICE_AND_UNITS,
  'GET /api/imports/appointments/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/appointments/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/honours/template': OFFICE_AND_UNITS,
  'POST /api/imports/honours/preview': OFFICE_AND_UNITS,
  'POST /api/imports/honours/commit': OFFICE_AND_UNITS,
  'GET /api/imports/honours/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/honours/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/aggregates/template': OFFICE,
  'POST /api/imports/aggregates/preview': OFFICE,
  'POST /api/imports/aggregates/commit': OFFICE,
  'GET /api/imports/aggregates/mappings': OFFICE,
  'POST /api/imports/aggregates/mappings': OFFICE,
  'GET /api/imports/students/template': OFFICE_AND_UNITS,
  'POST /api/imports/students/preview': OFFICE_AND_UNITS,
  'POST /api/imports/students/commit': OFFICE_AND_UNITS,
  'GET /api/imports/students/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/students/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/exchange-applications/template': OFFICE_AND_UNITS,
  'POST /api/imports/exchange-applications/preview': OFFICE_AND_UNITS,
  'POST /api/imports/exchange-applications/commit': OFFICE_AND_UNITS,
  'GET /api/imports/exchange-applications/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/exchange-applications/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/programme-students/template': OFFICE_AND_UNITS,
  'POST /api/imports/programme-students/preview': OFFICE_AND_UNITS,
  'POST /api/imports/programme-students/commit': OFFICE_AND_UNITS,
  'GET /api/imports/programme-students/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/programme-students/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/attendees/template': OFFICE_AND_UNITS,
  'POST /api/imports/attendees/preview': OFFICE_AND_UNITS,
  'POST /api/imports/attendees/commit': OFFICE_AND_UNITS,
  'GET /api/imports/attendees/mappings': OFFICE_AND_UNITS,
  'POST /api/imports/attendees/mappings': OFFICE_AND_UNITS,
  'GET /api/imports/institutions/export': SIGNED_IN,
  'GET /api/imports/people/export': SIGNED_IN,
  'GET /api/imports/agreements/export': SIGNED_IN,
  'GET /api/imports/visits/export': SIGNED_IN,
  'GET /api/imports/missions/export': SIGNED_IN,
  'GET /api/imports/appointments/export': SIGNED_IN,
  'GET /api/imports/honours/export': SIGNED_IN,
  'GET /api/imports/students/export': SIGNED_IN,
  'GET /api/imports/aggregates/export': SIGNED_IN,
  'GET /api/imports/exchange-applications/export': SIGNED_IN,
  'GET /api/imports/programme-students/export': SIGNED_IN,
  'GET /api/imports/attendees/export': SIGNED_IN,
  'GET /api/imports/history/:id': OFFICE,
  'POST /api/imports/history/:id/undo': OFFICE,
  'GET /api/units': SIGNED_IN,
  'GET /api/units/:id': SIGNED_IN,
  'POST /api/units': OFFICE,
  'PATCH /api/units/:id': OFFICE,
  'GET /api/people': SIGNED_IN,
  'GET /api/people/:id': SIGNED_IN,
  'POST /api/people': OFFICE_AND_UNITS,
  'PATCH /api/people/:id': OFFICE_AND_UNITS,
  'DELETE /api/people/:id': OFFICE_AND_UNITS,
  'GET /api/people/:id/export': OFFICE_AND_UNITS,
  'POST /api/people/:id/erase': OFFICE,
  'GET /api/people/:id/merge': OFFICE_AND_UNITS,
  'POST /api/people/:id/merge': OFFICE_AND_UNITS,
  'GET /api/ledger': SIGNED_IN,
  'GET /api/ledger/totals': SIGNED_IN,
  'GET /api/ledger/aggregates': SIGNED_IN,
  'GET /api/ledger/aggregates/:id': SIGNED_IN,
  'POST /api/ledger/aggregates': OFFICE,
  'PATCH /api/ledger/aggregates/:id': OFFICE,
  'DELETE /api/ledger/aggregates/:id': OFFICE,
  'GET /api/agreements': SIGNED_IN,
  'GET /api/agreements/renewal-watch': SIGNED_IN,
  'GET /api/agreements/:id': SIGNED_IN,
  'GET /api/agreements/:id/ewp': SIGNED_IN,
  'POST /api/agreements': OFFICE_AND_UNITS,
  'PATCH /api/agreements/:id': OFFICE_AND_UNITS,
  'DELETE /api/agreements/:id': OFFICE_AND_UNITS,
  'POST /api/agreements/:id/transitions': OFFICE_AND_UNITS,
  'POST /api/agreements/:id/renewal': OFFICE_AND_UNITS,
  'POST /api/agreements/:id/documents': OFFICE_AND_UNITS,
  'GET /api/agreements/:id/documents/:documentId': SIGNED_IN,
  'DELETE /api/agreements/:id/documents/:documentId': OFFICE_AND_UNITS,
  // Accepting a partner's value of an IIA term is a change to the agreement: whoever may change it.
  'POST /api/agreements/:id/ewp/accept': OFFICE_AND_UNITS,
  'GET /api/reports/figures': SIGNED_IN,
  'GET /api/reports/series': SIGNED_IN,
  'GET /api/reports/breakdown': SIGNED_IN,
  'GET /api/reports/factsheet': SIGNED_IN,
  'GET /api/reports/year-in-review': SIGNED_IN,
  'GET /api/visits': SIGNED_IN,
  'GET /api/visits/overdue-reports': SIGNED_IN,
  'GET /api/visits/:id': SIGNED_IN,
  'POST /api/visits': OFFICE_AND_UNITS,
  'PATCH /api/visits/:id': OFFICE_AND_UNITS,
  'DELETE /api/visits/:id': OFFICE_AND_UNITS,
  'POST /api/visits/:id/transitions': OFFICE_AND_UNITS,
  'GET /api/visits/:id/invitation-letter': SIGNED_IN,
  'POST /api/visits/:id/files': OFFICE_AND_UNITS,
  'GET /api/visits/:id/files/:fileId': SIGNED_IN,
  'DELETE /api/visits/:id/files/:fileId': OFFICE_AND_UNITS,
  'GET /api/missions': SIGNED_IN,
  'GET /api/missions/export': SIGNED_IN,
  'GET /api/missions/overdue-reports': SIGNED_IN,
  'GET /api/missions/:id': SIGNED_IN,
  'POST /api/missions': OFFICE_AND_UNITS,
  'PATCH /api/missions/:id': OFFICE_AND_UNITS,
  'DELETE /api/missions/:id': OFFICE_AND_UNITS,
  'POST /api/missions/:id/transitions': OFFICE_AND_UNITS,
  'GET /api/partners': SIGNED_IN,
  'GET /api/partners/list': SIGNED_IN,
  'GET /api/institutions/:id/timeline': SIGNED_IN,
  'GET /api/audit': ['leader', 'coordinatorA', 'officer', 'admin', 'token'],
  'GET /api/search': SIGNED_IN,
  'GET /api/appointments': SIGNED_IN,
  'GET /api/appointments/renewals': SIGNED_IN,
  'GET /api/appointments/:id': SIGNED_IN,
  'POST /api/appointments': OFFICE_AND_UNITS,
  'PATCH /api/appointments/:id': OFFICE_AND_UNITS,
  'DELETE /api/appointments/:id': OFFICE_AND_UNITS,
  'POST /api/appointments/:id/transitions': OFFICE_AND_UNITS,
  'POST /api/appointments/:id/renewal': OFFICE_AND_UNITS,
  'GET /api/experts/engaged': SIGNED_IN,
  'GET /api/people/:id/inbound-record': SIGNED_IN,
  'GET /api/people/:id/expert-documents': SIGNED_IN,
  'POST /api/people/:id/expert-documents': OFFICE_AND_UNITS,
  'PATCH /api/people/:id/expert-documents/:documentId': OFFICE_AND_UNITS,
  'DELETE /api/people/:id/expert-documents/:documentId': OFFICE_AND_UNITS,
  'GET /api/conferences': SIGNED_IN,
  'GET /api/conferences/overdue-summaries': SIGNED_IN,
  'GET /api/conferences/:id': SIGNED_IN,
  'POST /api/conferences': OFFICE_AND_UNITS,
  'PATCH /api/conferences/:id': OFFICE_AND_UNITS,
  'DELETE /api/conferences/:id': OFFICE_AND_UNITS,
  'POST /api/conferences/:id/transitions': OFFICE_AND_UNITS,
  'GET /api/conferences/:id/attendees': SIGNED_IN,
  'POST /api/conferences/:id/attendees': OFFICE_AND_UNITS,
  'PATCH /api/conferences/:id/attendees/:attendeeId': OFFICE_AND_UNITS,
  'DELETE /api/conferences/:id/attendees/:attendeeId': OFFICE_AND_UNITS,
  'GET /api/honours': SIGNED_IN,
  'GET /api/honours/:id': SIGNED_IN,
  'POST /api/honours': OFFICE_AND_UNITS,
  'PATCH /api/honours/:id': OFFICE_AND_UNITS,
  'DELETE /api/honours/:id': OFFICE_AND_UNITS,
  'GET /api/people/:id/honours': SIGNED_IN,
  'GET /api/students': SIGNED_IN,
  'GET /api/students/:id': SIGNED_IN,
  'POST /api/students': OFFICE_AND_UNITS,
  'PATCH /api/students/:id': OFFICE_AND_UNITS,
  'DELETE /api/students/:id': OFFICE_AND_UNITS,
  'POST /api/students/:id/transitions': OFFICE_AND_UNITS,
  'GET /api/people/:id/enrolments': SIGNED_IN,
  // The national statistics: the office imports the ministry's files, everyone reads the office beside them.
  'POST /api/national-statistics/moe-tw': OFFICE,
  'GET /api/national-statistics': SIGNED_IN,
  'GET /api/national-statistics/comparison': SIGNED_IN,
  'GET /api/programmes': SIGNED_IN,
  'POST /api/programmes': OFFICE_AND_UNITS,
  'GET /api/programmes/:id': SIGNED_IN,
  'PATCH /api/programmes/:id': OFFICE_AND_UNITS,
  'POST /api/programmes/:id/cohorts': OFFICE_AND_UNITS,
  'PATCH /api/programme-cohorts/:id': OFFICE_AND_UNITS,
  'GET /api/programmes/:id/visiting-professors': SIGNED_IN,
  'POST /api/programmes/:id/visiting-professors': OFFICE_AND_UNITS,
  'GET /api/programme-students': SIGNED_IN,
  'POST /api/programme-students': OFFICE_AND_UNITS,
  'GET /api/programme-students/:id': SIGNED_IN,
  'PATCH /api/programme-students/:id': OFFICE_AND_UNITS,
  'POST /api/programme-students/:id/assessments': OFFICE_AND_UNITS,
  'PATCH /api/programme-assessments/:id': OFFICE_AND_UNITS,
  'DELETE /api/programme-assessments/:id': OFFICE_AND_UNITS,
  'POST /api/programme-students/:id/placements': OFFICE_AND_UNITS,
  'PATCH /api/residency-placements/:id': OFFICE_AND_UNITS,
  'POST /api/residency-placements/:id/transitions': OFFICE_AND_UNITS,
  'GET /api/exchange-opportunities': SIGNED_IN,
  'POST /api/exchange-opportunities': OFFICE_AND_UNITS,
  'GET /api/exchange-opportunities/:id': SIGNED_IN,
  'PATCH /api/exchange-opportunities/:id': OFFICE_AND_UNITS,
  'POST /api/exchange-opportunities/:id/allocation': OFFICE,
  'GET /api/exchange-applications': SIGNED_IN,
  'POST /api/exchange-applications': OFFICE_AND_UNITS,
  'GET /api/exchange-applications/:id': SIGNED_IN,
  'PATCH /api/exchange-applications/:id': OFFICE_AND_UNITS,
  'POST /api/exchange-applications/:id/transitions': OFFICE_AND_UNITS,
  'GET /api/settings': SIGNED_IN,
  // The office's .docx templates: everyone reads them, the administrator changes them; a document is read with its record.
  'GET /api/document-templates': SIGNED_IN,
  'GET /api/document-templates/:kind/:lang': SIGNED_IN,
  'POST /api/document-templates/:kind/:lang': ['admin'],
  'DELETE /api/document-templates/:kind/:lang': ['admin'],
  'GET /api/documents/:kind': SIGNED_IN,
  'PATCH /api/settings/:key': OFFICE,
  'GET /api/todo': SIGNED_IN,
  'GET /api/todo/late-by-unit': SIGNED_IN,
  'GET /api/admin/jobs': ['admin'],
  'POST /api/admin/jobs/digest': ['admin'],
  'GET /api/admin/outbox': ['admin'],
  // Erasmus Without Paper's keys: whose signatures /ewp trusts is the administrator's to say.
  'GET /api/ewp/key': ['admin'],
  'GET /api/ewp/partner-keys': ['admin'],
  'POST /api/ewp/partner-keys': ['admin'],
  'DELETE /api/ewp/partner-keys/:id': ['admin'],
  'POST /api/ewp/registry-catalogue': ['admin'],
  // Pulling a partner's IIAs (stored copies, a manifest kept per partner): the office's, as the EWP settings are.
  'POST /api/ewp/partners/:heiId/pull': OFFICE,
  // Anyone signed in may have a list or a report prepared (the exported route's own policy is checked in the service).
  'POST /api/exports': SIGNED_IN,
  'GET /api/exports': SIGNED_IN,
  'GET /api/exports/:id': SIGNED_IN,
  'GET /api/exports/:id/file': SIGNED_IN,
  ...Object.fromEntries(RECORD_KINDS.flatMap((kind) => recordKindRows(kind.path, POLICIES[kind.policy]))),
};

/** Routes on a record that belongs to unit A (every id the setup makes in those modules is unit A's). */
const UNIT_A_RECORD = new RegExp(
  `^/api/(people|agreements|visits|appointments|conferences|missions|honours|students|programmes|programme-cohorts|programme-students|programme-assessments|residency-placements|exchange-opportunities|exchange-applications|ledger/aggregates${RECORD_KINDS.filter(unitField).map((k) => `|${k.path}`).join('')})/:id|^/api/documents/:kind$`,
);

/** Routes on a record that is its owner's alone (a prepared export): another caller, allowed by the policy, finds nothing (404). */
const EXPORT_OWNER_ONLY = /^\/api\/exports\/:id/;
/** A user's own records: the officer's import draft, read by the officer (also through their token) and the administrator. */
const DRAFT_OWNER_ONLY = /^\/api\/imports\/drafts\/:id/;
const DRAFT_READERS: Caller[] = ['officer', 'token', 'admin'];

let t: TestServer;
const ids: Record<string, number> = {};
let token = '';

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  ids.institutions = (await officer.post('/api/institutions', { kind: 'university', nameEn: 'Matrix U', countryCode: 'FR' })).json().id;
  {
    // A committed import, for its record and its undo.
    const { payload, headers } = multipartFile('matrix.csv', Buffer.from('Name (English),Country or region\r\nMatrix Import U,FR\r\n'));
    ids.imports = (await officer.post('/api/imports/institutions/commit', payload, headers)).json().importId;
    // An import draft of the officer's, for its reads and writes.
    const draft = multipartFile('matrix-draft.csv', Buffer.from('Name (English),Country or region\r\nMatrix Draft U,FR\r\n'));
    ids.drafts = (await officer.post('/api/imports/institutions/drafts', draft.payload, draft.headers)).json().draft.id;
  }
  {
    // A year of national statistics (one line of the ministry's shape), for its comparison.
    const { payload, headers } = multipartFile('112_regular.csv', Buffer.from('學年度,學校代碼,學校名稱,等級別,國別代碼,國別名稱,科系代碼,科系名稱,學生總計,男學生,女學生\r\n112,0001,Matrix,B,008,越南,1,Matrix,1 ,0 ,1 \r\n'));
    expect((await officer.post('/api/national-statistics/moe-tw', payload, headers)).statusCode).toBe(201);
  }
  ids.people = (await officer.post('/api/people', { familyName: 'Matrix', unitId: t.units.a })).json().id;
  // The records a merge preview would merge into: another institution, another person of unit A.
  ids.mergeInto_institutions = (await officer.post('/api/institutions', { kind: 'university', nameEn: 'Matrix U bis', countryCode: 'FR' })).json().id;
  ids.mergeInto_people = (await officer.post('/api/people', { familyName: 'Matrix bis', unitId: t.units.a })).json().id;
  ids.aggregates = (await officer.post('/api/ledger/aggregates', { direction: 'outbound', who: 'staff', count: 3, category: 'other', startDate: '1960-01-01', endDate: '1960-12-31', sourceDocument: 'doc', unitId: t.units.a })).json().id;
  // Collegiate in unit A, so that coordinator A reads it too.
  ids.agreements = (await officer.post('/api/agreements', { titleEn: 'Matrix', titleZh: '矩阵', level: 'collegiate', unitId: t.units.a, kind: 'other', partners: [{ institutionId: ids.institutions }] })).json().id;
  const { payload, headers } = multipartFile('m.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  ids.documents = (await officer.post(`/api/agreements/${ids.agreements}/documents`, payload, headers)).json().id;
  // Hosted by unit A, so that coordinator A reads it too; approved, so that its invitation letter can be issued.
  const visit = (await officer.post('/api/visits', { titleEn: 'Matrix visit', hostUnitId: t.units.a, purpose: 'other', startDate: '2024-01-01', endDate: '2024-01-02', members: [{ personId: ids.people, countryCode: 'FR' }] })).json();
  ids.visits = (await officer.post(`/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version })).json().id;
  const photo = multipartFile('v.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  ids.files = (await officer.post(`/api/visits/${ids.visits}/files`, photo.payload, photo.headers)).json().id;
  // An expert of unit A and a conference hosted by unit A, so that coordinator A reads them too.
  ids.appointments = (await officer.post('/api/appointments', { personId: ids.people, title: 'consultant', unitId: t.units.a, startDate: '2024-01-01' })).json().id;
  ids.conferences = (await officer.post('/api/conferences', { titleEn: 'Matrix conference', titleZh: '矩阵会议', startDate: '2024-03-01', endDate: '2024-03-02', hostUnitId: t.units.a })).json().id;
  // Sent by unit A, so that coordinator A reads it too.
  ids.missions = (await officer.post('/api/missions', { titleEn: 'Matrix mission', unitId: t.units.a, purpose: 'conference', startDate: '2024-01-01', endDate: '2024-01-02', destinations: [{ countryCode: 'FR' }], members: [{ personId: ids.people }] })).json().id;
  // An honour of unit A's person, so that coordinator A reads it too.
  ids.honours = (await officer.post('/api/honours', { personId: ids.people, kind: 'prize', nameEn: 'Matrix Prize', conferredOn: '2024-01-01' })).json().id;
  // An admission to unit A, so that coordinator A reads it too.
  ids.students = (await officer.post('/api/students', { personId: ids.people, level: 'bachelor', programmeEn: 'Matrix MBBS', unitId: t.units.a, countryCode: 'FR', admittedOn: '2024-07-01' })).json().id;
  // A joint programme run by unit A, with a cohort, a student of unit A, an assessment and a proposed placement.
  ids.programmes = (await officer.post('/api/programmes', { nameEn: 'Matrix programme', durationYears: 8, unitId: t.units.a, partners: [{ institutionId: ids.institutions }] })).json().id;
  ids['programme-cohorts'] = (await officer.post(`/api/programmes/${ids.programmes}/cohorts`, { entryYear: 2020, intake: 30 })).json().id;
  ids['programme-students'] = (await officer.post('/api/programme-students', { personId: ids.people, cohortId: ids['programme-cohorts'], studentNumber: 'M-1' })).json().id;
  ids['programme-assessments'] = (await officer.post(`/api/programme-students/${ids['programme-students']}/assessments`, { stage: 'clinical', assessedOn: '2024-01-01', meetsStandard: true })).json().id;
  ids['residency-placements'] = (await officer.post(`/api/programme-students/${ids['programme-students']}/placements`, { hostInstitutionId: ids.institutions, startDate: '2025-11-01', endDate: '2026-10-31' })).json().id;
  // An exchange opportunity run by unit A, and an application of unit A's person to it.
  ids['exchange-opportunities'] = (await officer.post('/api/exchange-opportunities', { titleEn: 'Matrix exchange', kind: 'short_term_training', hostInstitutionId: ids.institutions, places: 2, academicYear: 2024, unitId: t.units.a })).json().id;
  ids['exchange-applications'] = (await officer.post('/api/exchange-applications', { opportunityId: ids['exchange-opportunities'], personId: ids.people, appliedOn: '2024-03-01', score: 90 })).json().id;
  // One record of every record kind, in unit A.
  for (const kind of RECORD_KINDS) ids[kind.path] = (await officer.post(`/api/${kind.path}`, recordKindBody(kind, { unitId: t.units.a, institutionId: ids.institutions! }))).json().id;
  ids.units = t.units.a;
  ids.users = t.userIds.viewer;
  ids.tokens = 999999;
  token = await freshToken();
});

/** A new read-write token of the officer (signing out everywhere ends every token of the user). */
async function freshToken(): Promise<string> {
  const { cookie, csrf } = await signInAs(t.app, emailOf('officer'));
  return (await client(t.app, cookie, csrf).post('/api/auth/tokens', { name: 'matrix', scope: 'read_write' })).json().token;
}
afterAll(async () => t?.close());

// Writes carry an empty body, so an allowed caller gets 400 and nothing changes; deletes
// carry a stale version, so an allowed caller gets 409.
// Deleting a document or a visit's file takes no version: it names one that does not exist, so an allowed caller gets 404.
function concreteUrl(method: string, url: string): string {
  const kind = url.split('/')[url.startsWith('/api/ledger/') || url.startsWith('/api/auth/') || url.startsWith('/api/imports/drafts/') ? 3 : 2]!;
  return url
    .replace(':id', String(ids[kind] ?? 999999))
    .replace(':documentId', String(method === 'DELETE' ? 999999 : ids.documents))
    .replace(':fileId', String(method === 'DELETE' ? 999999 : ids.files))
    .replace(':key', 'conference.majorForeignParticipants')
    .replace(':attendeeId', '999999')
    // A document is filled from unit A's appointment: coordinator B does not reach it.
    .replace(':kind', url.startsWith('/api/documents/') ? 'appointment_letter' : 'invitation_letter')
    .replace(':lang', 'en')
    .replace(':heiId', 'ki.se')
    .concat(url.endsWith(':id') ? '?version=999' : '')
    .concat(url === '/api/documents/:kind' ? `?recordId=${ids.appointments}` : '')
    .concat(method === 'GET' && url.endsWith('/:id/merge') ? `?into=${ids[`mergeInto_${kind}`]}` : '');
}

async function callerClient(caller: Caller, fresh: boolean): Promise<Client> {
  if (caller === 'anonymous') return t.anonymous;
  if (caller === 'token') return client(t.app, null, null);
  if (fresh) {
    const { cookie, csrf } = await signInAs(t.app, emailOf(caller));
    return client(t.app, cookie, csrf);
  }
  return t.as(caller);
}

describe('authorization matrix', () => {
  it('covers every route the server registers, and nothing else', () => {
    const registered = t.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [route, allowed] of Object.entries(MATRIX)) {
    it(route, async () => {
      const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
      const query = requiredQuery(url, 'matrix');
      const target = concreteUrl(method, url) + (query ? `?${query}` : '');
      const results: Record<string, number> = {};
      for (const caller of CALLERS) {
        const fresh = url.startsWith('/api/auth/sign-out');
        if (fresh && caller === 'token') token = await freshToken();
        const c = await callerClient(caller, fresh);
        const headers: Record<string, string> = caller === 'token' ? { authorization: `Bearer ${token}` } : {};
        const response =
          method === 'GET' ? await c.get(target, headers)
          : method === 'DELETE' ? await c.delete(target, headers)
          : method === 'POST' ? await c.post(target, url === '/api/auth/sign-in' ? { email: 'x' } : {}, headers)
          : await c.patch(target, {}, headers);
        results[caller] = response.statusCode;
      }
      if (url.startsWith('/api/auth/sign-out')) {
        t.resetSessions();
        token = await freshToken();
      }
      for (const caller of CALLERS) {
        const status = results[caller]!;
        if (DRAFT_OWNER_ONLY.test(url) && caller !== 'anonymous' && !DRAFT_READERS.includes(caller)) {
          // Someone else's draft: not found, as if it did not exist (a write may fail validation first, never reaching it).
          if (method === 'GET') expect(status, `${caller} → ${status}`).toBe(404);
          else expect([400, 404], `${caller} → ${status}`).toContain(status);
        } else if (caller === 'coordinatorB' && allowed !== 'public' && allowed.includes('coordinatorA') && UNIT_A_RECORD.test(url)) {
          // Coordinator B holds the same role as A, but these records are unit A's: not found, never served.
          // A write may fail validation first (400); it must never reach the record (a 409 would).
          if (method === 'GET') expect(status, `${caller} → ${status}`).toBe(404);
          else expect([400, 404], `${caller} → ${status}`).toContain(status);
          if (method === 'DELETE' && url.endsWith(':id')) expect(status, `${caller} → ${status}`).toBe(404);
        } else if (allowed === 'public' || allowed.includes(caller) || (caller === 'coordinatorB' && allowed.includes('coordinatorA'))) {
          expect([401, 403], `${caller} → ${status}`).not.toContain(status);
          if (method === 'GET') expect(status, caller).toBe(EXPORT_OWNER_ONLY.test(url) ? 404 : 200);
        } else expect(status, caller).toBe(caller === 'anonymous' ? 401 : 403);
      }
    });
  }
});

// The calendar feed is the one route outside /api (calendar clients cannot sign in): not in the
// route table above, so checked here. Its secret is its only credential: no cookie or token opens
// a feed without it, and with it every caller, signed in or not, reads the same owner's feed.
describe('the calendar feed, outside /api', () => {
  it('is opened by its secret alone', async () => {
    const { cookie, csrf } = await signInAs(t.app, emailOf('coordinatorA'));
    const made = await client(t.app, cookie, csrf).post('/api/auth/calendar-feed');
    expect(made.statusCode, made.body).toBe(201);
    const path = made.json<{ path: string }>().path;
    const wrong = `/calendar/icf_${'x'.repeat(43)}.ics`;
    const bodies = new Set<string>();
    for (const caller of CALLERS) {
      const c = await callerClient(caller, false);
      const headers: Record<string, string> = caller === 'token' ? { authorization: `Bearer ${token}` } : {};
      expect((await c.get(wrong, headers)).statusCode, `${caller}, wrong secret`).toBe(404);
      const right = await c.get(path, headers);
      expect(right.statusCode, `${caller}, the secret`).toBe(200);
      bodies.add(right.body.replace(/^DTSTAMP:.*$/gm, ''));
    }
    expect(bodies.size).toBe(1);
  });
});
