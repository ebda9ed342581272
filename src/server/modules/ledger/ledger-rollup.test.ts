import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { conferenceBody, personBody, visitBody } from '../../test/factories.ts';
import { LEDGER_CATEGORIES, WHO } from '../../../shared/contracts/ledger.ts';
import { replaceLedgerRows, type LedgerEntry } from './ledger.write.ts';
import { verifyLedgerRollups } from './ledger-verify.service.ts';
import { personTimes, personTimesBy, personTimesByYear } from './ledger-figures.service.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const TODAY = '2026-11-28';

/** Passes when the rollups and every figure that reads them equal a recount of the ledger. */
async function expectRecountEqual(): Promise<void> {
  const result = await verifyLedgerRollups(t.db, TODAY);
  expect(result.cellDifferences).toEqual([]);
  expect(result.figureDifferences).toEqual([]);
}

/** Person-times summed over the raw ledger: the answer the rollups must give. */
async function recount(where: string, params: unknown[]): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT coalesce(sum(count), 0)::bigint AS n FROM ledger WHERE ${where}`, params)).rows[0]!.n;
}

describe('ledger rollups through the modules', () => {
  it('equal a recount after aggregates, visits and conferences are created, edited, cancelled and deleted', async () => {
    const officer = await t.as('officer');
    const post = async (url: string, body: unknown) => {
      const r = await officer.post(url, body);
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };
    const aggregate = await post('/api/ledger/aggregates', {
      direction: 'inbound', who: 'visitor', count: 420, category: 'all_purposes', countryCode: 'FR', unitId: t.units.a1,
      startDate: '1985-01-01', endDate: '1985-12-31', sourceDocument: 'Annual return 1985',
    });
    await expectRecountEqual();
    expect(await personTimes(t.db, { direction: 'inbound', from: '1980-01-01', to: TODAY, unitId: t.units.a })).toBe(420);
    expect(await personTimes(t.db, { direction: 'inbound', from: '1980-01-01', to: TODAY, unitId: t.units.b })).toBe(0);
    await officer.patch(`/api/ledger/aggregates/${aggregate.id}`, { version: 1, count: 400, startDate: '1986-01-01', endDate: '1986-12-31' });
    await expectRecountEqual();
    expect(await personTimesByYear(t.db, { direction: 'inbound' })).toEqual([{ year: 1986, personTimes: 400 }]);

    const visitors = [
      (await post('/api/people', personBody({ familyName: 'Martin', nationality: 'FR' }))).id,
      (await post('/api/people', personBody({ familyName: 'Sato', nationality: 'JP' }))).id,
    ];
    let visit = await post('/api/visits', visitBody(t.units.b, visitors, { startDate: '2024-12-30', endDate: '2025-01-02' }));
    visit = await post(`/api/visits/${visit.id}/transitions`, { to: 'approved', version: visit.version });
    visit = await post(`/api/visits/${visit.id}/transitions`, { to: 'held', on: '2024-12-30', version: visit.version });
    await expectRecountEqual();
    // A visit spanning New Year counts in the year it started.
    expect(await personTimes(t.db, { direction: 'inbound', from: '2024-01-01', to: '2024-12-31' })).toBe(2);
    expect(await personTimes(t.db, { direction: 'inbound', from: '2025-01-01', to: '2025-12-31' })).toBe(0);
    expect(await personTimes(t.db, { direction: 'inbound', from: '2024-12-30', to: '2024-12-30' })).toBe(2);
    visit = (await officer.patch(`/api/visits/${visit.id}`, { version: visit.version, members: [{ personId: visitors[0], roleInDelegation: 'head' }] })).json();
    await expectRecountEqual();

    let conference = await post('/api/conferences', conferenceBody(t.units.a, { foreignParticipants: 12, participants: 80 }));
    conference = await post(`/api/conferences/${conference.id}/transitions`, { to: 'approved', version: conference.version });
    conference = await post(`/api/conferences/${conference.id}/transitions`, { to: 'held', on: '2024-05-10', version: conference.version });
    await expectRecountEqual();
    conference = (await officer.patch(`/api/conferences/${conference.id}`, { version: conference.version, foreignParticipants: 15, startDate: '2024-05-09', hostUnitId: t.units.a1 })).json();
    await expectRecountEqual();
    expect(await personTimesBy(t.db, 'unit', { direction: 'inbound', from: '1980-01-01', to: TODAY })).toEqual([
      { key: String(t.units.a1), personTimes: 415 },
      { key: String(t.units.b), personTimes: 1 },
    ]);
    await post(`/api/conferences/${conference.id}/transitions`, { to: 'cancelled', version: conference.version });
    await post(`/api/visits/${visit.id}/transitions`, { to: 'cancelled', version: visit.version });
    expect((await officer.delete(`/api/ledger/aggregates/${aggregate.id}?version=2`)).statusCode).toBe(204);
    await expectRecountEqual();
    expect((await t.db.query('SELECT count(*)::int AS n FROM ledger_rollup')).rows[0]!.n).toBe(0);
  });
});

describe('ledger rollups under random writes', () => {
  it('equal a recount after any sequence of replacements, and every period and unit sums right', async () => {
    const person = (await (await t.as('officer')).post('/api/people', personBody({ familyName: 'Random' }))).json().id as number;
    const units = [null, t.units.root, t.units.a, t.units.a1, t.units.b];
    const date = fc.date({ min: new Date('1978-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const entry: fc.Arbitrary<LedgerEntry> = fc
      .record({
        direction: fc.constantFrom('inbound' as const, 'outbound' as const),
        who: fc.constantFrom(...WHO),
        withPerson: fc.boolean(),
        count: fc.integer({ min: 1, max: 50 }),
        category: fc.constantFrom(...LEDGER_CATEGORIES.slice(0, 4)),
        countryCode: fc.constantFrom(null, 'FR', 'JP', 'HK'),
        unitId: fc.constantFrom(...units),
        startDate: date,
      })
      .map(({ withPerson, ...e }) => ({ ...e, personId: withPerson ? person : null, institutionId: null, endDate: e.startDate }));
    const write = fc.record({
      module: fc.constantFrom('visit', 'conference', 'aggregate', 'mission'),
      id: fc.integer({ min: 1, max: 6 }),
      entries: fc.oneof(fc.constant<LedgerEntry[]>([]), fc.array(entry, { maxLength: 6 })),
    });
    const period = fc.record({ from: fc.option(date, { nil: undefined }), to: fc.option(date, { nil: undefined }), unitId: fc.constantFrom(undefined, t.units.a, t.units.b) });
    const source = 9_000_000;
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), fc.array(period, { maxLength: 4 }), async (writes, periods) => {
        for (const w of writes)
          await t.db.transaction((tx) => replaceLedgerRows(tx, { module: w.module, id: source + w.id }, w.entries));
        await expectRecountEqual();
        for (const p of periods) {
          const where = ['true'];
          const params: unknown[] = [];
          if (p.from) where.push(`start_date >= $${params.push(p.from)}::date`);
          if (p.to) where.push(`start_date <= $${params.push(p.to)}::date`);
          if (p.unitId) where.push(`unit_id IN (SELECT unit_subtree($${params.push(p.unitId)}))`);
          expect(await personTimes(t.db, p)).toBe(await recount(where.join(' AND '), params));
        }
      }),
      { numRuns: 25 },
    );
    for (const module of ['visit', 'conference', 'aggregate', 'mission'])
      for (let id = 1; id <= 6; id += 1) await t.db.transaction((tx) => replaceLedgerRows(tx, { module, id: source + id }, []));
    await expectRecountEqual();
  });
});

describe('report verify', () => {
  it('passes on an untouched database and names the cell tampered with directly in the database', async () => {
    const entries: LedgerEntry[] = [
      { direction: 'inbound', who: 'visitor', count: 30, category: 'all_purposes', countryCode: 'DE', institutionId: null, unitId: t.units.b, startDate: '1990-01-01', endDate: '1990-12-31' },
    ];
    await t.db.transaction((tx) => replaceLedgerRows(tx, { module: 'aggregate', id: 8_000_001 }, entries));
    await expectRecountEqual();
    await t.db.query(`UPDATE ledger_rollup SET person_times = person_times + 1 WHERE year = 1990 AND country_code = 'DE'`);
    const tampered = await verifyLedgerRollups(t.db, TODAY);
    expect(tampered.cellDifferences).toEqual([
      expect.objectContaining({ direction: 'inbound', year: 1990, countryCode: 'DE', unitId: t.units.b, stored: { personTimes: 31, rows: 1 }, recounted: { personTimes: 30, rows: 1 } }),
    ]);
    expect(tampered.figureDifferences.map((f) => f.figure)).toContain('inbound.personTimesSince1980');
    await t.db.query(`DELETE FROM ledger_rollup WHERE year = 1990 AND country_code = 'DE'`);
    expect((await verifyLedgerRollups(t.db, TODAY)).cellDifferences).toEqual([
      expect.objectContaining({ year: 1990, stored: null, recounted: { personTimes: 30, rows: 1 } }),
    ]);
    await t.db.query(
      `INSERT INTO ledger_rollup (direction, year, who, category, country_code, unit_id, is_aggregate, person_times, rows)
       VALUES ('inbound', 1990, 'visitor', 'all_purposes', 'DE', $1, true, 30, 1)`,
      [t.units.b],
    );
    await expectRecountEqual();
    await t.db.transaction((tx) => replaceLedgerRows(tx, { module: 'aggregate', id: 8_000_001 }, []));
  });
});
