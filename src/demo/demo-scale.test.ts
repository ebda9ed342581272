import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.ts';
import { personBody } from '../server/test/factories.ts';
import { replaceLedgerRows } from '../server/modules/ledger/ledger.write.ts';
import { verifyLedgerRollups } from '../server/modules/ledger/ledger-verify.service.ts';
import { personTimesBy, personTimesByYear } from '../server/modules/ledger/ledger-figures.service.ts';
import { loadDemoScale } from './demo-scale.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function shape() {
  return {
    byYear: await personTimesByYear(t.db, {}),
    byCountry: await personTimesBy(t.db, 'country', { direction: 'inbound' }),
    byUnit: await personTimesBy(t.db, 'unit', {}),
    rows: (await t.db.query<{ n: number; persons: number }>('SELECT count(*)::int AS n, count(person_id)::int AS persons FROM ledger')).rows[0],
  };
}

describe('demo load --scale', () => {
  it('makes the ledger N times as many person-times, one row each, the same shape, with rollups equal to a recount; again replaces, not adds', async () => {
    const person = (await (await t.as('officer')).post('/api/people', personBody({ familyName: 'Scale' }))).json().id as number;
    await t.db.transaction(async (tx) => {
      await replaceLedgerRows(tx, { module: 'aggregate', id: 1, document: 'Annual return 1985' }, [
        { direction: 'inbound', who: 'visitor', count: 40, category: 'all_purposes', countryCode: 'FR', institutionId: null, unitId: t.units.a, startDate: '1985-01-01', endDate: '1985-12-31' },
      ]);
      await replaceLedgerRows(tx, { module: 'visit', id: 1 }, [
        { direction: 'inbound', who: 'visitor', personId: person, category: 'academic_exchange', countryCode: 'JP', institutionId: null, unitId: t.units.b, startDate: '2024-12-30', endDate: '2025-01-02' },
        { direction: 'outbound', who: 'staff', personId: person, category: 'conference', countryCode: null, institutionId: null, unitId: t.units.a1, startDate: '2025-03-01', endDate: '2025-03-05' },
      ]);
    });
    const before = await shape();
    expect(before.rows).toEqual({ n: 3, persons: 2 });

    const { rows } = await loadDemoScale(t.db, 3);
    expect(rows).toBe(2 * 42);
    const after = await shape();
    expect(after.rows).toEqual({ n: 3 + 2 * 42, persons: 2 * 3 });
    const times3 = <T extends { personTimes: number }>(list: T[]) => list.map((r) => ({ ...r, personTimes: r.personTimes * 3 }));
    expect(after.byYear).toEqual(times3(before.byYear));
    expect(after.byCountry).toEqual(times3(before.byCountry));
    expect(after.byUnit).toEqual(times3(before.byUnit));
    const scaled = await t.db.query(`SELECT DISTINCT is_aggregate, count, source_document FROM ledger WHERE source_module = 'scale' ORDER BY 1`);
    expect(scaled.rows).toEqual([
      { is_aggregate: false, count: 1, source_document: null },
      { is_aggregate: true, count: 1, source_document: 'Annual return 1985' },
    ]);
    const verified = await verifyLedgerRollups(t.db, '2026-11-28');
    expect([verified.cellDifferences, verified.figureDifferences]).toEqual([[], []]);

    await loadDemoScale(t.db, 2);
    expect((await shape()).byYear).toEqual(before.byYear.map((r) => ({ ...r, personTimes: r.personTimes * 2 })));
    await loadDemoScale(t.db, 1);
    expect(await shape()).toEqual(before);
    const again = await verifyLedgerRollups(t.db, '2026-11-28');
    expect([again.cellDifferences, again.figureDifferences]).toEqual([[], []]);
  });
});
