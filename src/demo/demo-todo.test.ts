import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import type { Scoped } from '../server/core/request-context.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { lateByUnit, todoFor } from '../server/modules/todo/todo.service.ts';
import { officeToday } from '../shared/calendar.ts';
import type { Role } from '../shared/roles.ts';
import type { TodoList } from '../shared/contracts/todo.ts';
import { DEMO_ACCOUNTS } from './demo-organization.ts';

// What each demo account finds on its to-do list, read through the service the API uses.
let db: Db;
const today = officeToday();

beforeAll(async () => {
  db = await openDemoDatabase();
}, 900_000);
afterAll(async () => {
  await db?.close();
});

/** The context of a demo account: its role, and a coordinator's unit as its reach. */
async function as(role: Role): Promise<Scoped & { actor: { role: Role } }> {
  const email = DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
  const { rows } = await db.query<{ unitId: number | null }>('SELECT unit_id AS "unitId" FROM users WHERE email = $1', [email]);
  const scope = role === 'coordinator' ? Number(rows[0]!.unitId) : null;
  return { scope, query: (text, params) => db.query(text, params), actor: { role } };
}

const count = (list: TodoList, group: string, filter: (i: TodoList['items'][number]) => boolean = () => true) => list.items.filter((i) => i.group === group && filter(i)).length;

describe('the demo to-do lists', () => {
  it('give the office requests to decide, late trip reports, and agreements to renew', async () => {
    for (const role of ['officer', 'admin'] as const) {
      const list = await todoFor(await as(role), today);
      expect(count(list, 'approvals', (i) => i.kind === 'missions'), role).toBeGreaterThan(0);
      expect(count(list, 'approvals', (i) => i.kind === 'visits'), role).toBeGreaterThan(0);
      expect(count(list, 'reports', (i) => i.kind === 'missions' && i.standing === 'late'), role).toBeGreaterThan(0);
      expect(count(list, 'renewals', (i) => i.kind === 'agreements'), role).toBeGreaterThan(0);
    }
  });

  it("give Ruijin's coordinator Ruijin's reports and renewals only", async () => {
    const ctx = await as('coordinator');
    const list = await todoFor(ctx, today);
    expect(list.items.length).toBeGreaterThan(0);
    const { rows } = await db.query<{ id: number }>('SELECT unit_subtree($1) AS id', [ctx.scope]);
    const reach = new Set(rows.map((r) => Number(r.id)));
    for (const item of list.items) expect(reach.has(item.unitId!), `${item.kind} ${item.id}`).toBe(true);
    expect(count(list, 'reports') + count(list, 'renewals')).toBeGreaterThan(0);
  });

  it('give the leadership no work of its own but what is late by unit, and the viewer nothing', async () => {
    expect((await todoFor(await as('leader'), today)).items).toEqual([]);
    expect((await todoFor(await as('viewer'), today)).items).toEqual([]);
    const late = await lateByUnit(await as('leader'), today);
    expect(late.units.length).toBeGreaterThan(1);
    const officer = await todoFor(await as('officer'), today);
    // the leaders' counts are the office's late items, unit by unit
    expect(late.units.reduce((n, u) => n + u.late, 0)).toBe(officer.items.filter((i) => i.standing === 'late').length);
  });
});
