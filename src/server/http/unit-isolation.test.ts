import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, missionBody, multipartFile, personBody, visitBody } from '../test/factories.ts';
import { withRequiredQuery } from '../test/route-queries.ts';
import { recordKindBody } from '../test/record-kind-samples.ts';
import { unitField } from '../../shared/kinds/record-kind.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';

/** The record kinds a unit owns: each is made in unit A with the marker, and read by A alone. */
const UNIT_RECORD_KINDS = RECORD_KINDS.filter(unitField);

/**
 * Coordinators never see another unit's records: in lists, counts, exports, search suggestions
 * or the audit log. The sweep is driven by the server's own route table, so a new route is
 * checked without being named here: coordinator B reads every GET route (and its CSV and Excel
 * forms) before and after unit A's records are made, and must read exactly the same thing, and
 * never unit A's marker.
 */
const MARKER = 'Qzxvisolation';

let t: TestServer;
let partnerId = 0;

beforeAll(async () => {
  t = await startTestServer();
  // The partner is shared by every unit: made before the first sweep.
  partnerId = (await (await t.as('officer')).post('/api/institutions', institutionBody({ nameEn: 'Isolation Partner University' }))).json().id;
});
afterAll(async () => t?.close());

/** What a response says, in a form two sweeps can compare: JSON parsed, spreadsheets as their cell values. */
async function readable(response: LightMyRequestResponse): Promise<unknown> {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return book.worksheets.map((sheet) => sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.map(String) : row)));
  }
  if (type.includes('json')) return response.json();
  return response.body;
}

/** Every GET route without a record id, in each format it offers, plus the shared partner's pages. */
async function sweep(c: Client): Promise<Map<string, { status: number; content: unknown }>> {
  const urls = t.routes.filter((r) => r.method === 'GET' && !r.url.includes(':')).map((r) => withRequiredQuery(r.url, MARKER));
  urls.push(`/api/institutions/${partnerId}`, `/api/institutions/${partnerId}/timeline`);
  const seen = new Map<string, { status: number; content: unknown }>();
  for (const url of urls) {
    for (const format of ['', 'csv', 'xlsx']) {
      const target = format ? `${url}${url.includes('?') ? '&' : '?'}format=${format}` : url;
      const response = await c.get(target);
      if (format && response.statusCode === 400) continue; // this route has no such format
      seen.set(target, { status: response.statusCode, content: await readable(response) });
    }
  }
  return seen;
}

