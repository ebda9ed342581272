import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { appointmentBody, conferenceBody, institutionBody, personBody, visitBody } from '../../test/factories.ts';
import type { AppointmentInput } from '../../../shared/contracts/appointments.ts';
import { replaceLedgerRows } from '../ledger/ledger.write.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function person(overrides: Parameters<typeof personBody>[0] = {}): Promise<number> {
  return (await (await t.as('officer')).post('/api/people', personBody({ unitId: t.units.a, ...overrides }))).json().id;
}

/** An appointment made by the office (proposed, then appointed), revoked on `revokedOn` when given. */
async function appointed(personId: number, overrides: Partial<AppointmentInput> = {}, revokedOn?: string) {
  const officer = await t.as('officer');
  let row = (await officer.post('/api/appointments', appointmentBody(personId, t.units.a, overrides))).json();
  row = (await officer.post(`/api/appointments/${row.id}/transitions`, { to: 'appointed', version: row.version })).json();
  if (revokedOn) row = (await officer.post(`/api/appointments/${row.id}/transitions`, { to: 'revoked', on: revokedOn, version: row.version })).json();
  expect(row.id).toBeGreaterThan(0);
  return row as { id: number; version: number };
}

describe('experts engaged on a date', () => {
  it('counts distinct people with an appointment in force, by title and country/region; a term counts on its last day, not the day after', async () => {
    const officer = await t.as('officer');
    const endsJune = await person({ nationality: 'FR' });
    await appointed(endsJune, { title: 'honorary_professor', startDate: '2020-07-01', endDate: '2025-06-30' });
    const twoTitles = await person({ nationality: 'FR' });
    await appointed(twoTitles, { title: 'consultant', startDate: '2023-01-01', endDate: null });
    await appointed(twoTitles, { title: 'visiting_professor', startDate: '2024-01-01', endDate: '2026-12-31' });
    const hongKong = await person({ nationality: 'HK' });
    await appointed(hongKong, { title: 'visiting_professor', startDate: '2025-07-01', endDate: '2027-06-30' });
    const revoked = await person({ nationality: 'US' });
    await appointed(revoked, { title: 'adjunct_professor', startDate: '2022-01-01', endDate: '2027-12-31' }, '2025-03-01');
    const proposedOnly = await person({ nationality: 'JP' });
    await officer.post('/api/appointments', appointmentBody(proposedOnly, t.units.a, { startDate: '2020-01-01', endDate: null }));
    const nowhere = await person({ nationality: null });
    await appointed(nowhere, { title: 'guest_lecturer', startDate: '2025-01-01', endDate: '2025-12-31' });

    const at = async (asOf: string) => (await officer.get(`/api/experts/engaged?asOf=${asOf}`)).json();
    expect(await at('2025-02-28')).toEqual({
      asOf: '2025-02-28',
      engaged: 4,
      byTitle: [
        { title: 'honorary_professor', experts: 1 },
        { title: 'consultant', experts: 1 },
        { title: 'visiting_professor', experts: 1 },
        { title: 'adjunct_professor', experts: 1 },
        { title: 'guest_lecturer', experts: 1 },
      ],
      byCountry: [{ countryCode: 'FR', experts: 2 }, { countryCode: 'US', experts: 1 }, { countryCode: null, experts: 1 }],
      countriesAndRegions: 2,
      countries: 2,
      engagedSince: 4,
    });
    // Revoked on 1 March: not in force that day.
    expect((await at('2025-03-01')).engaged).toBe(3);
    expect(await at('2025-06-30')).toMatchObject({ engaged: 3, engagedSince: 4 });
    const july = await at('2025-07-01');
    expect(july).toMatchObject({ engaged: 3, countriesAndRegions: 2, countries: 1, engagedSince: 5 });
    expect(july.byTitle.find((b: { title: string }) => b.title === 'honorary_professor').experts).toBe(0);
    expect(july.byTitle.find((b: { title: string }) => b.title === 'visiting_professor').experts).toBe(2);
    expect(july.byCountry).toEqual([{ countryCode: 'FR', experts: 1 }, { countryCode: 'HK', experts: 1 }, { countryCode: null, experts: 1 }]);
    expect(await at('2019-12-31')).toMatchObject({ engaged: 0, engagedSince: 0 });
    // The records behind the figure: the list filtered the same way.
    expect((await officer.get('/api/appointments?inForce=true&asOf=2025-07-01&pageSize=200')).json().total).toBe(4);
    // A coordinator of another unit engages nobody.
    expect(await (await (await t.as('coordinatorB')).get('/api/experts/engaged?asOf=2025-07-01')).json()).toMatchObject({ engaged: 0, engagedSince: 0 });
    expect((await (await t.as('coordinatorA')).get('/api/experts/engaged?asOf=2025-07-01')).json()).toMatchObject({ engaged: 3 });
  });
});

