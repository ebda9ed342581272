import { expect, it } from 'vitest';
import { LOCALES } from '../../shared/contracts/common.ts';
import { fieldReason } from '../../shared/i18n/errors.ts';
import type { Client, TestServer } from './harness.ts';

export type Row = { id: number; version: number; status: string } & Record<string, unknown>;
type Step = { to: string; on?: string; report?: string } & Record<string, string | undefined>;

/** What differs between a visit's and a mission's steps, for the checks they share. */
export interface MovementSteps {
  server: () => TestServer;
  /** `/api/visits` or `/api/missions`. */
  path: string;
  /** `visit` or `mission`: the audit entity and the ledger's module. */
  noun: string;
  statuses: readonly string[];
  transitions: Record<string, readonly string[]>;
  /** The way from a request to each status. */
  walk: Record<string, Step[]>;
  /** A request's body: the unit, its people, and `overrides`. */
  body(unit: number, people: number[], overrides?: Record<string, unknown>): object;
  /** The people the checks name (created by the test's beforeAll). */
  people: () => number[];
  /** What approving carries besides the step (a mission's approval number). */
  approval: Record<string, string>;
  /** The step that starts the movement (held, travelled), and how the first check names it. */
  started: string;
  startedTitle: string;
  /** The message a step dated before the first day gets, in English. */
  beforeFirstDay: string;
  officeTitle: string;
}

/** Creates a movement of `kind` and walks it to `status`; returns its last state. */
export async function recordIn(kind: MovementSteps, status: string, overrides: Record<string, unknown> = {}, c?: Client): Promise<Row> {
  const t = kind.server();
  const officer = c ?? (await t.as('officer'));
  const created = await officer.post(kind.path, kind.body(t.units.a, [kind.people()[0]!, kind.people()[2]!], overrides));
  expect(created.statusCode, created.body).toBe(201);
  let row = created.json<Row>();
  for (const step of kind.walk[status]!) {
    // a movement given other dates takes place on its own first day
    const on = step.to === kind.started ? (overrides.startDate ?? step.on) : step.on;
    const response = await officer.post(`${kind.path}/${row.id}/transitions`, { ...step, on, version: row.version });
    expect(response.statusCode, `${step.to}: ${response.body}`).toBe(200);
    row = response.json();
  }
  expect(row.status).toBe(status);
  return row;
}

/**
 * The steps a visit and a mission take alike: each step of the table allowed and every other
 * refused, approving and rejecting left to the office, the start not before the first day, the
 * closing only with a report (drafted before or given with the step, never emptied after), and
 * a step on a stale version or on no record. Registered as `it` blocks in the calling describe.
 */
