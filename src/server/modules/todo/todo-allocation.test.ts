import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody } from '../../test/factories.ts';
import { addDays, officeToday } from '../../../shared/calendar.ts';
import type { TodoList } from '../../../shared/contracts/todo.ts';
import type { Role } from '../../../shared/roles.ts';
import { todoFor } from './todo.service.ts';

// Exchange places to allocate (issue 12): an opportunity whose applications have closed, with
// applications waiting on a decision and places never allocated, waits on the office.
let t: TestServer;
let officer: Client;
let host = 0;
let serial = 0;
const today = officeToday();

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  host = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Karolinska Institutet', countryCode: 'SE' }))).json().id;
});
afterAll(async () => t?.close());

type Opportunity = { id: number; version: number; applicationsCloseOn: string | null; allocatedOn: string | null };

async function opportunity(overrides: Record<string, unknown> = {}): Promise<Opportunity> {
  const response = await officer.post('/api/exchange-opportunities', { titleEn: `Clinical elective ${++serial}`, kind: 'clinical_elective', hostInstitutionId: host, places: 1, academicYear: 2024, unitId: t.units.a, ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
async function apply(opportunityId: number, appliedOn: string, unitId = t.units.a1): Promise<{ id: number; version: number }> {
  const person = (await officer.post('/api/people', personBody({ familyName: 'Li', givenName: `Na ${++serial}`, unitId }))).json().id;
  const response = await officer.post('/api/exchange-applications', { opportunityId, personId: person, appliedOn, score: 80 });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const todo = async (c: Client): Promise<TodoList> => {
  const response = await c.get('/api/todo');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const itemOf = (list: TodoList, id: number) => list.items.find((i) => i.kind === 'exchange-opportunities' && i.id === id);
/** The list of `role` (a coordinator reaching `scope`) on a chosen day, through the service the API and the digest use. */
const listOn = (role: Role, day: string, scope: number | null = null) => todoFor({ scope, query: (text, params) => t.db.query(text, params), actor: { role } }, day);

describe('the day applications close', () => {
  it('is kept, shown and audited; refused after the exchange starts, on the field, in every language', async () => {
    const o = await opportunity({ startsOn: '2024-10-01', applicationsCloseOn: '2024-10-01' });
    expect(o).toMatchObject({ applicationsCloseOn: '2024-10-01', allocatedOn: null });
    const after = await officer.post('/api/exchange-opportunities', { titleEn: 'Late close', kind: 'summer_school', hostInstitutionId: host, places: 1, academicYear: 2024, unitId: t.units.a, startsOn: '2024-07-01', applicationsCloseOn: '2024-07-02' });
    expect(after.statusCode).toBe(400);
    expect(after.json().error.fields).toEqual([{ field: 'applicationsCloseOn', message: 'applicationsCloseOn: is after the exchange starts' }]);
    // moving the start before the closing day is refused too, and writes nothing
    for (const [language, words] of [['zh', '晚于交流开始日期'], ['fr', 'postérieure au début de l’échange']] as const) {
      const moved = await officer.patch(`/api/exchange-opportunities/${o.id}`, { startsOn: '2024-09-30', version: o.version }, { 'accept-language': language });
      expect(moved.statusCode).toBe(400);
      expect(moved.json().error.fields).toEqual([{ field: 'applicationsCloseOn', message: expect.stringContaining(words) }]);
    }
    const changed = await officer.patch(`/api/exchange-opportunities/${o.id}`, { applicationsCloseOn: '2024-09-15', version: o.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ applicationsCloseOn: '2024-09-15', startsOn: '2024-10-01', version: o.version + 1 });
    const { rows } = await t.db.query<{ before: { applicationsCloseOn: string }; after: { applicationsCloseOn: string } }>(
      `SELECT before, after FROM audit_log WHERE entity = 'exchange_opportunity' AND entity_id = $1 AND action = 'update' ORDER BY id`,
      [String(o.id)],
    );
    expect(rows.map((r) => [r.before.applicationsCloseOn, r.after.applicationsCloseOn])).toEqual([['2024-10-01', '2024-09-15']]);
    const listed = (await officer.get(`/api/exchange-opportunities?q=${encodeURIComponent('Clinical elective')}&pageSize=100`)).json().items.find((i: Opportunity) => i.id === o.id);
    expect(listed).toMatchObject({ applicationsCloseOn: '2024-09-15', allocatedOn: null });
  });
});

describe('exchange places to allocate on the to-do list', () => {
  it('lists them from the day after applications close, due 14 days after, late the day after, for the office alone', async () => {
    const closes = '2024-03-31';
    const o = await opportunity({ applicationsCloseOn: closes, startsOn: '2024-10-01', titleZh: '卡罗林斯卡学院临床选修' });
    await apply(o.id, '2024-03-01');
    const on = async (day: string) => itemOf(await listOn('officer', day), o.id);
    expect(await on(addDays(closes, -1))).toBeUndefined();
    // applications are still taken on the closing day
    expect(await on(closes)).toBeUndefined();
    expect(await on(addDays(closes, 1))).toMatchObject({
      group: 'approvals', owed: 'allocation', labelKey: 'todo.owed.allocation', standing: 'coming', dueOn: addDays(closes, 14),
      link: `/exchanges/opportunities/${o.id}`, unitId: t.units.a, titleZh: '卡罗林斯卡学院临床选修',
    });
    expect(await on(addDays(closes, 14))).toMatchObject({ standing: 'coming' });
    expect(await on(addDays(closes, 15))).toMatchObject({ standing: 'late' });
    expect(itemOf(await listOn('admin', addDays(closes, 1)), o.id)).toBeDefined();
    // a coordinator does not allocate (policy exchange_selection): neither the opportunity's unit's nor another's
    expect(itemOf(await listOn('coordinator', addDays(closes, 1), t.units.a), o.id)).toBeUndefined();
    expect(itemOf(await listOn('coordinator', addDays(closes, 1), t.units.b), o.id)).toBeUndefined();
    for (const role of ['leader', 'viewer'] as const) expect(itemOf(await listOn(role, addDays(closes, 20)), o.id)).toBeUndefined();
  });

  it('goes the moment the places are allocated, over HTTP, and is not listed without a closing day or an application waiting', async () => {
    const closed = await opportunity({ applicationsCloseOn: addDays(today, -1) });
    await apply(closed.id, addDays(today, -10));
    const open = await opportunity({ applicationsCloseOn: today });
    await apply(open.id, addDays(today, -3));
    const noDay = await opportunity({});
    await apply(noDay.id, addDays(today, -3));
    const decided = await opportunity({ applicationsCloseOn: addDays(today, -5) });
    const rejected = await apply(decided.id, addDays(today, -10));
    expect((await officer.post(`/api/exchange-applications/${rejected.id}/transitions`, { to: 'rejected', version: rejected.version })).statusCode).toBe(200);

    const before = await todo(officer);
    expect(itemOf(before, closed.id)).toMatchObject({ standing: 'coming', dueOn: addDays(today, 13) });
    for (const o of [open, noDay, decided]) expect(itemOf(before, o.id), `opportunity ${o.id}`).toBeUndefined();
    for (const who of ['coordinatorA', 'coordinatorB', 'leader', 'viewer'] as const) expect(itemOf(await todo(await t.as(who)), closed.id), who).toBeUndefined();

    const allocated = await officer.post(`/api/exchange-opportunities/${closed.id}/allocation`, {});
    expect(allocated.statusCode, allocated.body).toBe(200);
    expect(itemOf(await todo(officer), closed.id)).toBeUndefined();
    const row = (await officer.get(`/api/exchange-opportunities/${closed.id}`)).json();
    expect(row).toMatchObject({ allocatedOn: today, version: closed.version + 1 });
    const { rows } = await t.db.query<{ after: { allocatedOn: string } }>(`SELECT after FROM audit_log WHERE entity = 'exchange_opportunity' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(closed.id)]);
    expect(rows[0]!.after.allocatedOn).toBe(today);
    // an application arriving after the allocation does not bring it back: the office allocates again from the page when it wants
    await apply(closed.id, today);
    expect(itemOf(await todo(officer), closed.id)).toBeUndefined();
  });

  it("counts a late allocation in its unit's late items for the leaders", async () => {
    const late = await opportunity({ applicationsCloseOn: addDays(today, -20), unitId: t.units.b });
    await apply(late.id, addDays(today, -30), t.units.b);
    expect(itemOf(await todo(officer), late.id)).toMatchObject({ standing: 'late', unitId: t.units.b });
    const units = (await (await t.as('leader')).get('/api/todo/late-by-unit')).json().units as Array<{ unitId: number; byKind: Record<string, number> }>;
    expect(units.find((u) => u.unitId === t.units.b)?.byKind['exchange-opportunities']).toBe(1);
  });
});
