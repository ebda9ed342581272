import { expect, it } from 'vitest';
import type { Client } from './harness.ts';
import { recordIn, type MovementSteps } from './movement-steps.ts';

/** How a movement is counted in the ledger and listed among the overdue reports. */
export interface MovementReports extends MovementSteps {
  /** The key of each unit's movements in the overdue report (`visits`, `missions`). */
  listKey: string;
  /** The ledger's direction and who its people are, for the totals. */
  direction: 'inbound' | 'outbound';
  who: string;
}

type LedgerRow = { person_id: number; country_code: string; institution_id: number | null; unit_id: number; category: string; start_date: string; end_date: string; direction: string; who: string; count: number };

/** The ledger rows a movement of `kind` wrote, one per person in person order. */
export async function ledgerRows(kind: MovementSteps, id: number): Promise<LedgerRow[]> {
  const { rows } = await kind.server().db.query<LedgerRow>(
    `SELECT person_id, country_code, institution_id, unit_id, category, start_date, end_date, direction, who, count FROM ledger
     WHERE source_module = $1 AND source_id = $2 ORDER BY person_id`,
    [kind.noun, id],
  );
  return rows;
}

/**
 * The report due 30 days after the last day, alike for both kinds: in time on day 30, overdue on
 * day 31 in the record, the list and the per-unit report (a coordinator's own units only), and
 * the report as a CSV in Chinese. Registered as an `it` block in the calling describe.
 */
