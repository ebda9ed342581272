import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { conferenceBody, institutionBody, personBody } from '../../test/factories.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { addAttendees } from './attendees.service.ts';
import {
  AttendeeInput,
  CONFERENCE_STATUSES,
  CONFERENCE_TRANSITIONS,
  OFFICE_CONFERENCE_STEPS,
  type ConferenceInput,
  type ConferenceStatus,
} from '../../../shared/contracts/conferences.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

/** The way from proposed to each status (the conference runs 2024-05-10..11). */
const PATH: Record<ConferenceStatus, Array<{ to: ConferenceStatus; on?: string; summary?: string }>> = {
  proposed: [],
  approved: [{ to: 'approved' }],
  rejected: [{ to: 'rejected' }],
  held: [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }],
  closed: [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }, { to: 'closed', on: '2024-06-20', summary: 'Three days, 40 talks.' }],
  cancelled: [{ to: 'cancelled' }],
};

/** Proposes a conference (by the officer, hosted by unit A unless said) and walks it to `status`. */
async function conferenceIn(status: ConferenceStatus, overrides: Partial<ConferenceInput> = {}) {
  const officer = await t.as('officer');
  const created = await officer.post('/api/conferences', conferenceBody(t.units.a, overrides));
  expect(created.statusCode, created.body).toBe(201);
  let row = created.json();
  for (const step of PATH[status]) {
    const on = step.to === 'held' ? (overrides.startDate ?? step.on) : step.on;
    const response = await officer.post(`/api/conferences/${row.id}/transitions`, { ...step, on, version: row.version });
    expect(response.statusCode, response.body).toBe(200);
    row = response.json();
  }
  return row as { id: number; version: number; status: ConferenceStatus };
}

/** The ledger rows a conference wrote, read from the table itself. */
async function ledgerOf(id: number) {
  const { rows } = await t.db.query<{ person_id: number | null; count: number; country_code: string | null; institution_id: number | null; unit_id: number; category: string; who: string; direction: string; start_date: string; end_date: string; source_document: string }>(
    `SELECT person_id, count, country_code, institution_id, unit_id, category, who, direction, start_date, end_date, source_document
       FROM ledger WHERE source_module = 'conference' AND source_id = $1 ORDER BY person_id NULLS LAST, country_code NULLS LAST, count`,
    [id],
  );
  return rows;
}

