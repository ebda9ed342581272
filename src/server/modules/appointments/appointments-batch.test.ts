import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { appointmentBody, institutionBody, personBody } from '../../test/factories.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { AppointmentInput } from '../../../shared/contracts/appointments.ts';
import { createAppointments, type AppointmentStepInput } from './appointments.service.ts';

let t: TestServer;
let officer: Client;
let lyon: number;
let expertA: number;
let expertB: number;
let expertC: number;
beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Claude Bernard Lyon 1', countryCode: 'FR' }))).json().id;
  expertA = (await officer.post('/api/people', personBody({ familyName: 'Lefèvre', nationality: 'FR', unitId: t.units.a }))).json().id;
  expertB = (await officer.post('/api/people', personBody({ familyName: 'Bergström', nationality: 'SE', unitId: t.units.b }))).json().id;
  expertC = (await officer.post('/api/people', personBody({ familyName: 'Nilsson', nationality: 'SE', unitId: t.units.b }))).json().id;
});
afterAll(async () => t?.close());

const officerContext = () => requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer', unitId: null }, t.db);
const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
const auditOf = async (id: number) =>
  (await t.db.query<{ action: string; after: Record<string, unknown> }>(`SELECT action, after FROM audit_log WHERE entity = 'appointment' AND entity_id = $1 ORDER BY id`, [String(id)])).rows;
