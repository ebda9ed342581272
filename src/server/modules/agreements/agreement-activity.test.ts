import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { openDemoDatabase } from '../../test/demo-database.ts';
import { lastActivitySql } from './agreements.repo.ts';

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
});