describe('conferences: records', () => {
  it('proposes a conference (201) with its co-organizers, derived classification and summary due date, audited with its unit', async () => {
    const officer = await t.as('officer');
    const partner = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Institut Pasteur', kind: 'research_institute' }))).json().id;
    const response = await officer.post('/api/conferences', conferenceBody(t.units.a, {
      titleFr: 'Symposium franco-chinois', venue: 'Ruijin Hospital', partners: [{ institutionId: partner, role: 'co-host' }],
      participants: 300, foreignParticipants: 60, countriesRepresented: 12,
    }));
    expect(response.statusCode).toBe(201);
    const row = response.json();
    expect(row).toMatchObject({
      status: 'proposed', classification: 'major', summaryDueOn: '2024-07-11', summaryOverdue: false, attendeeCount: 0, version: 1,
      partners: [{ institutionId: partner, role: 'co-host', nameEn: 'Institut Pasteur', countryCode: 'FR' }],
    });
    const { rows } = await t.db.query(`SELECT action, unit_id FROM audit_log WHERE entity = 'conference' AND entity_id = $1`, [String(row.id)]);
    expect(rows).toEqual([{ action: 'create', unit_id: t.units.a }]);
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const officer = await t.as('officer');
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conferences')).rows[0]!.n;
    const bad = await officer.post('/api/conferences', { titleEn: 'x', startDate: '2024-05-10', endDate: '2024-05-09', hostUnitId: t.units.a, participants: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['participants', 'titleZh']);
    const dates = await officer.post('/api/conferences', conferenceBody(t.units.a, { startDate: '2024-05-10', endDate: '2024-05-09' }));
    expect(dates.json().error.fields).toEqual([expect.objectContaining({ field: 'endDate' })]);
    const scale = await officer.post('/api/conferences', conferenceBody(t.units.a, { participants: 10, foreignParticipants: 11 }), { 'accept-language': 'zh' });
    expect(scale.json().error.fields).toEqual([{ field: 'foreignParticipants', message: 'foreignParticipants: 多于参会总人数' }]);
    const partners = await officer.post('/api/conferences', conferenceBody(t.units.a, { partners: [{ institutionId: 999999 }] }));
    expect(partners.json().error.fields).toEqual([expect.objectContaining({ field: 'partners.0.institutionId' })]);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conferences')).rows[0]!.n).toBe(before);
  });

  it('edits at the current version, 409 with the current record when stale', async () => {
    const officer = await t.as('officer');
    const row = await conferenceIn('proposed');
    const edited = await officer.patch(`/api/conferences/${row.id}`, { version: 1, venue: 'Shanghai Jiao Tong University School of Medicine' });
    expect(edited.statusCode).toBe(200);
    const stale = await officer.patch(`/api/conferences/${row.id}`, { version: 1, venue: 'Elsewhere' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.venue).toBe('Shanghai Jiao Tong University School of Medicine');
  });
});

describe('conferences: the lifecycle', () => {
  for (const role of ['officer', 'coordinatorA'] as const) {
    for (const from of CONFERENCE_STATUSES) {
      for (const to of CONFERENCE_STATUSES) {
        const legal = CONFERENCE_TRANSITIONS[from].includes(to);
        const expected = !legal ? 400 : role === 'coordinatorA' && OFFICE_CONFERENCE_STEPS.includes(to) ? 403 : 200;
        it(`${role}: ${from} → ${to}: ${expected}`, async () => {
          const row = await conferenceIn(from);
          const c = await t.as(role);
          const step = { to, on: to === 'closed' ? '2024-06-01' : '2024-05-10', summary: to === 'closed' ? 'Summary.' : undefined, version: row.version };
          const response = await c.post(`/api/conferences/${row.id}/transitions`, step, { 'accept-language': 'en' });
          expect(response.statusCode, response.body).toBe(expected);
          if (expected === 200) expect(response.json()).toMatchObject({ status: to, version: row.version + 1 });
          if (expected === 400) expect(response.json().error.fields).toEqual([{ field: 'to', message: 'to: is not a step this record can take from its current status' }]);
          if (expected !== 200) expect((await c.get(`/api/conferences/${row.id}`)).json()).toMatchObject({ status: from, version: row.version });
        });
      }
    }
  }

  it('is held on or after its first day, not before (400 on `on`)', async () => {
    const officer = await t.as('officer');
    const row = await conferenceIn('approved');
    const early = await officer.post(`/api/conferences/${row.id}/transitions`, { to: 'held', on: '2024-05-09', version: row.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([expect.objectContaining({ field: 'on' })]);
    expect((await officer.post(`/api/conferences/${row.id}/transitions`, { to: 'held', on: '2024-05-10', version: row.version })).statusCode).toBe(200);
  });

  it('closes only with its summary (given now or saved before), dated the day it is submitted', async () => {
    const officer = await t.as('officer');
    const row = await conferenceIn('held');
    const none = await officer.post(`/api/conferences/${row.id}/transitions`, { to: 'closed', on: '2024-06-01', version: row.version });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toEqual([expect.objectContaining({ field: 'summary' })]);
    const draft = (await officer.patch(`/api/conferences/${row.id}`, { version: row.version, summary: 'Draft summary' })).json();
    const closed = await officer.post(`/api/conferences/${row.id}/transitions`, { to: 'closed', on: '2024-06-01', version: draft.version });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', summary: 'Draft summary', summarySubmittedOn: '2024-06-01' });
  });

  it('deletes a conference that is not closed (204, its ledger rows with it); a closed one stays (409)', async () => {
    const officer = await t.as('officer');
    const held = await conferenceIn('held', { foreignParticipants: 7 });
    expect(await ledgerOf(held.id)).toHaveLength(1);
    expect((await officer.delete(`/api/conferences/${held.id}?version=${held.version}`)).statusCode).toBe(204);
    expect(await ledgerOf(held.id)).toEqual([]);
    expect((await officer.get(`/api/conferences/${held.id}`)).statusCode).toBe(404);
    const closed = await conferenceIn('closed');
    const refused = await officer.delete(`/api/conferences/${closed.id}?version=${closed.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('conference_not_deletable');
  });
});

describe('conferences: the summary is due within two months of the end', () => {
  // Ends 2024-12-31: due 2025-02-28 (two months on, clamped to the month's end).
  it('is overdue the day after its due date, not on it; a summary submitted by then keeps it off the list', async () => {
    const officer = await t.as('officer');
    const late = await conferenceIn('held', { startDate: '2024-12-30', endDate: '2024-12-31', titleEn: 'Year-end forum' });
    const at = async (id: number, asOf: string) => (await officer.get(`/api/conferences/${id}?asOf=${asOf}`)).json();
    expect(await at(late.id, '2025-02-28')).toMatchObject({ summaryDueOn: '2025-02-28', summaryOverdue: false });
    expect(await at(late.id, '2025-03-01')).toMatchObject({ summaryOverdue: true });

    const onTime = await conferenceIn('held', { startDate: '2024-12-30', endDate: '2024-12-31' });
    await officer.post(`/api/conferences/${onTime.id}/transitions`, { to: 'closed', on: '2025-02-28', summary: 'Done', version: onTime.version });
    expect(await at(onTime.id, '2025-03-01')).toMatchObject({ summaryOverdue: false });
    const lateClosed = await conferenceIn('held', { startDate: '2024-12-30', endDate: '2024-12-31' });
    await officer.post(`/api/conferences/${lateClosed.id}/transitions`, { to: 'closed', on: '2025-04-15', summary: 'Late', version: lateClosed.version });
    // Overdue between its due date and the day it came in; not after.
    expect(await at(lateClosed.id, '2025-04-14')).toMatchObject({ summaryOverdue: true });
    expect(await at(lateClosed.id, '2025-04-15')).toMatchObject({ summaryOverdue: false });

    const proposed = await conferenceIn('proposed', { startDate: '2024-12-30', endDate: '2024-12-31' });
    const cancelled = await conferenceIn('cancelled', { startDate: '2024-12-30', endDate: '2024-12-31' });
    const ofB = (await officer.post('/api/conferences', conferenceBody(t.units.b, { startDate: '2024-12-30', endDate: '2024-12-31' }))).json();
    await officer.post(`/api/conferences/${ofB.id}/transitions`, { to: 'approved', version: ofB.version });

    const list = (await officer.get('/api/conferences/overdue-summaries?asOf=2025-03-01')).json();
    const ids = list.items.map((c: { id: number }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([late.id, lateClosed.id, ofB.id]));
    for (const id of [onTime.id, proposed.id, cancelled.id]) expect(ids).not.toContain(id);
    expect(list.byUnit).toEqual(expect.arrayContaining([{ unitId: t.units.b, overdue: 1 }]));
    const ofA = list.byUnit.find((u: { unitId: number }) => u.unitId === t.units.a).overdue;
    expect(ofA).toBe(list.items.filter((c: { hostUnitId: number }) => c.hostUnitId === t.units.a).length);
    expect((await officer.get('/api/conferences/overdue-summaries?asOf=2025-02-28')).json().items.map((c: { id: number }) => c.id)).not.toContain(late.id);
    // Per unit: coordinator B sees their unit's only.
    const forB = (await (await t.as('coordinatorB')).get('/api/conferences/overdue-summaries?asOf=2025-03-01')).json();
    expect(forB.items.map((c: { id: number }) => c.id)).toEqual([ofB.id]);
    expect(forB.byUnit).toEqual([{ unitId: t.units.b, overdue: 1 }]);
    expect((await officer.get('/api/conferences?summaryOverdue=true&asOf=2025-03-01&pageSize=200')).json().items.map((c: { id: number }) => c.id)).toContain(late.id);
  });
});

describe('conferences: classification by the office\u2019s threshold', () => {
  it('is major from the threshold up, and follows the setting when the office changes it', async () => {
    const officer = await t.as('officer');
    const fifty = await conferenceIn('proposed', { foreignParticipants: 50 });
    const fortyNine = await conferenceIn('proposed', { foreignParticipants: 49 });
    const unknown = await conferenceIn('proposed', { foreignParticipants: null });
    const classOf = async (id: number) => (await officer.get(`/api/conferences/${id}`)).json().classification;
    expect([await classOf(fifty.id), await classOf(fortyNine.id), await classOf(unknown.id)]).toEqual(['major', 'general', 'general']);
    const setting = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === 'conference.majorForeignParticipants');
    expect((await officer.patch('/api/settings/conference.majorForeignParticipants', { value: 40, version: setting.version })).statusCode).toBe(200);
    expect([await classOf(fifty.id), await classOf(fortyNine.id)]).toEqual(['major', 'major']);
    const majors = (await officer.get('/api/conferences?classification=major&pageSize=200')).json().items.map((c: { id: number }) => c.id);
    expect(majors).toEqual(expect.arrayContaining([fifty.id, fortyNine.id]));
    expect(majors).not.toContain(unknown.id);
    await officer.patch('/api/settings/conference.majorForeignParticipants', { value: 60, version: setting.version + 1 });
    expect([await classOf(fifty.id), await classOf(fortyNine.id)]).toEqual(['general', 'general']);
  });
});

describe('conferences: foreign participants in the ledger', () => {
  it('writes nothing before the conference is held; one aggregate of the declared foreign participants once held; rewrites on edit; nothing once cancelled', async () => {
    const officer = await t.as('officer');
    const approved = await conferenceIn('approved', { foreignParticipants: 12, participants: 100 });
    expect(await ledgerOf(approved.id)).toEqual([]);
    const held = (await officer.post(`/api/conferences/${approved.id}/transitions`, { to: 'held', on: '2024-05-10', version: approved.version })).json();
    expect(await ledgerOf(approved.id)).toEqual([
      expect.objectContaining({ person_id: null, count: 12, country_code: null, unit_id: t.units.a, category: 'conference', who: 'visitor', direction: 'inbound', start_date: '2024-05-10', end_date: '2024-05-11', source_document: `declared foreign participants of conference ${approved.id}` }),
    ]);
    const edited = (await officer.patch(`/api/conferences/${approved.id}`, { version: held.version, foreignParticipants: 15, startDate: '2024-05-09', hostUnitId: t.units.a1 })).json();
    expect(await ledgerOf(approved.id)).toEqual([expect.objectContaining({ count: 15, start_date: '2024-05-09', unit_id: t.units.a1 })]);
    await officer.patch(`/api/conferences/${approved.id}`, { version: edited.version, foreignParticipants: 0 });
    expect(await ledgerOf(approved.id)).toEqual([]);
    const again = await conferenceIn('held', { foreignParticipants: 4 });
    expect(await ledgerOf(again.id)).toHaveLength(1);
    await officer.post(`/api/conferences/${again.id}/transitions`, { to: 'cancelled', version: again.version });
    expect(await ledgerOf(again.id)).toEqual([]);
  });

  it('with an attendee list: each foreign attendee we know is a person-time, the others aggregates per country and institution; not the Chinese ones', async () => {
    const officer = await t.as('officer');
    const row = await conferenceIn('held', { foreignParticipants: 99 });
    const lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Lyon 1' }))).json().id;
    const known = (await officer.post('/api/people', personBody({ familyName: 'Dubois', nationality: 'FR', unitId: t.units.a }))).json().id;
    let version = row.version;
    const add = async (body: object) => {
      const response = await officer.post(`/api/conferences/${row.id}/attendees`, { ...body, version });
      expect(response.statusCode, response.body).toBe(201);
      version += 1;
      return response.json();
    };
    const dubois = await add({ fullName: 'Marie Dubois', countryCode: 'FR', institutionId: lyon, role: 'speaker' });
    await add({ fullName: 'Paul Martin', countryCode: 'FR', institutionId: lyon });
    await add({ fullName: 'Jean Petit', countryCode: 'FR', institutionId: lyon });
    await add({ fullName: 'Anna Svensson', countryCode: 'SE' });
    await add({ fullName: '张伟', countryCode: 'CN' });
    await add({ fullName: 'Unknown guest' });
    expect(dubois).toMatchObject({ isForeign: true, personId: null });
    // Linking an attendee to the person we know turns one aggregate count into their own person-time.
    const linked = await officer.patch(`/api/conferences/${row.id}/attendees/${dubois.id}`, { personId: known, version });
    expect(linked.statusCode, linked.body).toBe(200);
    version += 1;
    expect(await ledgerOf(row.id)).toEqual([
      expect.objectContaining({ person_id: known, count: 1, country_code: 'FR', institution_id: lyon }),
      expect.objectContaining({ person_id: null, count: 2, country_code: 'FR', institution_id: lyon, source_document: `attendee list of conference ${row.id}` }),
      expect.objectContaining({ person_id: null, count: 1, country_code: 'SE', institution_id: null }),
    ]);
    const conference = (await officer.get(`/api/conferences/${row.id}`)).json();
    expect(conference).toMatchObject({ attendeeCount: 6, foreignAttendeeCount: 4, attendeeCountries: 3, version });
    // Removing the last attendees from Sweden leaves no Swedish row behind.
    const list = (await officer.get(`/api/conferences/${row.id}/attendees`)).json();
    const anna = list.find((a: { fullName: string }) => a.fullName === 'Anna Svensson');
    expect((await officer.delete(`/api/conferences/${row.id}/attendees/${anna.id}?version=${version}`)).statusCode).toBe(204);
    expect((await ledgerOf(row.id)).map((r) => r.country_code)).toEqual(['FR', 'FR']);
    // A stale version of the conference is refused for its list too.
    expect((await officer.post(`/api/conferences/${row.id}/attendees`, { fullName: 'Late', version: 1 })).statusCode).toBe(409);
    // The person we know cannot be deleted while their person-time stands.
    expect((await officer.delete(`/api/people/${known}?version=1`)).statusCode).toBe(409);
  });

  it('adds attendees in one call (addAttendees, the demo\u2019s linked attendees) with the same rows, ledger rows, figures and audit rows as one at a time, the version moved on once', async () => {
    const officer = await t.as('officer');
    const lille = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université de Lille' }))).json().id;
    const rossi = (await officer.post('/api/people', personBody({ familyName: 'Rossi', nationality: 'IT', unitId: t.units.a }))).json().id;
    const morel = (await officer.post('/api/people', personBody({ familyName: 'Morel', nationality: 'FR', unitId: t.units.a }))).json().id;
    const inputs = [
      { personId: rossi, fullName: 'Marco Rossi', institutionId: null, institutionName: null, countryCode: 'IT', role: 'speaker' as const },
      { personId: morel, fullName: 'Léa Morel', institutionId: lille, institutionName: 'Université de Lille', countryCode: 'FR', role: 'speaker' as const },
      { personId: null, fullName: 'Wang Fang', institutionId: null, institutionName: 'Fudan University', countryCode: 'CN', role: 'participant' as const },
    ];
    const one = await conferenceIn('held', { foreignParticipants: 20 });
    const all = await conferenceIn('held', { foreignParticipants: 20 });
    let version = one.version;
    for (const input of inputs) {
      const response = await officer.post(`/api/conferences/${one.id}/attendees`, { ...input, version });
      expect(response.statusCode, response.body).toBe(201);
      version += 1;
    }
    const officerCtx = requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer', unitId: null }, t.db);
    const added = await addAttendees(officerCtx, { id: all.id, version: all.version, inputs: inputs.map((i) => parseOrThrow(AttendeeInput, { ...i, version: all.version })).map(({ version: _v, ...i }) => i) });
    expect(added.map((a) => a.fullName)).toEqual(inputs.map((i) => i.fullName));

    const attendees = async (id: number) => (await officer.get(`/api/conferences/${id}/attendees`)).json().map(({ id: _i, conferenceId: _c, ...rest }: Record<string, unknown>) => rest);
    expect(await attendees(all.id)).toEqual(await attendees(one.id));
    const ledger = async (id: number) => (await ledgerOf(id)).map(({ source_document: document, ...rest }) => ({ ...rest, document: document.replace(String(id), '#') }));
    expect(await ledger(all.id)).toEqual(await ledger(one.id));
    expect((await ledger(all.id)).filter((r) => r.person_id !== null).map((r) => r.person_id).sort()).toEqual([rossi, morel].sort());
    const figures = async (id: number) => {
      const { attendeeCount, foreignAttendeeCount, attendeeCountries, version: v } = (await officer.get(`/api/conferences/${id}`)).json();
      return { attendeeCount, foreignAttendeeCount, attendeeCountries, moved: v };
    };
    expect(await figures(one.id)).toEqual({ ...(await figures(all.id)), moved: one.version + inputs.length });
    expect((await figures(all.id)).moved).toBe(all.version + 1);
    // An audit row per attendee, each the attendee as added.
    const audited = async (id: number) =>
      (await t.db.query<{ after: Record<string, unknown> }>(`SELECT after FROM audit_log WHERE entity = 'conference_attendee' AND action = 'create' AND (after->>'conferenceId')::bigint = $1 ORDER BY id`, [id])).rows.map(
        ({ after: { id: _i, conferenceId: _c, ...rest } }) => rest,
      );
    expect(await audited(all.id)).toHaveLength(inputs.length);
    expect(await audited(all.id)).toEqual(await audited(one.id));
  });

  it('shows co-organized conferences on the partner\u2019s timeline and counts them as activity for the dormant rule', async () => {
    const officer = await t.as('officer');
    const partner = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Karolinska Institutet', countryCode: 'SE' }))).json().id;
    const proposed = await conferenceIn('proposed', { partners: [{ institutionId: partner, role: 'co-organizer' }], startDate: '2025-04-01', endDate: '2025-04-02' });
    const activity = async () => (await t.db.query(`SELECT activity_date, source_module, source_id, label, count, unit_id FROM partner_activity WHERE institution_id = $1`, [partner])).rows;
    expect(await activity()).toEqual([]);
    const approved = (await officer.post(`/api/conferences/${proposed.id}/transitions`, { to: 'approved', version: proposed.version })).json();
    expect(await activity()).toEqual([
      { activity_date: '2025-04-01', source_module: 'conference', source_id: proposed.id, label: 'conference_coorganized', count: null, unit_id: t.units.a },
    ]);
    const timeline = (await officer.get(`/api/institutions/${partner}/timeline`)).json();
    expect(timeline).toEqual([expect.objectContaining({ date: '2025-04-01', module: 'conference', event: 'conference_coorganized', sourceId: proposed.id, personTimes: null })]);
    expect((await (await t.as('coordinatorB')).get(`/api/institutions/${partner}/timeline`)).json()).toEqual([]);
    // An agreement with that partner signed in 2020 is dormant in 2025-03 (nothing for two years), not after the conference.
    let agreement = (await officer.post('/api/agreements', { titleEn: 'MoU', titleZh: '备忘录', level: 'institutional', kind: 'comprehensive', partners: [{ institutionId: partner }], signedOn: '2020-01-01' })).json();
    for (const to of ['under_review', 'approved', 'signed', 'active']) agreement = (await officer.post(`/api/agreements/${agreement.id}/transitions`, { to, on: '2020-01-01', version: agreement.version })).json();
    const dormantOn = async (asOf: string) => (await officer.get(`/api/agreements?asOf=${asOf}&dormant=true&pageSize=200`)).json().items.map((a: { id: number }) => a.id);
    expect(await dormantOn('2025-03-01')).toContain(agreement.id);
    expect(await dormantOn('2025-06-01')).not.toContain(agreement.id);
    // Cancelled, it is no activity any more.
    await officer.post(`/api/conferences/${proposed.id}/transitions`, { to: 'cancelled', version: approved.version });
    expect(await activity()).toEqual([]);
  });
});

describe('conferences: a coordinator proposes for their unit and reaches their unit\u2019s conferences only', () => {
  let coordinatorA: Client;
  let coordinatorB: Client;
  beforeAll(async () => {
    coordinatorA = await t.as('coordinatorA');
    coordinatorB = await t.as('coordinatorB');
  });

  it('proposes hosted by their unit or a sub-unit, not by another unit', async () => {
    expect((await coordinatorA.post('/api/conferences', conferenceBody(t.units.a1))).statusCode).toBe(201);
    const other = await coordinatorA.post('/api/conferences', conferenceBody(t.units.b));
    expect(other.json().error.fields).toEqual([expect.objectContaining({ field: 'hostUnitId' })]);
  });

  it('answers 404 for another unit\u2019s conference by every path; lists, search and audit leave it out', async () => {
    const row = await conferenceIn('held', { titleEn: 'Pudong cardiology forum', titleZh: '浦东心脏病学论坛' });
    for (const [path, call] of [
      ['read', () => coordinatorB.get(`/api/conferences/${row.id}`)],
      ['edit', () => coordinatorB.patch(`/api/conferences/${row.id}`, { version: row.version, venue: 'x' })],
      ['step', () => coordinatorB.post(`/api/conferences/${row.id}/transitions`, { to: 'cancelled', version: row.version })],
      ['delete', () => coordinatorB.delete(`/api/conferences/${row.id}?version=${row.version}`)],
      ['attendees', () => coordinatorB.get(`/api/conferences/${row.id}/attendees`)],
      ['add attendee', () => coordinatorB.post(`/api/conferences/${row.id}/attendees`, { fullName: 'x', version: row.version })],
    ] as const) expect((await call()).statusCode, path).toBe(404);
    expect((await coordinatorB.get('/api/conferences?pageSize=200')).json().items.map((c: { id: number }) => c.id)).not.toContain(row.id);
    expect((await coordinatorA.get('/api/conferences?pageSize=200')).json().items.map((c: { id: number }) => c.id)).toContain(row.id);
    expect((await coordinatorB.get('/api/search?q=pudong')).json().filter((h: { kind: string }) => h.kind === 'conference')).toEqual([]);
    expect((await coordinatorA.get('/api/search?q=pudong%20xinzang')).json()).toContainEqual(expect.objectContaining({ kind: 'conference', id: row.id, detail: '浦东心脏病学论坛' }));
    expect((await coordinatorB.get(`/api/audit?entity=conference&entityId=${row.id}`)).json().total).toBe(0);
    expect((await coordinatorA.get(`/api/audit?entity=conference&entityId=${row.id}`)).json().total).toBe(3);
  });

  it('cannot link an attendee to a person outside their reach', async () => {
    const officer = await t.as('officer');
    const outsider = (await officer.post('/api/people', personBody({ unitId: t.units.b }))).json().id;
    const row = await conferenceIn('held');
    const refused = await coordinatorA.post(`/api/conferences/${row.id}/attendees`, { fullName: 'Outsider', personId: outsider, version: row.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
  });
});
