import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { personBody, visitBody } from '../../test/factories.ts';
import { replaceLedgerRows, type LedgerEntry } from './ledger.write.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const aggregate = (overrides: Record<string, unknown> = {}) => ({
  direction: 'outbound',
  who: 'staff',
  count: 120,
  category: 'conference',
  startDate: '1960-01-01',
  endDate: '1960-12-31',
  sourceDocument: 'Annual return 1960',
  ...overrides,
});

async function ledgerRowsOf(module: string, id: number) {
  return (await t.db.query('SELECT count, is_aggregate, start_date FROM ledger WHERE source_module = $1 AND source_id = $2', [module, id])).rows;
}

describe('ledger aggregates', () => {
  it('writes one flagged ledger row per aggregate entry, rewrites it on edit and removes it on delete', async () => {
    const officer = await t.as('officer');
    const created = await officer.post('/api/ledger/aggregates', aggregate({ unitId: t.units.a }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(await ledgerRowsOf('aggregate', id)).toEqual([{ count: 120, is_aggregate: true, start_date: '1960-01-01' }]);
    const edited = await officer.patch(`/api/ledger/aggregates/${id}`, { version: 1, count: 130, startDate: '1961-01-01', endDate: '1961-12-31' });
    expect(edited.statusCode).toBe(200);
    expect(await ledgerRowsOf('aggregate', id)).toEqual([{ count: 130, is_aggregate: true, start_date: '1961-01-01' }]);
    expect((await officer.delete(`/api/ledger/aggregates/${id}?version=2`)).statusCode).toBe(204);
    expect(await ledgerRowsOf('aggregate', id)).toEqual([]);
  });

  it('refuses an end before the start, on create and on edit, writing nothing', async () => {
    const officer = await t.as('officer');
    const bad = await officer.post('/api/ledger/aggregates', aggregate({ startDate: '1970-05-01', endDate: '1970-01-01' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'endDate' })]);
    const ok = (await officer.post('/api/ledger/aggregates', aggregate())).json();
    const badEdit = await officer.patch(`/api/ledger/aggregates/${ok.id}`, { version: 1, endDate: '1959-01-01' });
    expect(badEdit.statusCode).toBe(400);
    expect(await ledgerRowsOf('aggregate', ok.id)).toEqual([{ count: 120, is_aggregate: true, start_date: '1960-01-01' }]);
    const badCategory = await officer.post('/api/ledger/aggregates', aggregate({ category: 'sightseeing' }));
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().error.fields[0].field).toBe('category');
    const invalidDate = await officer.post('/api/ledger/aggregates', aggregate({ startDate: '1970-02-30' }));
    expect(invalidDate.statusCode).toBe(400);
    expect(invalidDate.json().error.fields[0].field).toBe('startDate');
  });

  it('lets only the office enter aggregates', async () => {
    for (const role of ['coordinatorA', 'leader', 'viewer'] as const)
      expect((await (await t.as(role)).post('/api/ledger/aggregates', aggregate())).statusCode).toBe(403);
  });
});

