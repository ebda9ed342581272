import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { openDemoDatabase } from '../../test/demo-database.ts';
import { activityBetweenSql, lastActivitySql, listAgreements } from './agreements.repo.ts';
import { unscoped } from '../../core/request-context.ts';

/**
 * An agreement's last activity (its dormancy) asks each source of the partner_activity view on its
 * own, so that the ledger's is one index probe (issue 17, CPU a request): it must stay the view's
 * max. Held here for every institution of the demo on several dates, including partners whose
 * last activity is a co-organized conference or an appointment rather than a ledger row.
 */
let db: Db;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 600_000);
afterAll(async () => db?.close());

describe('the last activity of a partner', () => {
  it('is the max of the partner_activity view, for every institution and date', async () => {
    const { rows } = await db.query<{ id: number; at: string; fast: string | null; view: string | null; ledger: string | null }>(
      `SELECT i.id, d.at::text AS at, (${lastActivitySql('i.id', 'd.at')})::text AS fast,
              (SELECT max(pa.activity_date) FROM partner_activity pa WHERE pa.institution_id = i.id AND pa.activity_date <= d.at)::text AS view,
              (SELECT max(l.start_date) FROM ledger l WHERE l.institution_id = i.id AND l.start_date <= d.at)::text AS ledger
         FROM institutions i CROSS JOIN (VALUES (current_date), ('2030-12-31'::date), ('2015-06-30'::date), ('2005-01-01'::date), ('1990-01-01'::date)) d(at)`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.fast !== r.view)).toEqual([]);
    // The demo has partners with activity, with none, and with some that only the other sources hold.
    expect(rows.filter((r) => r.view !== null).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.view === null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.view !== r.ledger).length).toBeGreaterThan(0);
  });

  it('falls between two dates exactly when the view has a date between them, for every institution', async () => {
    const { rows } = await db.query<{ id: number; after: string; at: string; fast: boolean; view: boolean }>(
      `SELECT i.id, d.after::text AS after, d.at::text AS at, ${activityBetweenSql('i.id', 'd.after', 'd.at')} AS fast,
              EXISTS (SELECT 1 FROM partner_activity pa WHERE pa.institution_id = i.id AND pa.activity_date > d.after AND pa.activity_date <= d.at) AS view
         FROM institutions i CROSS JOIN (VALUES (current_date - 730, current_date), ('2028-12-31'::date, '2030-12-31'::date),
           ('2013-06-30'::date, '2015-06-30'::date), ('1990-01-01'::date, '2005-01-01'::date), ('1900-01-01'::date, '2100-01-01'::date)) d(after, at)`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.fast !== r.view)).toEqual([]);
    expect(rows.filter((r) => r.view).length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.view).length).toBeGreaterThan(10);
  });
});

describe('the dormant filter', () => {
  it('keeps exactly the agreements whose dormant column is true, and its negation the others, on several dates', async () => {
    let dormantSeen = 0;
    for (const asOf of ['2010-01-01', '2018-06-30', '2024-12-31', '2026-06-30', '2032-01-01']) {
      for (const dormantYears of [1, 2, 5]) {
        const at = { asOf, dormantYears };
        const page = { sort: 'termEndsOn', order: 'asc' as const, page: 1, pageSize: 10_000 };
        const all = (await listAgreements(unscoped(db), at, page)).rows;
        const ids = (rows: Array<{ id: number }>) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);
        const yes = await listAgreements(unscoped(db), at, { ...page, dormant: 'true' });
        const no = await listAgreements(unscoped(db), at, { ...page, dormant: 'false' });
        expect(ids(yes.rows)).toEqual(ids(all.filter((a) => a.dormant)));
        expect(ids(no.rows)).toEqual(ids(all.filter((a) => !a.dormant)));
        expect(yes.total + no.total).toBe(all.length);
        dormantSeen += yes.total;
        expect(no.total).toBeGreaterThan(0);
      }
    }
    expect(dormantSeen).toBeGreaterThan(0);
  });
});