describe('expert documents', () => {
  it('keeps the number encrypted at rest, shows it to admin and officer only, and audits only that it was set', async () => {
    const officer = await t.as('officer');
    const expert = await person({ familyName: 'Moreau' });
    const appointment = await appointed(expert);
    const created = await officer.post(`/api/people/${expert}/expert-documents`, { appointmentId: appointment.id, kind: 'work_permit', number: 'WP-2024-778899', issuedOn: '2024-01-05', expiresOn: '2025-01-04' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ number: 'WP-2024-778899', unitId: t.units.a, version: 1 });
    const raw = await t.db.query('SELECT * FROM expert_documents WHERE id = $1', [created.json().id]);
    expect(JSON.stringify(raw.rows)).not.toContain('778899');
    expect(t.cipher.decrypt(raw.rows[0]!.number_enc)).toBe('WP-2024-778899');
    const audit = await t.db.query(`SELECT after FROM audit_log WHERE entity = 'expert_document' AND entity_id = $1`, [String(created.json().id)]);
    expect(JSON.stringify(audit.rows)).not.toContain('778899');
    expect(audit.rows[0]!.after.number).toBe('[personal data]');
    for (const role of ['admin', 'officer'] as const) {
      expect((await (await t.as(role)).get(`/api/people/${expert}/expert-documents`)).json()[0].number).toBe('WP-2024-778899');
    }
    for (const role of ['leader', 'viewer', 'coordinatorA'] as const) {
      const c = await t.as(role);
      for (const url of [`/api/people/${expert}/expert-documents`, `/api/people/${expert}/inbound-record`, '/api/appointments/renewals?asOf=2024-12-01']) {
        const response = await c.get(url);
        expect(response.statusCode, `${role} ${url}`).toBe(200);
        expect(response.body).not.toContain('778899');
      }
      expect((await c.get(`/api/people/${expert}/expert-documents`)).json()[0]).not.toHaveProperty('number');
    }
    // A coordinator records documents without numbers; a number from them is refused.
    const coordinator = await t.as('coordinatorA');
    const refused = await coordinator.post(`/api/people/${expert}/expert-documents`, { kind: 'visa', number: 'V123' });
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ field: 'number' })]);
    const visa = await coordinator.post(`/api/people/${expert}/expert-documents`, { kind: 'visa', expiresOn: '2025-02-01' });
    expect(visa.statusCode).toBe(201);
    // Edits keep the number unless it is given; a stale version is 409 without the number for a coordinator.
    const edited = await officer.patch(`/api/people/${expert}/expert-documents/${created.json().id}`, { version: 1, notes: 'renewal requested' });
    expect(edited.json()).toMatchObject({ number: 'WP-2024-778899', notes: 'renewal requested', version: 2 });
    const stale = await coordinator.patch(`/api/people/${expert}/expert-documents/${created.json().id}`, { version: 1, notes: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).not.toContain('778899');
    expect((await officer.delete(`/api/people/${expert}/expert-documents/${visa.json().id}?version=1`)).statusCode).toBe(204);
  });

  it('refuses an appointment of another person, and keeps another unit\u2019s expert\u2019s documents out of reach (404)', async () => {
    const officer = await t.as('officer');
    const one = await person();
    const other = await person();
    const ofOther = await appointed(other);
    const wrong = await officer.post(`/api/people/${one}/expert-documents`, { appointmentId: ofOther.id, kind: 'contract' });
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ field: 'appointmentId' })]);
    const doc = (await officer.post(`/api/people/${one}/expert-documents`, { kind: 'contract', expiresOn: '2026-01-01' })).json();
    const coordinatorB = await t.as('coordinatorB');
    expect((await coordinatorB.get(`/api/people/${one}/expert-documents`)).statusCode).toBe(404);
    expect((await coordinatorB.post(`/api/people/${one}/expert-documents`, { kind: 'visa' })).statusCode).toBe(404);
    expect((await coordinatorB.patch(`/api/people/${one}/expert-documents/${doc.id}`, { version: 1, notes: 'x' })).statusCode).toBe(404);
    expect((await coordinatorB.delete(`/api/people/${one}/expert-documents/${doc.id}?version=1`)).statusCode).toBe(404);
    // A person of the office (no unit) is reachable by a coordinator only through their unit's appointment, and documents must hang on it.
    const officeExpert = await person({ unitId: null });
    const coordinatorA = await t.as('coordinatorA');
    expect((await coordinatorA.post(`/api/people/${officeExpert}/expert-documents`, { kind: 'visa' })).statusCode).toBe(404);
    const theirs = await appointed(officeExpert);
    const loose = await coordinatorA.post(`/api/people/${officeExpert}/expert-documents`, { kind: 'visa' });
    expect(loose.json().error.fields).toEqual([expect.objectContaining({ field: 'appointmentId' })]);
    expect((await coordinatorA.post(`/api/people/${officeExpert}/expert-documents`, { kind: 'visa', appointmentId: theirs.id })).statusCode).toBe(201);
  });
});

