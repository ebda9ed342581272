import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type Client, type TestServer } from '../../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, personBody, visitBody } from '../../test/factories.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR, type Actor } from '../../policies/actor.ts';
import type { FigureKey, FigureSet } from '../../../shared/contracts/reports.ts';
import { computeFigureSet } from './figure-set.ts';
import { FIGURE_CACHE_SIZE, figureCacheStats, figureChanges, figureGroupsComputed } from './figure-cache.ts';
import { FIGURE_GROUPS } from './figure-groups.ts';

/**
 * The figure set's cache (GET /api/reports/figures): a read with nothing written since is answered
 * from it; after a write in any table the figures read, the next read is computed again and equals
 * a computation with no cache; a coordinator never gets the school's (or another unit's) set. Only
 * the groups of figures that read a written table are computed again (migration 0047), and a new
 * person, whom nothing refers to yet, leaves the whole set kept.
 */
let t: TestServer;
let officer: Client;
let coordinatorA: Client;
let officerActor: Actor;
let coordinatorActor: Actor;

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  coordinatorA = await t.as('coordinatorA');
  officerActor = { ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer' };
  coordinatorActor = { ...SYSTEM_ACTOR, userId: t.userIds.coordinatorA, role: 'coordinator', unitId: t.units.a };
}, 120_000);
afterAll(async () => t?.close());

