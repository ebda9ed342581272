import { multipartFile } from '../factories.ts';
import type { TestServer } from '../harness.ts';
import { PASSWORD } from '../harness.ts';
import { recordKindBody } from '../record-kind-samples.ts';
import { RECORD_KINDS } from '../../../shared/kinds/record-kinds.ts';

/** The records a sweep works on, all of unit A (so coordinator A reaches them and B does not), by the name a route calls them. */
export type Fixtures = Record<string, number>;

const json = <T = { id: number; version: number }>(response: { statusCode: number; body: string; json(): unknown }, what: string): T => {
  if (response.statusCode >= 300) throw new Error(`fixture ${what}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
};

/**
 * One record of every kind, made by the officer: the sweep's valid ids, so that a hostile
 * value in one field reaches the service with every other field pointing at something real.
 * Also two users of its own (one to sign in and out as, one to edit) and a unit to edit.
 */
export async function makeFixtures(t: TestServer): Promise<{ ids: Fixtures; selfEmail: string }> {
  const officer = await t.as('officer');
  const admin = await t.as('admin');
  const ids: Fixtures = {};
  const made = async (kind: string, url: string, body: unknown) => {
    const row = json(await officer.post(url, body), kind);
    ids[kind] = row.id;
    return row;
  };
  ids.units = json(await admin.post('/api/units', { code: 'FUZZ', kind: 'school', nameEn: 'Fuzz unit', nameZh: '模糊', parentId: t.units.a }), 'unit').id;
  await made('institutions', '/api/institutions', { kind: 'university', nameEn: 'Fuzz U', countryCode: 'FR' });
  await made('people', '/api/people', { familyName: 'Fuzz', unitId: t.units.a });
  ids.erasable = json(await officer.post('/api/people', { familyName: 'Erasable', unitId: t.units.a }), 'erasable').id;
  await made('aggregates', '/api/ledger/aggregates', { direction: 'outbound', who: 'staff', count: 3, category: 'other', startDate: '1960-01-01', endDate: '1960-12-31', sourceDocument: 'doc', unitId: t.units.a });
  await made('agreements', '/api/agreements', { titleEn: 'Fuzz', titleZh: '模糊', level: 'collegiate', unitId: t.units.a, kind: 'other', partners: [{ institutionId: ids.institutions }] });
  const pdf = multipartFile('f.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  ids.documents = json(await officer.post(`/api/agreements/${ids.agreements}/documents`, pdf.payload, pdf.headers), 'document').id;
  await made('visits', '/api/visits', { titleEn: 'Fuzz visit', hostUnitId: t.units.a, purpose: 'other', startDate: '2024-01-01', endDate: '2024-01-02', members: [{ personId: ids.people, countryCode: 'FR' }] });
  ids.files = json(await officer.post(`/api/visits/${ids.visits}/files`, pdf.payload, pdf.headers), 'file').id;
  await made('appointments', '/api/appointments', { personId: ids.people, title: 'consultant', unitId: t.units.a, startDate: '2024-01-01' });
  ids['expert-documents'] = json(await officer.post(`/api/people/${ids.people}/expert-documents`, { kind: 'visa', appointmentId: ids.appointments }), 'expert document').id;
  const conference = await made('conferences', '/api/conferences', { titleEn: 'Fuzz conference', titleZh: '模糊会议', startDate: '2024-03-01', endDate: '2024-03-02', hostUnitId: t.units.a });
  ids.attendees = json(await officer.post(`/api/conferences/${ids.conferences}/attendees`, { fullName: 'Fuzz Attendee', version: conference.version }), 'attendee').id;
  await made('missions', '/api/missions', { titleEn: 'Fuzz mission', unitId: t.units.a, purpose: 'conference', startDate: '2024-01-01', endDate: '2024-01-02', destinations: [{ countryCode: 'FR' }], members: [{ personId: ids.people }] });
  await made('honours', '/api/honours', { personId: ids.people, kind: 'prize', nameEn: 'Fuzz Prize', conferredOn: '2024-01-01' });
  await made('students', '/api/students', { personId: ids.people, level: 'bachelor', programmeEn: 'Fuzz MBBS', unitId: t.units.a, countryCode: 'FR', admittedOn: '2024-07-01' });
  await made('programmes', '/api/programmes', { nameEn: 'Fuzz programme', durationYears: 8, unitId: t.units.a, partners: [{ institutionId: ids.institutions }] });
  await made('programme-cohorts', `/api/programmes/${ids.programmes}/cohorts`, { entryYear: 2020, intake: 30 });
  await made('programme-students', '/api/programme-students', { personId: ids.people, cohortId: ids['programme-cohorts'], studentNumber: 'F-1' });
  await made('programme-assessments', `/api/programme-students/${ids['programme-students']}/assessments`, { stage: 'clinical', assessedOn: '2024-01-01', meetsStandard: true });
  await made('residency-placements', `/api/programme-students/${ids['programme-students']}/placements`, { hostInstitutionId: ids.institutions, startDate: '2025-11-01', endDate: '2026-10-31' });
  await made('exchange-opportunities', '/api/exchange-opportunities', { titleEn: 'Fuzz exchange', kind: 'short_term_training', hostInstitutionId: ids.institutions, places: 2, academicYear: 2024, unitId: t.units.a });
  await made('exchange-applications', '/api/exchange-applications', { opportunityId: ids['exchange-opportunities'], personId: ids.people, appliedOn: '2024-03-01', score: 90 });
  for (const kind of RECORD_KINDS) await made(kind.path, `/api/${kind.path}`, recordKindBody(kind, { unitId: t.units.a, institutionId: ids.institutions! }));
  // A prepared export of the officer's (no worker runs in the sweeps: it stays waiting).
  ids.exports = json(await officer.post('/api/exports', { what: 'honours', format: 'csv' }), 'export').id;
  const selfEmail = 'fuzz-self@test.interchange';
  ids.self = json(await admin.post('/api/users', { email: selfEmail, displayName: 'Fuzz self', role: 'viewer', password: PASSWORD }), 'self').id;
  ids.users = json(await admin.post('/api/users', { email: 'fuzz-target@test.interchange', displayName: 'Fuzz target', role: 'viewer', password: PASSWORD }), 'target').id;
  return { ids, selfEmail };
}
