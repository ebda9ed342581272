import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { appointmentBody, missionBody, personBody } from '../../test/factories.ts';
import { addDays, officeToday } from '../../../shared/calendar.ts';
import type { TodoItem, TodoList } from '../../../shared/contracts/todo.ts';
import { unscoped } from '../../core/request-context.ts';
import { todoFor } from './todo.service.ts';

let t: TestServer;
let inA: number;
let inB: number;
const today = officeToday();

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  inA = (await officer.post('/api/people', personBody({ familyName: 'Chen', nationality: 'CN', unitId: t.units.a }))).json().id;
  inB = (await officer.post('/api/people', personBody({ familyName: 'Zhao', nationality: 'CN', unitId: t.units.b }))).json().id;
});
afterAll(async () => t?.close());

/** A mission of `unit` taken as far as `status` by the office, its last day `ended` days ago. */
async function missionIn(unit: number, person: number, status: 'requested' | 'travelled', ended: number, title: string): Promise<{ id: number; version: number }> {
  const officer = await t.as('officer');
  const startDate = addDays(today, -ended - 3);
  const created = await officer.post('/api/missions', missionBody(unit, [person], { titleEn: title, startDate, endDate: addDays(today, -ended) }));
  expect(created.statusCode, created.body).toBe(201);
  let row = created.json<{ id: number; version: number }>();
  if (status === 'travelled') {
    for (const step of [{ to: 'approved', approvalDocumentNo: `TODO-${title}` }, { to: 'travelled', on: startDate }]) {
      const response = await officer.post(`/api/missions/${row.id}/transitions`, { ...step, version: row.version });
      expect(response.statusCode, response.body).toBe(200);
      row = response.json();
    }
  }
  return row;
}