export function movementOverdueCheck(kind: MovementReports): void {
  const step = (id: number) => `${kind.path}/${id}/transitions`;
  type Unit = { unitId: number; count: number } & Record<string, Array<{ id: number }>>;

  // The movement ends 2024-03-01: day 30 after it is 2024-03-31 (in time), day 31 is 2024-04-01 (late).
  it(`is not overdue on day 30 and is on day 31, per unit, ${kind.started} ${kind.noun}s only`, async () => {
    const t = kind.server();
    const officer = await t.as('officer');
    const late = await recordIn(kind, 'approved', { titleEn: 'Overdue check', titleZh: '逾期检查', startDate: '2024-02-27', endDate: '2024-03-01' });
    const started = (await officer.post(step(late.id), { to: kind.started, on: '2024-02-27', version: late.version })).json();
    const closedInTime = await recordIn(kind, 'closed', { startDate: '2024-02-27', endDate: '2024-03-01' });
    const inB = (await officer.post(kind.path, kind.body(t.units.b, [kind.people()[3]!], { startDate: '2024-02-01', endDate: '2024-02-02' }))).json();
    const approvedB = (await officer.post(step(inB.id), { to: 'approved', ...kind.approval, version: 1 })).json();
    expect((await officer.post(step(inB.id), { to: kind.started, version: approvedB.version })).statusCode).toBe(200);

    const overdue = async (c: Client, asOf: string) => (await c.get(`${kind.path}/overdue-reports?asOf=${asOf}`)).json();
    const overdueIds = async (asOf: string) => (await overdue(officer, asOf)).units.flatMap((u: Unit) => u[kind.listKey]!.map((m) => m.id));
    const listed = async (asOf: string) => (await officer.get(`${kind.path}?overdue=true&asOf=${asOf}&pageSize=200`)).json().items.map((m: { id: number }) => m.id);
    expect(await overdueIds('2024-03-31')).not.toContain(started.id);
    expect((await officer.get(`${kind.path}/${started.id}?asOf=2024-03-31`)).json()).toMatchObject({ reportDueOn: '2024-03-31', reportOverdue: false });
    expect(await overdueIds('2024-04-01')).toContain(started.id);
    expect((await officer.get(`${kind.path}/${started.id}?asOf=2024-04-01`)).json().reportOverdue).toBe(true);
    expect(await overdueIds('2024-04-01')).not.toContain(closedInTime.id);
    expect(await listed('2024-04-01')).toContain(started.id);
    expect(await listed('2024-04-01')).not.toContain(closedInTime.id);
    expect(await listed('2024-03-31')).not.toContain(started.id);

    const report = await overdue(officer, '2024-04-01');
    const unitA = report.units.find((u: Unit) => u.unitId === t.units.a);
    expect(unitA).toMatchObject({ code: 'A', nameEn: 'Unit A', nameZh: '单位A' });
    expect(unitA.count).toBe(unitA[kind.listKey].length);
    expect(unitA[kind.listKey].find((m: { id: number }) => m.id === started.id)).toMatchObject({ reportDueOn: '2024-03-31', daysOverdue: 1, personTimes: 2 });
    expect(report.units.find((u: Unit) => u.unitId === t.units.b)[kind.listKey].map((m: { id: number }) => m.id)).toEqual([inB.id]);
    expect(report.total).toBe(report.units.reduce((n: number, u: Unit) => n + u.count, 0));

    // A coordinator sees their unit's overdue reports only.
    expect((await overdue(await t.as('coordinatorA'), '2024-04-01')).units.map((u: Unit) => u.unitId)).toEqual([t.units.a]);
    expect(await overdue(await t.as('coordinatorB'), '2024-04-01')).toMatchObject({ total: 1, units: [{ unitId: t.units.b, count: 1 }] });

    const csv = await officer.get(`${kind.path}/overdue-reports?asOf=2024-04-01&format=csv`, { 'accept-language': 'zh' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('总结截止日期');
    expect(csv.body).toContain('逾期检查');
    expect(csv.body).toContain('2024-03-31');
  });
}

/**
 * The ledger alike for both kinds: nobody counted before the movement takes place or once it is
 * cancelled (and the totals fall back), everyone once closed, and a failed edit leaves the rows
 * as they were. Registered as `it` blocks in the calling describe.
 */
export function movementLedgerChecks(kind: MovementReports): void {
  it(`counts nobody on a ${kind.noun} that has not taken place, and everyone on a closed one`, async () => {
    for (const status of ['requested', 'approved', 'rejected', 'cancelled']) expect(await ledgerRows(kind, (await recordIn(kind, status)).id)).toEqual([]);
    expect(await ledgerRows(kind, (await recordIn(kind, 'closed')).id)).toHaveLength(2);
  });

  it(`removes the rows when the ${kind.noun} is cancelled: none left behind, and the figures fall back`, async () => {
    const officer = await kind.server().as('officer');
    const totals = async () => (await officer.get(`/api/ledger/totals?direction=${kind.direction}&who=${kind.who}&from=1954-01-01&to=2024-12-31`)).json().personTimes;
    const before = await totals();
    const started = await recordIn(kind, kind.started);
    expect(await ledgerRows(kind, started.id)).toHaveLength(2);
    expect(await totals()).toBe(before + 2);
    const refused = await officer.delete(`${kind.path}/${started.id}?version=${started.version}`);
    expect(refused.statusCode).toBe(409);
    expect(await ledgerRows(kind, started.id)).toHaveLength(2);
    await officer.post(`${kind.path}/${started.id}/transitions`, { to: 'cancelled', version: started.version });
    expect(await ledgerRows(kind, started.id)).toEqual([]);
    expect(await totals()).toBe(before);
  });

  it(`keeps a failed edit from half-writing: the ${kind.noun}, its members and its rows stay as they were`, async () => {
    const officer = await kind.server().as('officer');
    const started = await recordIn(kind, kind.started);
    const bad = await officer.patch(`${kind.path}/${started.id}`, { version: started.version, titleEn: 'Half', members: [{ personId: kind.people()[1]! }, { personId: 999999 }] });
    expect(bad.statusCode).toBe(400);
    expect((await officer.get(`${kind.path}/${started.id}`)).json()).toMatchObject({ titleEn: started.titleEn, version: started.version });
    expect((await ledgerRows(kind, started.id)).map((r) => r.person_id)).toEqual([kind.people()[0], kind.people()[2]]);
  });
}