describe('ledger totals', () => {
  it('counts person-times and distinct persons apart: one person visiting three times is 3 and 1', async () => {
    const officer = await t.as('officer');
    const visitor = (await officer.post('/api/people', personBody({ familyName: 'Often' }))).json();
    const other = (await officer.post('/api/people', personBody({ familyName: 'Once' }))).json();
    const visit = (personId: number, startDate: string, countryCode: string): LedgerEntry => ({
      direction: 'inbound',
      who: 'visitor',
      personId,
      category: 'academic_exchange',
      countryCode,
      institutionId: null,
      unitId: t.units.b,
      startDate,
      endDate: startDate,
    });
    await t.db.transaction((tx) =>
      replaceLedgerRows(tx, { module: 'fixture', id: 1 }, [
        visit(visitor.id, '2023-03-01', 'FR'),
        visit(visitor.id, '2024-03-01', 'FR'),
        visit(visitor.id, '2025-03-01', 'FR'),
        visit(other.id, '2025-04-01', 'HK'),
      ]),
    );
    await t.db.transaction((tx) =>
      replaceLedgerRows(tx, { module: 'fixture', id: 2 }, [
        { direction: 'inbound', who: 'visitor', count: 40, category: 'all_purposes', countryCode: 'US', institutionId: null, unitId: t.units.b, startDate: '1985-01-01', endDate: '1985-12-31' },
      ]),
    );
    const totals = (await officer.get('/api/ledger/totals?direction=inbound')).json();
    expect(totals).toEqual({ personTimes: 44, distinctPersons: 2, aggregatePersonTimes: 40, countriesAndRegions: 3, countries: 2 });
    const byCategory = (await officer.get('/api/ledger/totals?direction=inbound&category=academic_exchange')).json();
    expect(byCategory).toMatchObject({ personTimes: 4, aggregatePersonTimes: 0 });
    const since2024 = (await officer.get('/api/ledger/totals?direction=inbound&from=2024-01-01')).json();
    expect(since2024).toMatchObject({ personTimes: 3, distinctPersons: 2 });

    // Rewriting a source replaces its rows: nothing is left behind.
    await t.db.transaction((tx) => replaceLedgerRows(tx, { module: 'fixture', id: 1 }, [visit(visitor.id, '2025-03-01', 'FR')]));
    expect((await officer.get('/api/ledger/totals?direction=inbound')).json()).toMatchObject({ personTimes: 41, distinctPersons: 1 });

    // A coordinator of another unit sees none of it, in totals or in the list.
    const a = await t.as('coordinatorA');
    expect((await a.get('/api/ledger/totals?direction=inbound')).json().personTimes).toBe(0);
    expect((await a.get('/api/ledger?direction=inbound')).json().total).toBe(0);
    const b = await t.as('coordinatorB');
    expect((await b.get('/api/ledger/totals?direction=inbound')).json().personTimes).toBe(41);
  });

  it('names each row\'s person and the title of the record it comes from; an aggregate names neither', async () => {
    const officer = await t.as('officer');
    const visitor = (await officer.post('/api/people', personBody({ familyName: 'Named', givenName: 'Ada', nameZh: '娜梅' }))).json();
    const visit = (await officer.post('/api/visits', visitBody(t.units.a, [visitor.id]))).json();
    const day = '2031-06-01';
    await t.db.transaction((tx) =>
      replaceLedgerRows(tx, { module: 'visit', id: visit.id }, [
        { direction: 'inbound', who: 'visitor', personId: visitor.id, category: 'academic_exchange', countryCode: 'FR', institutionId: null, unitId: t.units.a, startDate: day, endDate: day },
      ]),
    );
    const aggregateRow = (await officer.post('/api/ledger/aggregates', aggregate({ unitId: t.units.a, startDate: day, endDate: day }))).json();
    const page = (await officer.get(`/api/ledger?from=${day}&to=${day}`)).json();
    const ofVisit = page.items.find((r: { sourceModule: string; sourceId: number }) => r.sourceModule === 'visit' && r.sourceId === visit.id);
    expect(ofVisit).toMatchObject({ personId: visitor.id, person: { familyName: 'Named', givenName: 'Ada', nameZh: '娜梅' }, source: { titleEn: visit.titleEn, titleZh: visit.titleZh } });
    const ofAggregate = page.items.find((r: { sourceModule: string; sourceId: number }) => r.sourceModule === 'aggregate' && r.sourceId === aggregateRow.id);
    expect(ofAggregate).toMatchObject({ person: null, source: null, sourceDocument: 'Annual return 1960' });
  });

  it('refuses a ledger row that is neither one person nor an aggregate (database rule)', async () => {
    await expect(
      t.db.query(`INSERT INTO ledger (direction, who, person_id, count, is_aggregate, category, start_date, end_date, source_module, source_id)
                  VALUES ('inbound', 'visitor', NULL, 1, false, 'x', '2020-01-01', '2020-01-01', 'fixture', 9)`),
    ).rejects.toThrow();
  });
});
