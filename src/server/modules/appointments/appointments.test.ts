import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { appointmentBody, institutionBody, personBody } from '../../test/factories.ts';
import {
  APPOINTMENT_STATUSES,
  APPOINTMENT_TRANSITIONS,
  OFFICE_APPOINTMENT_STEPS,
  type AppointmentInput,
  type AppointmentStatus,
} from '../../../shared/contracts/appointments.ts';

let t: TestServer;
let expertA: number;
let expertB: number;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  expertA = (await officer.post('/api/people', personBody({ familyName: 'Lefèvre', nationality: 'FR', unitId: t.units.a }))).json().id;
  expertB = (await officer.post('/api/people', personBody({ familyName: 'Bergström', nationality: 'SE', unitId: t.units.b }))).json().id;
});
afterAll(async () => t?.close());

/** The way from proposed to each status. */
const PATH: Record<AppointmentStatus, Array<[AppointmentStatus, string?]>> = {
  proposed: [],
  appointed: [['appointed']],
  revoked: [['appointed'], ['revoked', '2025-06-01']],
};

/** Proposes an appointment (by the officer, for unit A's expert) and walks it to `status`. */
async function appointmentIn(status: AppointmentStatus, overrides: Partial<AppointmentInput> = {}) {
  const officer = await t.as('officer');
  const created = await officer.post('/api/appointments', appointmentBody((overrides.personId as number | undefined) ?? expertA, t.units.a, overrides));
  expect(created.statusCode, created.body).toBe(201);
  let row = created.json();
  for (const [to, on] of PATH[status]) {
    const response = await officer.post(`/api/appointments/${row.id}/transitions`, { to, on, version: row.version });
    expect(response.statusCode, response.body).toBe(200);
    row = response.json();
  }
  return row as { id: number; version: number; status: AppointmentStatus };
}

async function auditRows(id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number }>(`SELECT action, unit_id FROM audit_log WHERE entity = 'appointment' AND entity_id = $1 ORDER BY id`, [String(id)]);
  return rows;
}