describe('the renewal list', () => {
  it('lists terms in force and documents ending within the months asked (default 3), soonest first; exports csv and xlsx', async () => {
    const officer = await t.as('officer');
    const expert = await person({ familyName: 'Renard', nameZh: '雷纳', nationality: 'BE' });
    const ending = await appointed(expert, { title: 'honorary_professor', startDate: '2021-01-01', endDate: '2030-07-31' });
    const later = await appointed(expert, { title: 'consultant', startDate: '2021-01-01', endDate: '2030-08-02' });
    const revoked = await appointed(expert, { title: 'guest_lecturer', startDate: '2021-01-01', endDate: '2030-06-30' }, '2029-01-01');
    const visa = (await officer.post(`/api/people/${expert}/expert-documents`, { kind: 'visa', number: 'X9', expiresOn: '2030-05-15' })).json();
    await officer.post(`/api/people/${expert}/expert-documents`, { kind: 'residence_permit', expiresOn: '2030-04-30' });
    const list = (await officer.get('/api/appointments/renewals?asOf=2030-05-01')).json();
    expect(list).toMatchObject({ asOf: '2030-05-01', months: 3 });
    const ours = list.items.filter((i: { personId: number }) => i.personId === expert);
    expect(ours.map((i: { type: string; dueOn: string; appointmentId: number | null; documentId: number | null }) => [i.type, i.dueOn, i.appointmentId ?? i.documentId])).toEqual([
      ['document', '2030-05-15', visa.id],
      ['appointment', '2030-07-31', ending.id],
    ]);
    const sixMonths = (await officer.get('/api/appointments/renewals?asOf=2030-05-01&months=6')).json().items.map((i: { appointmentId: number | null }) => i.appointmentId);
    expect(sixMonths).toContain(later.id);
    expect(sixMonths).not.toContain(revoked.id);
    expect((await officer.get('/api/appointments/renewals?months=0')).statusCode).toBe(400);
    // A renewal proposed shows on the line it answers.
    await officer.post(`/api/appointments/${ending.id}/renewal`, { version: ending.version });
    const renewed = (await officer.get('/api/appointments/renewals?asOf=2030-05-01')).json().items.find((i: { appointmentId: number }) => i.appointmentId === ending.id);
    expect(renewed.successorId).toBeGreaterThan(0);

    const csv = await officer.get('/api/appointments/renewals?asOf=2030-05-01&format=csv', { 'accept-language': 'zh' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('expert-renewals-2030-05-01.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('到期日期,事项,专家,中文名,国籍,聘任职衔,证件,聘任单位,已提出续聘');
    expect(lines.filter((l) => l.includes('雷纳')).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['2030-05-15,证件到期', '2030-07-31,聘期届满']);
    expect(csv.body).not.toContain('X9');
    const xlsx = await officer.get('/api/appointments/renewals?asOf=2030-05-01&format=xlsx', { 'accept-language': 'fr' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Échéance');
    expect(sheet.rowCount).toBe(list.items.length + 1);
    // Within a coordinator's reach only.
    expect((await (await t.as('coordinatorB')).get('/api/appointments/renewals?asOf=2030-05-01')).json().items).toEqual([]);
  });
});

describe('the expert\u2019s page', () => {
  it('shows appointments, documents, the visits they came on (from the ledger) and the conferences they attended, within reach', async () => {
    const officer = await t.as('officer');
    const expert = await person({ familyName: 'Girard', nationality: 'FR' });
    const appointment = await appointed(expert, { title: 'honorary_professor' });
    await officer.post(`/api/people/${expert}/expert-documents`, { appointmentId: appointment.id, kind: 'contract', expiresOn: '2026-12-31' });
    // Two visits, as the visits module writes them: one person-time each in the ledger.
    await t.db.transaction(async (tx) => {
      for (const [id, start] of [[9001, '2023-04-02'], [9002, '2024-10-12']] as const)
        await replaceLedgerRows(tx, { module: 'visit', id }, [
          { direction: 'inbound', who: 'visitor', personId: expert, category: 'academic_exchange', countryCode: 'FR', institutionId: null, unitId: t.units.a, startDate: start, endDate: start },
        ]);
    });
    let conference = (await officer.post('/api/conferences', conferenceBody(t.units.a, { titleEn: 'Hematology summit' }))).json();
    conference = (await officer.post(`/api/conferences/${conference.id}/transitions`, { to: 'approved', version: conference.version })).json();
    conference = (await officer.post(`/api/conferences/${conference.id}/transitions`, { to: 'held', on: '2024-05-10', version: conference.version })).json();
    await officer.post(`/api/conferences/${conference.id}/attendees`, { fullName: 'Pierre Girard', personId: expert, role: 'speaker', version: conference.version });

    const record = (await officer.get(`/api/people/${expert}/inbound-record`)).json();
    expect(record.appointments.map((a: { id: number; title: string }) => [a.id, a.title])).toEqual([[appointment.id, 'honorary_professor']]);
    expect(record.documents).toEqual([expect.objectContaining({ kind: 'contract', expiresOn: '2026-12-31' })]);
    expect(record.visits.map((v: { visitId: number; startDate: string }) => [v.visitId, v.startDate])).toEqual([[9002, '2024-10-12'], [9001, '2023-04-02']]);
    expect(record.conferences).toEqual([expect.objectContaining({ conferenceId: conference.id, titleEn: 'Hematology summit', role: 'speaker', status: 'held' })]);
    // Two visits and one conference: three inbound person-times.
    expect(record.personTimes).toBe(3);
    expect((await (await t.as('coordinatorA')).get(`/api/people/${expert}/inbound-record`)).json().personTimes).toBe(3);
    expect((await (await t.as('coordinatorB')).get(`/api/people/${expert}/inbound-record`)).statusCode).toBe(404);
    expect((await officer.get('/api/people/999999/inbound-record')).statusCode).toBe(404);
  });

  it('shows a visit held through the visits API (the ledger is the contract between the two modules)', async () => {
    const officer = await t.as('officer');
    const expert = await person({ familyName: 'Lambert', nationality: 'BE' });
    let visit = (await officer.post('/api/visits', visitBody(t.units.a, [expert], { startDate: '2024-11-04', endDate: '2024-11-06' }))).json();
    for (const step of [{ to: 'approved' }, { to: 'held', on: '2024-11-04' }]) {
      const response = await officer.post(`/api/visits/${visit.id}/transitions`, { ...step, version: visit.version });
      expect(response.statusCode, response.body).toBe(200);
      visit = response.json();
    }
    const record = (await officer.get(`/api/people/${expert}/inbound-record`)).json();
    expect(record.visits).toEqual([expect.objectContaining({ visitId: visit.id, startDate: '2024-11-04', endDate: '2024-11-06', unitId: t.units.a })]);
    expect(record.personTimes).toBe(1);
  });

  it('puts an appointment made on the expert\u2019s institution\u2019s timeline (partner activity), not a proposal', async () => {
    const officer = await t.as('officer');
    const leiden = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Leiden University', countryCode: 'NL' }))).json().id;
    const expert = await person({ nationality: 'NL' });
    const proposal = (await officer.post('/api/appointments', appointmentBody(expert, t.units.a, { institutionId: leiden, title: 'adjunct_professor', startDate: '2024-09-01' }))).json();
    expect((await officer.get(`/api/institutions/${leiden}/timeline`)).json()).toEqual([]);
    await officer.post(`/api/appointments/${proposal.id}/transitions`, { to: 'appointed', version: proposal.version });
    expect((await officer.get(`/api/institutions/${leiden}/timeline`)).json()).toEqual([
      { date: '2024-09-01', module: 'appointment', event: 'adjunct_professor', sourceId: proposal.id, titleEn: 'adjunct_professor', titleZh: null, personTimes: null },
    ]);
    const { rows } = await t.db.query('SELECT unit_id, count FROM partner_activity WHERE institution_id = $1', [leiden]);
    expect(rows).toEqual([{ unit_id: t.units.a, count: null }]);
    expect((await (await t.as('coordinatorB')).get(`/api/institutions/${leiden}/timeline`)).json()).toEqual([]);
  });
});
