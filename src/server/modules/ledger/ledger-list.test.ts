import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { personBody } from '../../test/factories.ts';
import { WHO } from '../../../shared/contracts/ledger.ts';
import { replaceLedgerRows, type LedgerEntry } from './ledger.write.ts';
import { DEEP_PAGE_ROWS } from './ledger.repo.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

interface Filter {
  direction?: string;
  who?: string;
  category?: string;
  country?: string;
  unitId?: number;
  from?: string;
  to?: string;
  aggregate?: 'true' | 'false';
}

/** The filter as a WHERE on the raw ledger: what the list and the totals must agree with. */
function rawWhere(f: Filter): { sql: string; params: unknown[] } {
  const where = ['true'];
  const params: unknown[] = [];
  const add = (value: unknown, sql: string) => value !== undefined && where.push(sql.replace('?', `$${params.push(value)}`));
  add(f.direction, 'direction = ?');
  add(f.who, 'who = ?');
  add(f.category, 'category = ?');
  add(f.country, 'country_code = ?');
  add(f.unitId, 'unit_id = ?');
  add(f.from, 'start_date >= ?::date');
  add(f.to, 'start_date <= ?::date');
  add(f.aggregate === undefined ? undefined : f.aggregate === 'true', 'is_aggregate = ?');
  return { sql: where.join(' AND '), params };
}

const query = (f: object) =>
  Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

describe('the ledger list and its totals, each in one statement', () => {
  it('answer what a recount of the raw ledger answers, for any filter, page and order', async () => {
    const officer = await t.as('officer');
    const people = [
      (await officer.post('/api/people', personBody({ familyName: 'Listed' }))).json().id as number,
      (await officer.post('/api/people', personBody({ familyName: 'Counted' }))).json().id as number,
    ];
    const date = fc.date({ min: new Date('2019-06-01'), max: new Date('2022-07-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const entry: fc.Arbitrary<LedgerEntry> = fc
      .record({
        direction: fc.constantFrom('inbound' as const, 'outbound' as const),
        who: fc.constantFrom(...WHO.slice(0, 2)),
        person: fc.option(fc.constantFrom(...people), { nil: null }),
        count: fc.integer({ min: 1, max: 9 }),
        category: fc.constantFrom('conference' as const, 'other' as const),
        countryCode: fc.constantFrom(null, 'FR', 'DE', 'HK'),
        unitId: fc.constantFrom(null, t.units.a, t.units.b),
        startDate: date,
      })
      .map(({ person, count, ...e }) => ({ ...e, personId: person, count: person === null ? count : 1, institutionId: null, endDate: e.startDate }));
    const filter: fc.Arbitrary<Filter> = fc.record(
      {
        direction: fc.constantFrom('inbound', 'outbound'),
        who: fc.constantFrom(...WHO.slice(0, 2)),
        category: fc.constantFrom('conference', 'other'),
        country: fc.constantFrom('FR', 'DE', 'HK'),
        unitId: fc.constantFrom(t.units.a, t.units.b),
        from: date,
        to: date,
        aggregate: fc.constantFrom('true' as const, 'false' as const),
      },
      { requiredKeys: [] },
    );
    const paging = fc.record({ page: fc.integer({ min: 1, max: 4 }), pageSize: fc.integer({ min: 1, max: 5 }), order: fc.constantFrom('asc', 'desc') });
    let source = 7_000_000;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 14 }), fc.array(fc.tuple(filter, paging), { minLength: 1, maxLength: 4 }), async (entries, asks) => {
        source += 1;
        await t.db.transaction((tx) => replaceLedgerRows(tx, { module: 'fixture', id: source }, entries));
        for (const [f, p] of asks) {
          const raw = rawWhere(f);
          const dir = p.order === 'desc' ? 'DESC' : 'ASC';
          const ids = (
            await t.db.query<{ id: number }>(`SELECT id FROM ledger WHERE ${raw.sql} ORDER BY start_date ${dir}, id LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`, raw.params)
          ).rows.map((r) => r.id);
          const recount = (
            await t.db.query<{ rows: number; personTimes: number; persons: number; aggregateTimes: number; codes: number; countries: number }>(
              `SELECT count(*)::int AS rows, coalesce(sum(count), 0)::int AS "personTimes", count(DISTINCT person_id)::int AS persons,
                      coalesce(sum(count) FILTER (WHERE is_aggregate), 0)::int AS "aggregateTimes",
                      count(DISTINCT country_code)::int AS codes,
                      count(DISTINCT country_code) FILTER (WHERE country_code IN (SELECT code FROM countries WHERE NOT is_region))::int AS countries
                 FROM ledger WHERE ${raw.sql}`,
              raw.params,
            )
          ).rows[0]!;
          const list = await officer.get(`/api/ledger?${query({ ...f, ...p })}`);
          expect(list.statusCode, list.body).toBe(200);
          expect({ ids: list.json().items.map((r: { id: number }) => r.id), total: list.json().total }).toEqual({ ids, total: recount.rows });
          const totals = await officer.get(`/api/ledger/totals?${query(f)}`);
          expect(totals.json()).toEqual({
            personTimes: recount.personTimes,
            distinctPersons: recount.persons,
            aggregatePersonTimes: recount.aggregateTimes,
            countriesAndRegions: recount.codes,
            countries: recount.countries,
          });
        }
      }),
      { numRuns: 30 },
    );
  });

  it('starts a deep page at its year from the rollups, and answers the rows an OFFSET over every row answers', async () => {
    const officer = await t.as('officer');
    const rows = DEEP_PAGE_ROWS + 700;
    // Aggregate rows over eleven years, several on a day, so that pages cross years and ties are broken by id.
    const entries: LedgerEntry[] = Array.from({ length: rows }, (_, i) => ({
      direction: i % 3 ? 'inbound' : 'outbound',
      who: 'staff',
      personId: null,
      count: 1 + (i % 4),
      category: 'other',
      countryCode: i % 5 ? 'FR' : 'DE',
      institutionId: null,
      unitId: null,
      startDate: `${1990 + (i % 11)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 5) * 6).padStart(2, '0')}`,
      endDate: `${1990 + (i % 11)}-12-31`,
    }));
    await t.db.transaction((tx) => replaceLedgerRows(tx, { module: 'fixture', id: 6_000_001 }, entries));
    const filters: Filter[] = [{}, { direction: 'inbound' }, { country: 'FR', from: '1991-03-07', to: '2000-06-30' }];
    for (const f of filters)
      for (const order of ['asc', 'desc'] as const) {
        const raw = rawWhere(f);
        const total = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger WHERE ${raw.sql}`, raw.params)).rows[0]!.n;
        const pageSize = 50;
        const deepPages = [DEEP_PAGE_ROWS / pageSize + 1, DEEP_PAGE_ROWS / pageSize + 7, Math.ceil(total / pageSize), Math.ceil(total / pageSize) + 1];
        for (const page of deepPages) {
          const ids = (
            await t.db.query<{ id: number }>(
              `SELECT id FROM ledger WHERE ${raw.sql} ORDER BY start_date ${order}, id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
              raw.params,
            )
          ).rows.map((r) => r.id);
          const list = (await officer.get(`/api/ledger?${query({ ...f, order, page, pageSize })}`)).json();
          expect({ filter: f, order, page, ids: list.items.map((r: { id: number }) => r.id), total: list.total }).toEqual({ filter: f, order, page, ids, total });
        }
      }
  });
});