export function movementStepChecks(kind: MovementSteps): void {
  const step = (id: number) => `${kind.path}/${id}/transitions`;

  for (const from of kind.statuses) {
    for (const to of kind.statuses) {
      const allowed = kind.transitions[from]!.includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const officer = await kind.server().as('officer');
        const row = await recordIn(kind, from);
        const response = await officer.post(step(row.id), { to, on: '2024-05-11', report: 'Report.', ...kind.approval, version: row.version }, { 'accept-language': 'en' });
        if (allowed) {
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json()).toMatchObject({ status: to, version: row.version + 1 });
        } else {
          expect(response.statusCode).toBe(400);
          expect(response.json().error.fields).toEqual([{ field: 'to', message: `to: ${fieldReason('illegal_transition', 'en')}` }]);
          expect((await officer.get(`${kind.path}/${row.id}`)).json()).toMatchObject({ status: from, version: row.version });
        }
      });
    }
  }

  it(kind.officeTitle, async () => {
    const t = kind.server();
    const coordinator = await t.as('coordinatorA');
    const request = (await coordinator.post(kind.path, kind.body(t.units.a, [kind.people()[0]!]))).json();
    for (const to of ['approved', 'rejected']) {
      const refused = await coordinator.post(step(request.id), { to, ...kind.approval, version: request.version });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
    const untouched = Object.fromEntries(Object.keys(kind.approval).map((field) => [field, null]));
    expect((await coordinator.get(`${kind.path}/${request.id}`)).json()).toMatchObject({ status: 'requested', version: 1, ...untouched });
    const approved = (await (await t.as('officer')).post(step(request.id), { to: 'approved', ...kind.approval, version: 1 })).json();
    const started = await coordinator.post(step(request.id), { to: kind.started, version: approved.version });
    expect(started.statusCode, started.body).toBe(200);
    const closed = await coordinator.post(step(request.id), { to: 'closed', report: 'Our report', version: started.json().version });
    expect(closed.statusCode).toBe(200);
    const other = (await coordinator.post(kind.path, kind.body(t.units.a1, [kind.people()[0]!]))).json();
    expect((await coordinator.post(step(other.id), { to: 'cancelled', version: 1 })).statusCode).toBe(200);
  });

  it(kind.startedTitle, async () => {
    const officer = await kind.server().as('officer');
    const future = await recordIn(kind, 'approved', { startDate: '2999-03-01', endDate: '2999-03-05' });
    const early = await officer.post(step(future.id), { to: kind.started, on: '2999-02-28', version: future.version }, { 'accept-language': 'en' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ field: 'on', message: kind.beforeFirstDay }]);
    const today = await officer.post(step(future.id), { to: kind.started, version: future.version });
    expect(today.json().error.fields).toEqual([expect.objectContaining({ field: 'to' })]);
    const onTheDay = await officer.post(step(future.id), { to: kind.started, on: '2999-03-01', version: future.version });
    expect(onTheDay.statusCode, onTheDay.body).toBe(200);
  });

  it(`takes place by its last day: a later date is refused on \`on\` in each language, and a step given no date is dated the first day`, async () => {
    const officer = await kind.server().as('officer');
    const past = await recordIn(kind, 'approved');
    const endDate = String(past.endDate);
    const dayAfter = new Date(Date.parse(`${endDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const locale of LOCALES) {
      const late = await officer.post(step(past.id), { to: kind.started, on: dayAfter, version: past.version }, { 'accept-language': locale });
      expect(late.statusCode).toBe(400);
      const [problem] = late.json().error.fields;
      expect(problem.field).toBe('on');
      expect(problem.message).toContain(fieldReason(`${kind.noun}_ended`, locale));
    }
    expect((await officer.get(`${kind.path}/${past.id}`)).json()).toMatchObject({ status: 'approved', version: past.version });
    const onLastDay = await officer.post(step(past.id), { to: kind.started, on: endDate, version: past.version });
    expect(onLastDay.json()).toMatchObject({ status: kind.started, [`${kind.started}On`]: endDate });
    const undated = await recordIn(kind, 'approved');
    const started = await officer.post(step(undated.id), { to: kind.started, version: undated.version });
    expect(started.json()).toMatchObject({ status: kind.started, [`${kind.started}On`]: undated.startDate });
  });

  it('closes only with a report: refused without one, accepted with a draft written before, never emptied after', async () => {
    const officer = await kind.server().as('officer');
    const started = await recordIn(kind, kind.started);
    const bare = await officer.post(step(started.id), { to: 'closed', version: started.version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toEqual([expect.objectContaining({ field: 'report' })]);
    const drafted = (await officer.patch(`${kind.path}/${started.id}`, { version: started.version, report: 'Draft report' })).json();
    expect(drafted.reportSubmittedOn).toBeNull();
    const closed = await officer.post(step(started.id), { to: 'closed', on: '2024-06-01', version: drafted.version });
    expect(closed.json()).toMatchObject({ status: 'closed', report: 'Draft report', reportSubmittedOn: '2024-06-01' });
    const erase = await officer.patch(`${kind.path}/${started.id}`, { version: closed.json().version, report: '' });
    expect(erase.json().error.fields).toEqual([expect.objectContaining({ field: 'report' })]);
  });

  it(`refuses a step based on a stale version with 409 and the current record, and a step on no ${kind.noun} with 404`, async () => {
    const officer = await kind.server().as('officer');
    const row = await recordIn(kind, 'approved');
    const stale = await officer.post(step(row.id), { to: 'cancelled', version: row.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ status: 'approved', version: row.version });
    expect((await officer.post(step(999999), { to: 'cancelled', version: 1 })).statusCode).toBe(404);
  });
}