const withoutIds = ({ id: _i, predecessorId: p, successorId: s, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => ({ ...rest, chained: [p != null, s != null] });

type Chain = { body: ReturnType<typeof appointmentBody>; steps: AppointmentStepInput[]; renewal?: { steps: AppointmentStepInput[] } };

/** Appointments in every state the demo leaves them in: proposed, conferred, revoked, renewed (the successor conferred or proposed). */
function planned(): Chain[] {
  const conferred = (on: string): AppointmentStepInput[] => [{ to: 'appointed', on }];
  return [
    { body: appointmentBody(expertA, t.units.a, { startDate: '2022-01-01', endDate: '2024-12-31' }), steps: [] },
    { body: appointmentBody(expertA, t.units.a, { title: 'consultant', institutionId: lyon, startDate: '2021-03-01', endDate: '2024-02-29', notes: 'Cardiology' }), steps: conferred('2021-03-01') },
    { body: appointmentBody(expertB, t.units.b, { startDate: '2019-09-01', endDate: '2022-08-31' }), steps: [...conferred('2019-09-01'), { to: 'revoked', on: '2020-06-01' }] },
    { body: appointmentBody(expertB, t.units.a1, { title: 'visiting_professor', startDate: '2020-02-29', endDate: '2023-02-28' }), steps: conferred('2020-02-29'), renewal: { steps: conferred('2023-03-01') } },
    { body: appointmentBody(expertA, t.units.a, { title: 'guest_lecturer', startDate: '2023-01-01', endDate: '2025-12-31' }), steps: conferred('2023-01-01'), renewal: { steps: [] } },
  ];
}

describe('appointments: created set-based (createAppointments)', () => {
  it('writes the same appointments, successors and final audited record as the same appointments typed, stepped and renewed one by one, in the same order', async () => {
    const plan = planned();
    const made = await createAppointments(officerContext(), { appointments: plan.map(({ body, steps, renewal }) => ({ input: parseOrThrow(AppointmentInput, body), steps, ...(renewal ? { renewal } : {}) })) });
    expect(made.map((c) => [c.appointment.status, c.successor?.status ?? null])).toEqual([['proposed', null], ['appointed', null], ['revoked', null], ['appointed', 'appointed'], ['appointed', 'proposed']]);
    // Each successor follows its predecessor, as one created after the other.
    const order = made.flatMap((c) => [c.appointment.id, ...(c.successor ? [c.successor.id] : [])]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.at(-1)! - order[0]!).toBe(order.length - 1);

    // The same typed in the app: proposed, each step, renewed, the successor's steps.
    const typed: Array<{ id: number; successor: number | null }> = [];
    for (const { body, steps, renewal } of plan) {
      let row = (await officer.post('/api/appointments', body)).json();
      for (const step of steps) {
        const r = await officer.post(`/api/appointments/${row.id}/transitions`, { ...step, version: row.version });
        expect(r.statusCode, r.body).toBe(200);
        row = r.json();
      }
      let successor = null;
      if (renewal) {
        const r = await officer.post(`/api/appointments/${row.id}/renewal`, { version: row.version });
        expect(r.statusCode, r.body).toBe(201);
        successor = r.json();
        for (const step of renewal.steps) successor = (await officer.post(`/api/appointments/${successor.id}/transitions`, { ...step, version: successor.version })).json();
      }
      typed.push({ id: row.id, successor: successor?.id ?? null });
    }
    const pairs = made.flatMap((c, i) => [[c.appointment.id, typed[i]!.id], ...(c.successor ? [[c.successor.id, typed[i]!.successor!]] : [])]);
    for (const [batchId, typedId] of pairs) {
      const shown = (await officer.get(`/api/appointments/${batchId}`)).json();
      expect(withoutIds(shown)).toEqual(withoutIds((await officer.get(`/api/appointments/${typedId}`)).json()));
      // One audit row for the appointment made in one go, holding it as the last step left the typed one.
      const [created, ...more] = await auditOf(batchId!);
      expect(more).toEqual([]);
      expect(created!.action).toBe('create');
      expect(withoutIds(created!.after)).toEqual(withoutIds((await auditOf(typedId!)).at(-1)!.after));
    }
    // The successors name their predecessors.
    for (const [i, c] of made.entries()) {
      expect(c.successor?.predecessorId ?? null).toBe(c.successor ? c.appointment.id : null);
      expect(typed[i]!.successor !== null).toBe(c.successor !== null);
    }
  });

  it('names the appointment of a batch that is refused by its index, and writes nothing', async () => {
    const appointments = await count('appointments');
    const audits = await count('audit_log');
    const ok = { input: parseOrThrow(AppointmentInput, appointmentBody(expertA, t.units.a)), steps: [] };
    const run = (chain: { input: ReturnType<typeof parseOrThrow<typeof AppointmentInput>>; steps: AppointmentStepInput[]; renewal?: { steps: AppointmentStepInput[] } }, ctx = officerContext()) =>
      createAppointments(ctx, { appointments: [ok, chain] });
    const input = parseOrThrow(AppointmentInput, appointmentBody(expertA, t.units.a, { startDate: '2022-01-01', endDate: '2024-12-31' }));
    await expect(run({ input, steps: [{ to: 'revoked', on: '2023-01-01' }] })).rejects.toMatchObject({ extra: { fields: [{ field: '1.to', reason: 'not_a_step' }] } });
    await expect(run({ input, steps: [], renewal: { steps: [] } })).rejects.toMatchObject({ extra: { fields: [{ field: '1.status', reason: 'appointment_not_renewable' }] } });
    await expect(run({ input: { ...input, endDate: null }, steps: [{ to: 'appointed', on: '2022-01-01' }], renewal: { steps: [] } })).rejects.toMatchObject({ extra: { fields: [{ field: '1.endDate', reason: 'no_end_of_term' }] } });
    await expect(run({ input, steps: [{ to: 'appointed', on: '2022-01-01' }], renewal: { steps: [{ to: 'revoked', on: '2025-02-01' }] } })).rejects.toMatchObject({ extra: { fields: [{ field: '1.renewal.to', reason: 'not_a_step' }] } });
    // A coordinator of unit A: unit B's person (no appointment in A) is not theirs, and conferring is the office's.
    const coordinator = requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.coordinatorA, role: 'coordinator', unitId: t.units.a }, t.db);
    await expect(run({ input: parseOrThrow(AppointmentInput, appointmentBody(expertC, t.units.a)), steps: [] }, coordinator)).rejects.toMatchObject({ extra: { fields: [{ field: '1.personId', reason: 'unknown_reference' }] } });
    await expect(run({ input, steps: [{ to: 'appointed', on: '2022-01-01' }] }, coordinator)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await count('appointments')).toBe(appointments);
    expect(await count('audit_log')).toBe(audits);
  });
});
