import { expect, it } from 'vitest';
import type { TestServer } from './harness.ts';

type Row = { id: number; version: number; status: string } & Record<string, unknown>;

/** What differs between a visit's and a mission's steps, for the checks they share. */
export interface MovementSteps {
  server: () => TestServer;
  /** `/api/visits` or `/api/missions`. */
  path: string;
  /** The step that starts the movement (held, travelled), and how the first check names it. */
  started: string;
  startedTitle: string;
  /** The message a step dated before the first day gets, in English. */
  beforeFirstDay: string;
  closesTitle: string;
  staleTitle: string;
  /** A record walked to `status`, with `overrides` on its request. */
  recordIn: (status: string, overrides?: { startDate?: string; endDate?: string }) => Promise<Row>;
}

/**
 * The steps a visit and a mission take alike: the start not before the first day, the closing
 * only with a report (drafted before or given with the step, never emptied after), and a step
 * on a stale version or on no record. Registered as `it` blocks in the calling describe.
 */
export function movementStepChecks(kind: MovementSteps): void {
  const step = (id: number) => `${kind.path}/${id}/transitions`;

  it(kind.startedTitle, async () => {
    const officer = await kind.server().as('officer');
    const future = await kind.recordIn('approved', { startDate: '2999-03-01', endDate: '2999-03-05' });
    const early = await officer.post(step(future.id), { to: kind.started, on: '2999-02-28', version: future.version }, { 'accept-language': 'en' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ field: 'on', message: kind.beforeFirstDay }]);
    const today = await officer.post(step(future.id), { to: kind.started, version: future.version });
    expect(today.json().error.fields).toEqual([expect.objectContaining({ field: 'to' })]);
    const onTheDay = await officer.post(step(future.id), { to: kind.started, on: '2999-03-01', version: future.version });
    expect(onTheDay.statusCode, onTheDay.body).toBe(200);
  });

  it(kind.closesTitle, async () => {
    const officer = await kind.server().as('officer');
    const started = await kind.recordIn(kind.started);
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

  it(kind.staleTitle, async () => {
    const officer = await kind.server().as('officer');
    const row = await kind.recordIn('approved');
    const stale = await officer.post(step(row.id), { to: 'cancelled', version: row.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ status: 'approved', version: row.version });
    expect((await officer.post(step(999999), { to: 'cancelled', version: 1 })).statusCode).toBe(404);
  });
}