const todo = async (c: Client): Promise<TodoList> => {
  const response = await c.get('/api/todo');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const find = (list: TodoList, id: number, kind = 'missions') => list.items.find((i: TodoItem) => i.kind === kind && i.id === id);

describe('the to-do list', () => {
  it('gives the office the requests to decide and the reports owed, late or coming, each linking to its record', async () => {
    const requested = await missionIn(t.units.a, inA, 'requested', -20, 'Request to decide');
    const late = await missionIn(t.units.a, inA, 'travelled', 31, 'Late report A');
    const coming = await missionIn(t.units.a, inA, 'travelled', 30, 'Report due today');
    const list = await todo(await t.as('officer'));
    expect(list.today).toBe(today);
    expect(find(list, requested.id)).toMatchObject({ group: 'approvals', owed: 'decision', labelKey: 'todo.owed.decision', standing: 'waiting', dueOn: null, link: `/missions/${requested.id}`, unitId: t.units.a });
    expect(find(list, late.id)).toMatchObject({ group: 'reports', owed: 'report', labelKey: 'todo.owed.report', standing: 'late', dueOn: addDays(today, -1), titleEn: 'Late report A' });
    // day 30 after return is the due day: still in time
    expect(find(list, coming.id)).toMatchObject({ group: 'reports', standing: 'coming', dueOn: today });
    // late ones first
    expect(list.items.findIndex((i) => i.id === late.id && i.kind === 'missions')).toBeLessThan(list.items.findIndex((i) => i.id === coming.id && i.kind === 'missions'));
  });

  it("shows a coordinator their unit's reports and none of another unit's, and no decision the office alone takes", async () => {
    const ofA = await missionIn(t.units.a, inA, 'travelled', 40, 'Late report of A');
    const ofB = await missionIn(t.units.b, inB, 'travelled', 40, 'Late report of B');
    const requestedA = await missionIn(t.units.a, inA, 'requested', -10, 'Request of A');
    const a = await todo(await t.as('coordinatorA'));
    expect(find(a, ofA.id)).toMatchObject({ standing: 'late' });
    expect(find(a, ofB.id)).toBeUndefined();
    expect(find(a, requestedA.id)).toBeUndefined();
    expect(a.items.every((i) => i.unitId === t.units.a || i.unitId === t.units.a1)).toBe(true);
    const b = await todo(await t.as('coordinatorB'));
    expect(find(b, ofB.id)).toMatchObject({ standing: 'late' });
    expect(find(b, ofA.id)).toBeUndefined();
    // a leader and a viewer update nothing: nothing waits on them
    expect((await todo(await t.as('leader'))).items).toEqual([]);
    expect((await todo(await t.as('viewer'))).items).toEqual([]);
  });

  it('drops an item the moment its record no longer owes it: the report filed closes the mission', async () => {
    const late = await missionIn(t.units.a, inA, 'travelled', 45, 'Report to file');
    const officer = await t.as('officer');
    expect(find(await todo(officer), late.id)).toBeDefined();
    const closed = await officer.post(`/api/missions/${late.id}/transitions`, { to: 'closed', report: 'We went, we saw.', version: late.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(find(await todo(officer), late.id)).toBeUndefined();
  });

  it('counts the late items by unit for the leaders, and only their own unit for a coordinator', async () => {
    const leader = await (await t.as('leader')).get('/api/todo/late-by-unit');
    expect(leader.statusCode).toBe(200);
    const units = leader.json().units as Array<{ unitId: number; code: string; late: number; byKind: Record<string, number> }>;
    const lateIn = async (unit: number) => (await todo(await t.as('officer'))).items.filter((i) => i.unitId === unit && i.standing === 'late').length;
    expect(units.find((u) => u.unitId === t.units.a)).toMatchObject({ code: 'A', late: await lateIn(t.units.a) });
    expect(units.find((u) => u.unitId === t.units.b)).toMatchObject({ code: 'B', late: await lateIn(t.units.b), byKind: { missions: await lateIn(t.units.b) } });
    const mine = (await (await t.as('coordinatorA')).get('/api/todo/late-by-unit')).json().units as Array<{ unitId: number }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((u) => u.unitId === t.units.a || u.unitId === t.units.a1)).toBe(true);
  });

  it('takes its day from the caller: a report due on a chosen date is coming that day and late the next', async () => {
    const returned = await missionIn(t.units.b, inB, 'travelled', 50, 'Chosen dates');
    const { rows } = await t.db.query<{ end: string }>('SELECT end_date AS end FROM missions WHERE id = $1', [returned.id]);
    const due = addDays(rows[0]!.end, 30);
    const ctx = { ...unscoped(t.db), actor: { role: 'officer' as const } };
    const on = async (day: string) => find(await todoFor(ctx, day), returned.id)?.standing;
    expect(await on(addDays(rows[0]!.end, -1))).toBeUndefined();
    expect(await on(addDays(due, -1))).toBe('coming');
    expect(await on(due)).toBe('coming');
    expect(await on(addDays(due, 1))).toBe('late');
  });

  it("follows the office's lead time: a report due 45 days after return is not late on day 31", async () => {
    const officer = await t.as('officer');
    const returned = await missionIn(t.units.a, inA, 'travelled', 31, 'Longer lead time');
    expect(find(await todo(officer), returned.id)?.standing).toBe('late');
    const changed = await officer.patch('/api/settings/deadline.missions.report', { value: 45, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(find(await todo(officer), returned.id)).toMatchObject({ standing: 'coming', dueOn: addDays(today, 14) });
    // the missions' own overdue list and record read the same rule
    const overdueIds = async () => (await officer.get('/api/missions/overdue-reports')).json().units.flatMap((u: { missions: Array<{ id: number }> }) => u.missions.map((m) => m.id));
    expect(await overdueIds()).not.toContain(returned.id);
    expect((await officer.get(`/api/missions/${returned.id}`)).json()).toMatchObject({ reportDueOn: addDays(today, 14), reportOverdue: false });
    expect((await officer.patch('/api/settings/deadline.missions.report', { value: 30, version: 2 })).statusCode).toBe(200);
    expect(find(await todo(officer), returned.id)?.standing).toBe('late');
    expect(await overdueIds()).toContain(returned.id);
  });

  it("lists an appointed expert's document from 60 days before it expires, until a later one of its kind replaces it", async () => {
    const officer = await t.as('officer');
    const expert = (await officer.post('/api/people', personBody({ familyName: 'Durand', givenName: 'Anne', nationality: 'FR', unitId: t.units.a }))).json().id;
    const made = await officer.post('/api/appointments', appointmentBody(expert, t.units.a, { startDate: addDays(today, -300), endDate: addDays(today, 700) }));
    expect(made.statusCode, made.body).toBe(201);
    const appointed = await officer.post(`/api/appointments/${made.json().id}/transitions`, { to: 'appointed', version: made.json().version });
    expect(appointed.statusCode, appointed.body).toBe(200);
    const id = made.json().id as number;
    const doc = async (expiresOn: string) => {
      const response = await officer.post(`/api/people/${expert}/expert-documents`, { appointmentId: id, kind: 'work_permit', issuedOn: addDays(today, -300), expiresOn });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as number;
    };
    const far = await doc(addDays(today, 61));
    const docs = async () => (await todo(officer)).items.filter((i) => i.kind === 'appointments' && i.owed === 'documentExpiry' && i.id === id);
    expect(await docs()).toEqual([]);
    const soon = await doc(addDays(today, 60));
    // the one expiring in 60 days is due; the later one of its kind replaces it, so neither is listed
    expect(await docs()).toEqual([]);
    await t.db.query('DELETE FROM expert_documents WHERE id = $1', [far]);
    expect(await docs()).toEqual([expect.objectContaining({ group: 'renewals', partId: soon, dueOn: addDays(today, 60), standing: 'coming', labelKey: 'todo.owed.documentExpiry', link: `/experts/appointments/${id}` })]);
    expect((await todo(await t.as('coordinatorB'))).items.some((i) => i.kind === 'appointments' && i.id === id)).toBe(false);
  });

  it("lists an enrolment from 60 days before its expected end, due that day and late the next, for the office and the unit's coordinator only, until the student graduates", async () => {
    const officer = await t.as('officer');
    const student = (await officer.post('/api/people', personBody({ familyName: 'Diallo', givenName: 'Awa', nationality: 'SN', unitId: t.units.a }))).json().id as number;
    const end = addDays(today, 90);
    const made = await officer.post('/api/students', {
      personId: student, level: 'master', programmeEn: 'Public health', unitId: t.units.a, admittedOn: addDays(today, -700), enrolledOn: addDays(today, -690), status: 'enrolled', expectedCompletionOn: end,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as number;
    const ctx = { ...unscoped(t.db), actor: { role: 'officer' as const } };
    const on = async (day: string) => find(await todoFor(ctx, day), id, 'students');
    expect(await on(addDays(end, -61))).toBeUndefined();
    expect(await on(addDays(end, -60))).toMatchObject({ group: 'renewals', owed: 'completion', labelKey: 'todo.owed.completion', standing: 'coming', dueOn: end, link: `/students/${id}`, unitId: t.units.a, titleEn: 'Awa Diallo' });
    expect((await on(end))?.standing).toBe('coming');
    expect((await on(addDays(end, 1)))?.standing).toBe('late');
    // the unit's coordinator sees it on the same day, another unit's does not
    const coordinatorOf = (unit: number) => ({ ...ctx, scope: unit, actor: { role: 'coordinator' as const } });
    expect(find(await todoFor(coordinatorOf(t.units.a), addDays(end, 1)), id, 'students')?.standing).toBe('late');
    expect(find(await todoFor(coordinatorOf(t.units.b), addDays(end, 1)), id, 'students')).toBeUndefined();
    // graduated: nothing owed any more
    const graduated = await officer.post(`/api/students/${id}/transitions`, { to: 'graduated', on: today, version: made.json().version });
    expect(graduated.statusCode, graduated.body).toBe(200);
    expect(await on(addDays(end, 1))).toBeUndefined();
  });
});