/** Makes one record of every unit-owned kind in unit A (or its sub-unit A1), each carrying the marker. */
async function makeUnitARecords(): Promise<void> {
  const officer = await t.as('officer');
  const ok = async (response: Promise<LightMyRequestResponse>) => {
    const r = await response;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  const person = await ok(officer.post('/api/people', personBody({ familyName: `${MARKER}Person`, unitId: t.units.a1, nationality: 'DE' })));
  const agreement = await ok(officer.post('/api/agreements', agreementBody([partnerId], { titleEn: `${MARKER} agreement`, level: 'collegiate', unitId: t.units.a })));
  for (const to of ['under_review', 'approved', 'signed', 'active']) {
    const current = await ok(officer.get(`/api/agreements/${agreement.id}`));
    await ok(officer.post(`/api/agreements/${agreement.id}/transitions`, { to, on: '2024-01-01', version: current.version }));
  }
  const file = multipartFile(`${MARKER}.pdf`, Buffer.from('%PDF-1.4\n%%EOF\n'));
  await ok(officer.post(`/api/agreements/${agreement.id}/documents`, file.payload, file.headers));
  let visit = await ok(officer.post('/api/visits', visitBody(t.units.a, [person.id], { titleEn: `${MARKER} visit`, notes: MARKER })));
  for (const to of ['approved', 'held']) visit = await ok(officer.post(`/api/visits/${visit.id}/transitions`, { to, version: visit.version }));
  await ok(officer.post('/api/appointments', appointmentBody(person.id, t.units.a, { notes: MARKER })));
  let conference = await ok(officer.post('/api/conferences', conferenceBody(t.units.a, { titleEn: `${MARKER} symposium`, participants: 80, foreignParticipants: 20, countriesRepresented: 4 })));
  for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }]) {
    conference = await ok(officer.post(`/api/conferences/${conference.id}/transitions`, { ...step, version: conference.version }));
  }
  let mission = await ok(officer.post('/api/missions', missionBody(t.units.a, [person.id], { titleEn: `${MARKER} mission`, notes: MARKER })));
  for (const step of [{ to: 'approved', approvalDocumentNo: `${MARKER}-1` }, { to: 'travelled' }]) {
    mission = await ok(officer.post(`/api/missions/${mission.id}/transitions`, { ...step, version: mission.version }));
  }
  await ok(officer.post('/api/honours', { personId: person.id, kind: 'prize', nameEn: `${MARKER} Prize`, conferredOn: '2023-06-01', notable: true }));
  const student = await ok(officer.post('/api/students', { personId: person.id, level: 'master', programmeEn: `${MARKER} Master of Public Health`, unitId: t.units.a1, admittedOn: '2022-07-01', studentNumber: `${MARKER}-S1` }));
  await ok(officer.post(`/api/students/${student.id}/transitions`, { to: 'enrolled', on: '2022-09-01', version: student.version }));
  const programme = await ok(officer.post('/api/programmes', { nameEn: `${MARKER} programme`, durationYears: 8, unitId: t.units.a, partners: [{ institutionId: partnerId }] }));
  const cohort = await ok(officer.post(`/api/programmes/${programme.id}/cohorts`, { entryYear: 2020, intake: 25, notes: MARKER }));
  await ok(officer.post('/api/programme-students', { personId: person.id, cohortId: cohort.id, studentNumber: `${MARKER}-S1` }));
  const exchange = await ok(officer.post('/api/exchange-opportunities', { titleEn: `${MARKER} exchange`, kind: 'semester_exchange', hostInstitutionId: partnerId, places: 3, academicYear: 2023, unitId: t.units.a }));
  let application = await ok(officer.post('/api/exchange-applications', { opportunityId: exchange.id, personId: person.id, appliedOn: '2023-03-01', score: 88, notes: MARKER }));
  for (const step of [{ to: 'selected' }, { to: 'nominated' }, { to: 'departed', on: '2023-09-10' }]) {
    application = await ok(officer.post(`/api/exchange-applications/${application.id}/transitions`, { ...step, version: application.version }));
  }
  await ok(officer.post('/api/ledger/aggregates', {
    direction: 'outbound', who: 'staff', count: 7, category: 'other', startDate: '1988-01-01', endDate: '1988-12-31', sourceDocument: MARKER, unitId: t.units.a,
  }));
  for (const kind of UNIT_RECORD_KINDS) await ok(officer.post(`/api/${kind.path}`, recordKindBody(kind, { unitId: t.units.a1, institutionId: partnerId }, MARKER)));
}

const mentionsMarker = (content: unknown) => JSON.stringify(content).includes(MARKER);

describe("a coordinator and another unit's records", () => {
  it("reads exactly the same lists, counts, exports, suggestions and audit log before and after another unit's records exist", async () => {
    const coordinatorB = await t.as('coordinatorB');
    const coordinatorA = await t.as('coordinatorA');
    const before = await sweep(coordinatorB);
    await makeUnitARecords();
    const after = await sweep(coordinatorB);

    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [url, response] of after) {
      expect(response.status, url).toBe(before.get(url)!.status);
      expect(mentionsMarker(response.content), url).toBe(false);
      expect(response.content, url).toEqual(before.get(url)!.content);
    }

    // The sweep can see the records: coordinator A, whose unit holds them, reads them in
    // lists, search suggestions and the audit log.
    const ofA = await sweep(coordinatorA);
    const seenByA = [...ofA].filter(([, r]) => mentionsMarker(r.content)).map(([url]) => url.split('?')[0]);
    expect(seenByA).toEqual(expect.arrayContaining(['/api/people', '/api/agreements', '/api/visits', '/api/missions', '/api/honours', '/api/programmes', '/api/programme-students', '/api/students', '/api/conferences', '/api/search', '/api/audit', '/api/ledger/aggregates', ...UNIT_RECORD_KINDS.map((k) => `/api/${k.path}`)]));
  });
});