describe('appointments: records', () => {
  it('proposes an appointment (201) with the expert\u2019s name and institution, audited with its unit', async () => {
    const officer = await t.as('officer');
    const sorbonne = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Sorbonne Université' }))).json().id;
    const response = await officer.post('/api/appointments', appointmentBody(expertA, t.units.a, { title: 'honorary_professor', institutionId: sorbonne, endDate: null }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'proposed', title: 'honorary_professor', unitId: t.units.a, endDate: null, institutionName: 'Sorbonne Université',
      person: { familyName: 'Lefèvre', nationality: 'FR' }, inForce: false, version: 1, predecessorId: null, successorId: null,
    });
    expect(await auditRows(response.json().id)).toEqual([{ action: 'create', unit_id: t.units.a }]);
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const officer = await t.as('officer');
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments')).rows[0]!.n;
    const bad = await officer.post('/api/appointments', { personId: expertA, title: 'emperor', startDate: '2024-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['startDate', 'title', 'unitId']);
    const dates = await officer.post('/api/appointments', appointmentBody(expertA, t.units.a, { startDate: '2025-01-01', endDate: '2024-12-31' }));
    expect(dates.json().error.fields).toEqual([expect.objectContaining({ field: 'endDate' })]);
    const nobody = await officer.post('/api/appointments', appointmentBody(999999, t.units.a));
    expect(nobody.json().error.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
    const nowhere = await officer.post('/api/appointments', appointmentBody(expertA, t.units.a, { institutionId: 999999 }));
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.fields).toEqual([expect.objectContaining({ field: 'institutionId' })]);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments')).rows[0]!.n).toBe(before);
  });

  it('edits at the current version, 409 with the current record when stale', async () => {
    const officer = await t.as('officer');
    const row = await appointmentIn('proposed');
    const edited = await officer.patch(`/api/appointments/${row.id}`, { version: 1, title: 'adjunct_professor', notes: 'Lectures each spring' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'adjunct_professor', version: 2 });
    const stale = await officer.patch(`/api/appointments/${row.id}`, { version: 1, title: 'consultant' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ title: 'adjunct_professor' });
    expect((await officer.patch(`/api/appointments/${row.id}`, { version: 2, endDate: '2023-01-01' })).json().error.fields).toEqual([
      expect.objectContaining({ field: 'endDate' }),
    ]);
  });
});

describe('appointments: the lifecycle', () => {
  for (const role of ['officer', 'coordinatorA'] as const) {
    for (const from of APPOINTMENT_STATUSES) {
      for (const to of APPOINTMENT_STATUSES) {
        const legal = APPOINTMENT_TRANSITIONS[from].includes(to);
        const expected = !legal ? 400 : role === 'coordinatorA' && OFFICE_APPOINTMENT_STEPS.includes(to) ? 403 : 200;
        it(`${role}: ${from} → ${to}: ${expected}`, async () => {
          const row = await appointmentIn(from);
          const c = await t.as(role);
          const response = await c.post(`/api/appointments/${row.id}/transitions`, { to, on: '2025-03-01', version: row.version }, { 'accept-language': 'en' });
          expect(response.statusCode, response.body).toBe(expected);
          if (expected === 200) expect(response.json()).toMatchObject({ status: to, version: row.version + 1 });
          if (expected === 400) expect(response.json().error.fields).toEqual([{ field: 'to', message: 'to: is not a step this record can take from its current status' }]);
          if (expected !== 200) expect((await c.get(`/api/appointments/${row.id}`)).json()).toMatchObject({ status: from, version: row.version });
        });
      }
    }
  }

  it('records the day of revocation', async () => {
    expect(await appointmentIn('revoked')).toMatchObject({ revokedOn: '2025-06-01' });
  });

  it('deletes a proposal (204), refuses to delete an appointment once made (409): it is revoked instead', async () => {
    const officer = await t.as('officer');
    const proposed = await appointmentIn('proposed');
    expect((await officer.delete(`/api/appointments/${proposed.id}?version=${proposed.version}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/appointments/${proposed.id}`)).statusCode).toBe(404);
    expect((await auditRows(proposed.id)).map((r) => r.action)).toEqual(['create', 'delete']);
    const made = await appointmentIn('appointed');
    const refused = await officer.delete(`/api/appointments/${made.id}?version=${made.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('appointment_not_deletable');
  });

  it('leaves what was conferred (title, unit, term) to the office once appointed; a coordinator may still add notes', async () => {
    const made = await appointmentIn('appointed');
    const coordinator = await t.as('coordinatorA');
    const refused = await coordinator.patch(`/api/appointments/${made.id}`, { version: made.version, endDate: '2030-12-31', title: 'consultant' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['endDate', 'title']);
    expect((await coordinator.patch(`/api/appointments/${made.id}`, { version: made.version, notes: 'Visits in May' })).statusCode).toBe(200);
    // Sending a conferred field unchanged is not a change.
    expect((await coordinator.patch(`/api/appointments/${made.id}`, { version: made.version + 1, title: 'visiting_professor' })).statusCode).toBe(200);
  });

  // The predecessor ran 2024-01-01..2026-12-31: three years; so does its successor.
  it('renews into a proposed successor linked to its predecessor, once; only an appointment made, with an end of term', async () => {
    const officer = await t.as('officer');
    const made = await appointmentIn('appointed');
    const renewed = await officer.post(`/api/appointments/${made.id}/renewal`, { version: made.version });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({ status: 'proposed', predecessorId: made.id, startDate: '2027-01-01', endDate: '2029-12-31', personId: expertA, title: 'visiting_professor' });
    expect((await officer.get(`/api/appointments/${made.id}`)).json().successorId).toBe(renewed.json().id);
    expect((await officer.post(`/api/appointments/${made.id}/renewal`, { version: made.version })).json().error.fields[0].field).toBe('successorId');
    const proposed = await appointmentIn('proposed');
    expect((await officer.post(`/api/appointments/${proposed.id}/renewal`, { version: 1 })).json().error.fields[0].field).toBe('status');
    const open = await appointmentIn('appointed', { endDate: null });
    expect((await officer.post(`/api/appointments/${open.id}/renewal`, { version: open.version })).json().error.fields[0].field).toBe('endDate');
    const leap = await appointmentIn('appointed', { startDate: '2023-03-01', endDate: '2024-02-29' });
    expect((await officer.post(`/api/appointments/${leap.id}/renewal`, { version: leap.version })).json()).toMatchObject({ startDate: '2024-03-01', endDate: '2025-02-28' });
    // A term starting on a leap day comes back whole: three years, not three years less four days.
    const fromLeapDay = await appointmentIn('appointed', { startDate: '2024-02-29', endDate: '2027-02-28' });
    expect((await officer.post(`/api/appointments/${fromLeapDay.id}/renewal`, { version: fromLeapDay.version })).json()).toMatchObject({ startDate: '2027-03-01', endDate: '2030-02-28' });
  });
});

describe('appointments: a coordinator proposes for their unit and reaches their unit\u2019s appointments only', () => {
  let coordinatorA: Client;
  let coordinatorB: Client;
  beforeAll(async () => {
    coordinatorA = await t.as('coordinatorA');
    coordinatorB = await t.as('coordinatorB');
  });

  it('proposes for their unit or a sub-unit, for their own experts; not for another unit, nor another unit\u2019s person', async () => {
    expect((await coordinatorA.post('/api/appointments', appointmentBody(expertA, t.units.a1))).statusCode).toBe(201);
    const otherUnit = await coordinatorA.post('/api/appointments', appointmentBody(expertA, t.units.b));
    expect(otherUnit.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
    const otherPerson = await coordinatorA.post('/api/appointments', appointmentBody(expertB, t.units.a));
    expect(otherPerson.json().error.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
  });

  it('answers 404 for another unit\u2019s appointment on read, edit, step, renewal and delete; lists, search and audit leave it out', async () => {
    const officer = await t.as('officer');
    const vasquez = (await officer.post('/api/people', personBody({ familyName: 'Vásquez', nationality: 'ES', unitId: t.units.a }))).json().id;
    const ofA = await appointmentIn('appointed', { personId: vasquez, notes: 'unit A' });
    for (const [path, call] of [
      ['read', () => coordinatorB.get(`/api/appointments/${ofA.id}`)],
      ['edit', () => coordinatorB.patch(`/api/appointments/${ofA.id}`, { version: ofA.version, notes: 'x' })],
      ['step', () => coordinatorB.post(`/api/appointments/${ofA.id}/transitions`, { to: 'revoked', version: ofA.version })],
      ['renewal', () => coordinatorB.post(`/api/appointments/${ofA.id}/renewal`, { version: ofA.version })],
      ['delete', () => coordinatorB.delete(`/api/appointments/${ofA.id}?version=${ofA.version}`)],
    ] as const) expect((await call()).statusCode, path).toBe(404);
    const listB = (await coordinatorB.get('/api/appointments?pageSize=200')).json();
    expect(listB.items.map((a: { id: number }) => a.id)).not.toContain(ofA.id);
    expect((await coordinatorA.get('/api/appointments?pageSize=200')).json().items.map((a: { id: number }) => a.id)).toContain(ofA.id);
    expect((await coordinatorB.get('/api/search?q=vasquez')).json().filter((h: { kind: string }) => h.kind === 'appointment')).toEqual([]);
    expect((await coordinatorA.get('/api/search?q=vasquez')).json()).toContainEqual(
      expect.objectContaining({ kind: 'appointment', id: ofA.id, detail: 'Visiting professor · 客座教授' }),
    );
    expect((await coordinatorB.get(`/api/audit?entity=appointment&entityId=${ofA.id}`)).json().total).toBe(0);
    expect((await coordinatorA.get(`/api/audit?entity=appointment&entityId=${ofA.id}`)).json().total).toBe(2);
  });
});

describe('appointments: lists', () => {
  it('filters by title, status, nationality and in force at a date', async () => {
    const officer = await t.as('officer');
    const row = await appointmentIn('appointed', { title: 'guest_lecturer', startDate: '2021-09-01', endDate: '2022-08-31' });
    const at = async (query: string) => (await officer.get(`/api/appointments?pageSize=200&${query}`)).json().items.map((a: { id: number }) => a.id);
    expect(await at('title=guest_lecturer&inForce=true&asOf=2022-08-31')).toContain(row.id);
    expect(await at('title=guest_lecturer&inForce=true&asOf=2022-09-01')).not.toContain(row.id);
    expect(await at('title=guest_lecturer&inForce=false&asOf=2022-09-01')).toContain(row.id);
    expect(await at('country=FR&status=appointed')).toContain(row.id);
    expect(await at('country=SE')).not.toContain(row.id);
    expect(await at('q=lefevre&title=guest_lecturer')).toEqual([row.id]);
  });
});
