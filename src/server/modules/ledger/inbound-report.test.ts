import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { personBody, visitBody } from '../../test/factories.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { requestContext, systemContext } from '../../core/request-context.ts';
import type { VisitInput } from '../../../shared/contracts/visits.ts';
import { getInboundReport } from './inbound-report.service.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  const person = async (nationality: string) => (await officer.post('/api/people', personBody({ nationality, unitId: t.units.a }))).json().id as number;
  const [claire, paul, jan, yuki] = [await person('FR'), await person('FR'), await person('BE'), await person('JP')];
  const held = async (unitId: number, members: number[], overrides: Partial<VisitInput>) => {
    let row = (await officer.post('/api/visits', visitBody(unitId, members, overrides))).json();
    row = (await officer.post(`/api/visits/${row.id}/transitions`, { to: 'approved', version: row.version })).json();
    return (await officer.post(`/api/visits/${row.id}/transitions`, { to: 'held', version: row.version })).json();
  };
  // Claire came three times in the 1980s, once with Paul and Jan; Yuki once, hosted by unit B; one visit in 1979 and one in 1990.
  await held(t.units.a, [claire, paul, jan], { startDate: '1985-03-01', endDate: '1985-03-03' });
  await held(t.units.a, [claire], { startDate: '1986-03-01', endDate: '1986-03-03' });
  await held(t.units.a1, [claire], { startDate: '1989-12-31', endDate: '1990-01-02' });
  await held(t.units.b, [yuki], { startDate: '1987-06-01', endDate: '1987-06-02' });
  await held(t.units.a, [jan], { startDate: '1979-12-31', endDate: '1980-01-01' });
  await held(t.units.a, [yuki], { startDate: '1990-01-01', endDate: '1990-01-01' });
  // A request that never took place does not count; aggregates do, inbound only.
  await officer.post('/api/visits', visitBody(t.units.a, [paul], { startDate: '1988-01-01', endDate: '1988-01-01' }));
  await officer.post('/api/ledger/aggregates', { direction: 'inbound', who: 'visitor', count: 40, category: 'all_purposes', countryCode: 'US', startDate: '1981-01-01', endDate: '1981-12-31', sourceDocument: 'Yearbook 1981', unitId: t.units.b });
  await officer.post('/api/ledger/aggregates', { direction: 'outbound', who: 'staff', count: 500, category: 'all_purposes', countryCode: 'FR', startDate: '1982-01-01', endDate: '1982-12-31', sourceDocument: 'Yearbook 1982' });
});
afterAll(async () => t?.close());

describe('the inbound report', () => {
  it('counts person-times and distinct persons over the ledger, aggregates included, with the leading countries and regions', async () => {
    const report = await getInboundReport(systemContext(t.db), { since: '1980-01-01', until: '1989-12-31' });
    expect(report).toMatchObject({ since: '1980-01-01', until: '1989-12-31', personTimes: 46, distinctPersons: 4, aggregatePersonTimes: 40, countriesAndRegions: 4, countries: 4 });
    expect(report.topCountries.map((c) => [c.code, c.personTimes, c.distinctPersons])).toEqual([
      ['US', 40, 0],
      ['FR', 4, 2],
      ['BE', 1, 1],
      ['JP', 1, 1],
    ]);
    expect(report.topCountries[1]).toMatchObject({ nameEn: 'France', nameZh: '法国', nameFr: 'France', isRegion: false });
    const top2 = await getInboundReport(systemContext(t.db), { since: '1980-01-01', until: '1989-12-31', top: 2 });
    expect(top2.topCountries.map((c) => c.code)).toEqual(['US', 'FR']);
  });

  it('gives the same totals as GET /api/ledger/totals for the same period', async () => {
    const report = await getInboundReport(systemContext(t.db), { since: '1980-01-01', until: '1990-12-31' });
    const totals = (await (await t.as('viewer')).get('/api/ledger/totals?direction=inbound&from=1980-01-01&to=1990-12-31')).json();
    const { since: _s, until: _u, topCountries: _c, ...figures } = report;
    expect(figures).toEqual(totals);
    expect(figures).toMatchObject({ personTimes: 47, distinctPersons: 4 });
  });

  it('keeps a coordinator to their unit\u2019s person-times', async () => {
    const coordinatorA = { ...SYSTEM_ACTOR, role: 'coordinator' as const, unitId: t.units.a };
    const report = await getInboundReport(requestContext(coordinatorA, t.db), { since: '1980-01-01', until: '1989-12-31' });
    expect(report).toMatchObject({ personTimes: 5, distinctPersons: 3, aggregatePersonTimes: 0 });
  });
});

describe('interchange report inbound', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/interchange.js', 'report', 'inbound', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

  it('describes its options', () => {
    const help = run('--help');
    for (const option of ['--since', '--until', '--top', '--format', '--lang']) expect(help.stdout).toContain(option);
  });

  it('names a bad option on stderr and exits with 1, before opening any database', () => {
    const bad = run('--since', 'the eighties');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--since: "the eighties" is not a year or a date');
    expect(run('--format', 'xml').stderr).toContain('--format');
  });
});