async function read(c: Client, query = ''): Promise<FigureSet> {
  const response = await c.get(`/api/reports/figures${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FigureSet>();
}

/** The set computed now, with no cache, as the API answers it (JSON). */
async function fresh(actor: Actor, options: { asOf?: string; unitId?: number } = {}): Promise<FigureSet> {
  return JSON.parse(JSON.stringify(await computeFigureSet(requestContext(actor, t.db), options))) as FigureSet;
}

const valueOf = (set: FigureSet, key: FigureKey) => set.figures.find((f) => f.key === key)!.value;

const figureOf = (set: FigureSet, key: FigureKey) => set.figures.find((f) => f.key === key)!;

/**
 * Reads the officer's and coordinator A's sets, writes, reads again: the officer's second read is
 * computed again (some groups, not all unless the write reaches them all), each read equals a
 * fresh one, and the officer's shows the write (the figure `changed`, its value or its items).
 */
async function afterWrite(write: () => Promise<void>, changed: FigureKey): Promise<void> {
  const before = await read(officer);
  await read(coordinatorA);
  const stats = figureCacheStats(t.db);
  const groups = figureGroupsComputed(t.db);
  await write();
  const after = await read(officer);
  expect(figureCacheStats(t.db).computed).toBe(stats.computed + 1);
  expect(figureGroupsComputed(t.db)).toBeGreaterThan(groups);
  expect(after).toEqual(await fresh(officerActor));
  expect(figureOf(after, changed)).not.toEqual(figureOf(before, changed));
  expect(await read(coordinatorA)).toEqual(await fresh(coordinatorActor));
}

async function person(unitId: number, nationality = 'FR'): Promise<number> {
  return (await succeeded(officer.post('/api/people', personBody({ unitId, nationality })))).id;
}

describe('the figure set’s cache', () => {
  it('answers a read with nothing written since from the cache, equal to a fresh computation', async () => {
    const first = await read(officer);
    const stats = figureCacheStats(t.db);
    const second = await read(officer);
    expect(figureCacheStats(t.db)).toEqual({ kept: stats.kept + 1, computed: stats.computed });
    expect(second).toEqual(first);
    expect(second).toEqual(await fresh(officerActor));
  });

  it('computes again after a ledger write (an aggregate count)', async () => {
    await afterWrite(async () => {
      await succeeded(officer.post('/api/ledger/aggregates', { direction: 'inbound', who: 'visitor', count: 12, category: 'all_purposes', countryCode: 'US', startDate: '1990-01-01', endDate: '1990-12-31', sourceDocument: 'Yearbook 1990', unitId: t.units.b }));
    }, 'inbound.personTimesSince1980');
  });

  it('computes again after an agreement comes into force', async () => {
    await afterWrite(async () => {
      const university = (await succeeded(officer.post('/api/institutions', institutionBody({ countryCode: 'DE' })))).id;
      let row = await succeeded<{ id: number; version: number }>(officer.post('/api/agreements', agreementBody([university], { signedOn: '2020-01-01', effectiveOn: '2020-01-01', level: 'collegiate', unitId: t.units.a })));
      for (const to of ['under_review', 'approved', 'signed', 'active']) row = await succeeded(officer.post(`/api/agreements/${row.id}/transitions`, { to, on: '2020-01-01', version: row.version }));
    }, 'partners.universities');
  });

  it('computes again after an appointment comes into force', async () => {
    await afterWrite(async () => {
      const expert = await person(t.units.a);
      const row = await succeeded(officer.post('/api/appointments', appointmentBody(expert, t.units.a, { title: 'consultant' })));
      await succeeded(officer.post(`/api/appointments/${row.id}/transitions`, { to: 'appointed', version: row.version }));
    }, 'experts.engaged');
  });

  it('computes again after a student is registered', async () => {
    await afterWrite(async () => {
      const student = await person(t.units.a, 'VN');
      const row = await succeeded(officer.post('/api/students', { personId: student, unitId: t.units.a, level: 'master', programmeEn: 'Master of Public Health', admittedOn: '2020-07-01' }));
      await succeeded(officer.post(`/api/students/${row.id}/transitions`, { to: 'enrolled', on: '2020-09-01', version: row.version }));
    }, 'students.foreignSince1980');
  });

  it('computes again after an outbound count (the outbound group)', async () => {
    await afterWrite(async () => {
      await succeeded(officer.post('/api/ledger/aggregates', { direction: 'outbound', who: 'staff', count: 9, category: 'all_purposes', countryCode: 'FR', startDate: '1991-01-01', endDate: '1991-12-31', sourceDocument: 'Yearbook 1991', unitId: t.units.a }));
    }, 'outbound.personTimesSince1954');
  });

  it('computes again after a visit is held (its visitors’ person-times)', async () => {
    await afterWrite(async () => {
      const visitors = [await person(t.units.a, 'US'), await person(t.units.a, 'CA')];
      let visit = await succeeded<{ id: number; version: number }>(officer.post('/api/visits', visitBody(t.units.a, visitors)));
      visit = await succeeded(officer.post(`/api/visits/${visit.id}/transitions`, { to: 'approved', on: '2024-04-01', version: visit.version }));
      await succeeded(officer.post(`/api/visits/${visit.id}/transitions`, { to: 'held', on: '2024-05-10', version: visit.version }));
    }, 'inbound.personTimesSince1980');
  });

  it('computes again after a conference is held', async () => {
    await afterWrite(async () => {
      let conference = await succeeded<{ id: number; version: number }>(officer.post('/api/conferences', conferenceBody(t.units.a, { foreignParticipants: 5, participants: 40 })));
      conference = await succeeded(officer.post(`/api/conferences/${conference.id}/transitions`, { to: 'approved', version: conference.version }));
      await succeeded(officer.post(`/api/conferences/${conference.id}/transitions`, { to: 'held', on: '2024-05-10', version: conference.version }));
    }, 'conferences.hosted');
  });

  it('computes again after an honour is conferred, and after its holder is renamed (an update of people)', async () => {
    const holder = await person(t.units.a, 'US');
    await afterWrite(async () => {
      await succeeded(officer.post('/api/honours', { personId: holder, kind: 'prize', nameEn: 'Kettering Prize', awardingBody: 'General Motors Cancer Research Foundation', countryCode: 'US', conferredOn: '2010-06-01', notable: true }));
    }, 'honours.holders');
    await afterWrite(async () => {
      const current = await succeeded<{ version: number }>(officer.get(`/api/people/${holder}`));
      await succeeded(officer.patch(`/api/people/${holder}`, { version: current.version, familyName: 'Renamed' }));
    }, 'honours');
  });

  it('keeps the whole set after a new person, whom nothing refers to yet', async () => {
    await read(officer);
    await read(coordinatorA);
    const changes = await figureChanges(t.db);
    const stats = figureCacheStats(t.db);
    await person(t.units.a, 'DE');
    await person(t.units.b, 'VN');
    expect(await figureChanges(t.db)).toBe(changes);
    expect(await read(officer)).toEqual(await fresh(officerActor));
    expect(await read(coordinatorA)).toEqual(await fresh(coordinatorActor));
    expect(figureCacheStats(t.db)).toEqual({ ...stats, kept: stats.kept + 2 });
  });

  it('computes again only the groups reading what a requested visit writes, the set equal to a fresh one', async () => {
    const visitor = await person(t.units.a, 'JP');
    await read(officer);
    const stats = figureCacheStats(t.db);
    const groups = figureGroupsComputed(t.db);
    await succeeded(officer.post('/api/visits', visitBody(t.units.a, [visitor], { startDate: '2027-03-01', endDate: '2027-03-02' })));
    expect(await read(officer)).toEqual(await fresh(officerActor));
    expect(figureCacheStats(t.db).computed).toBe(stats.computed + 1);
    expect(figureGroupsComputed(t.db) - groups).toBeGreaterThan(0);
    expect(figureGroupsComputed(t.db) - groups).toBeLessThan(FIGURE_GROUPS.length);
  });

  it('computes again after any statement on any table the figures read, whoever sends it', async () => {
    const { rows } = await t.db.query<{ table: string }>(
      "SELECT DISTINCT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid WHERE p.proname = 'figure_changed' ORDER BY 1",
    );
    expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(['agreements', 'appointments', 'ledger', 'student_enrolments', 'visits', 'people']));
    for (const { table } of rows) {
      await read(officer);
      const changes = await figureChanges(t.db);
      const stats = figureCacheStats(t.db);
      // A statement that changes no row still says its table was written: the counter never misses one.
      await t.db.query(`DELETE FROM ${table} WHERE false`);
      expect(BigInt(await figureChanges(t.db)), table).toBeGreaterThan(BigInt(changes));
      await read(officer);
      expect(figureCacheStats(t.db).computed, table).toBe(stats.computed + 1);
    }
  });

  it('keeps a coordinator’s set apart from the school’s and from another unit’s the office chose', async () => {
    await succeeded(officer.post('/api/ledger/aggregates', { direction: 'inbound', who: 'visitor', count: 7, category: 'all_purposes', countryCode: 'JP', startDate: '1995-01-01', endDate: '1995-12-31', sourceDocument: 'Yearbook 1995', unitId: t.units.a }));
    const school = await read(officer);
    await read(officer, `?unitId=${t.units.b}`);
    const stats = figureCacheStats(t.db);
    const own = await read(coordinatorA);
    expect(figureCacheStats(t.db).computed).toBe(stats.computed + 1);
    expect(own).toEqual(await fresh(coordinatorActor));
    expect(valueOf(own, 'inbound.personTimesSince1980')).not.toEqual(valueOf(school, 'inbound.personTimesSince1980'));
    // Asking for another unit changes nothing for a coordinator: theirs is kept, never the school's.
    expect(await read(coordinatorA, `?unitId=${t.units.b}`)).toEqual(own);
    expect(await read(officer)).toEqual(school);
  });

  it('keeps each date’s set apart', async () => {
    const today = await read(officer);
    const then = await read(officer, '?asOf=1992-06-30');
    expect(then.asOf).toBe('1992-06-30');
    expect(then).toEqual(await fresh(officerActor, { asOf: '1992-06-30' }));
    expect(valueOf(then, 'inbound.personTimesSince1980')).not.toEqual(valueOf(today, 'inbound.personTimesSince1980'));
    expect(await read(officer)).toEqual(today);
  });

  it('keeps at most FIGURE_CACHE_SIZE sets, the least recently read going first (memory stays bounded, issue 17)', async () => {
    // A set per date: FIGURE_CACHE_SIZE dates fill the cache, each read after is one set more than it keeps.
    const dates = Array.from({ length: FIGURE_CACHE_SIZE + 1 }, (_, i) => `${1960 + i}-03-31`);
    const counts = () => figureCacheStats(t.db);
    const readAt = async (date: string) => {
      const before = counts();
      await read(officer, `?asOf=${date}`);
      const after = counts();
      return after.computed > before.computed ? 'computed' : after.kept > before.kept ? 'kept' : 'neither';
    };
    for (const date of dates.slice(0, FIGURE_CACHE_SIZE)) expect(await readAt(date)).toBe('computed');
    // Full, nothing gone yet; reading the first makes the second the least recently read.
    expect(await readAt(dates[0]!)).toBe('kept');
    expect(await readAt(dates[FIGURE_CACHE_SIZE]!)).toBe('computed');
    expect(await readAt(dates[1]!)).toBe('computed');
    expect(await readAt(dates[0]!)).toBe('kept');
    expect(await readAt(dates[FIGURE_CACHE_SIZE]!)).toBe('kept');
  });
});
