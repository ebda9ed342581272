import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { agreementBody, appointmentBody, conferenceBody, institutionBody, missionBody, personBody, visitBody } from '../test/factories.ts';
import type { AgreementInput } from '../../shared/contracts/agreements.ts';
import type { Figure, FigureKey, FigureSet } from '../../shared/contracts/reports.ts';
import type { VisitInput } from '../../shared/contracts/visits.ts';
import { DISTINCT_FIGURES } from '../../shared/figure-groups.ts';

/**
 * The figures on a hand-made school whose answers are known, on 30 June 2025 (D):
 * - universities: U1 (FR, unit A), U2 (FR, institutional), U3 (HK, unit B), U4 (JP, its agreement
 *   expires on D: counted on D, not on 1 July); WHO has a working arrangement.
 * - experts: E1 (two titles, unit A) and E2 (unit B), in force on D.
 * - conferences: closed (A), held (B), proposed (A), held after D (A).
 * - visits: Chirac and an aide, head of state, from 31 Dec 1999 to 2 Jan 2000 (A: two
 *   person-times in 1999, the year the stay started); an aide in 2024 (B); a request (A, never
 *   held); one in 1979 (A, before the count starts); and an aggregate of 40 in 1985 (B).
 * - missions: two staff abroad in October 2024 (A), a request never approved (A), 30 staff in
 *   1960 as an aggregate (B), 5 in 1953 (B, before the count starts).
 */
const D = '2025-06-30';
let t: TestServer;
let officer: Client;

async function activeAgreement(partners: number[], overrides: Partial<AgreementInput> = {}): Promise<void> {
  let row = (await officer.post('/api/agreements', agreementBody(partners, { signedOn: '2020-01-01', effectiveOn: '2020-01-01', ...overrides }))).json();
  for (const to of ['under_review', 'approved', 'signed', 'active']) {
    const response = await officer.post(`/api/agreements/${row.id}/transitions`, { to, on: '2020-01-01', version: row.version });
    expect(response.statusCode, response.body).toBe(200);
    row = response.json();
  }
}

async function heldVisit(unitId: number, members: number[], overrides: Partial<VisitInput>): Promise<void> {
  let row = (await officer.post('/api/visits', visitBody(unitId, members, overrides))).json();
  row = (await officer.post(`/api/visits/${row.id}/transitions`, { to: 'approved', version: row.version })).json();
  const held = await officer.post(`/api/visits/${row.id}/transitions`, { to: 'held', on: overrides.startDate, version: row.version });
  expect(held.statusCode, held.body).toBe(200);
}

async function conference(unitId: number, startDate: string, steps: Array<{ to: string; on?: string; summary?: string }>): Promise<void> {
  let row = (await officer.post('/api/conferences', conferenceBody(unitId, { startDate, endDate: startDate }))).json();
  for (const step of steps) {
    const response = await officer.post(`/api/conferences/${row.id}/transitions`, { ...step, version: row.version });
    expect(response.statusCode, response.body).toBe(200);
    row = response.json();
  }
}

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  const institution = async (overrides: Parameters<typeof institutionBody>[0]) => (await officer.post('/api/institutions', institutionBody(overrides))).json().id as number;
  const [u1, u2, u3, u4] = [await institution({ countryCode: 'FR' }), await institution({ countryCode: 'FR' }), await institution({ countryCode: 'HK' }), await institution({ countryCode: 'JP' })];
  const who = await institution({ kind: 'international_organization', nameEn: 'World Health Organization', nameZh: '世界卫生组织', countryCode: 'CH' });
  await activeAgreement([u1], { level: 'collegiate', unitId: t.units.a });
  await activeAgreement([u2]);
  await activeAgreement([u3], { level: 'collegiate', unitId: t.units.b });
  await activeAgreement([u4], { expiresOn: D });
  await activeAgreement([who], { kind: 'working_arrangement' });

  const person = async (overrides: Parameters<typeof personBody>[0]) => (await officer.post('/api/people', personBody(overrides))).json().id as number;
  const appoint = async (personId: number, unitId: number, title: 'consultant' | 'visiting_professor') => {
    const row = (await officer.post('/api/appointments', appointmentBody(personId, unitId, { title }))).json();
    const response = await officer.post(`/api/appointments/${row.id}/transitions`, { to: 'appointed', version: row.version });
    expect(response.statusCode, response.body).toBe(200);
  };
  const [e1, e2] = [await person({ unitId: t.units.a }), await person({ unitId: t.units.b, nationality: 'DE' })];
  await appoint(e1, t.units.a, 'consultant');
  await appoint(e1, t.units.a, 'visiting_professor');
  await appoint(e2, t.units.b, 'visiting_professor');

  await conference(t.units.a, '2024-05-10', [{ to: 'approved' }, { to: 'held', on: '2024-05-10' }, { to: 'closed', on: '2024-06-20', summary: 'Done.' }]);
  await conference(t.units.b, '2025-03-01', [{ to: 'approved' }, { to: 'held', on: '2025-03-01' }]);
  await conference(t.units.a, '2025-04-01', []);
  await conference(t.units.a, '2025-07-05', [{ to: 'approved' }, { to: 'held', on: '2025-07-05' }]);

  const chirac = await person({ familyName: 'Chirac', givenName: 'Jacques', nameZh: '希拉克', gender: 'male', title: 'President of the French Republic', unitId: t.units.a });
  const aide = await person({ familyName: 'Dupont', givenName: 'Marc', gender: 'male', unitId: t.units.a });
  await heldVisit(t.units.a, [chirac, aide], { startDate: '1999-12-31', endDate: '2000-01-02', protocolLevel: 'head_of_state_or_government' });
  await heldVisit(t.units.b, [aide], { startDate: '2024-05-10', endDate: '2024-05-11' });
  await heldVisit(t.units.a, [aide], { startDate: '1979-12-30', endDate: '1979-12-31' });
  await officer.post('/api/visits', visitBody(t.units.a, [aide], { startDate: '2025-01-10', endDate: '2025-01-11' }));
  const aggregate = await officer.post('/api/ledger/aggregates', { direction: 'inbound', who: 'visitor', count: 40, category: 'all_purposes', countryCode: 'US', startDate: '1985-01-01', endDate: '1985-12-31', sourceDocument: 'Yearbook 1985', unitId: t.units.b });
  expect(aggregate.statusCode, aggregate.body).toBe(201);

  const [s1, s2] = [await person({ nationality: 'CN', unitId: t.units.a }), await person({ nationality: 'CN', unitId: t.units.a })];
  let mission = (await officer.post('/api/missions', missionBody(t.units.a, [s1, s2], { startDate: '2024-10-08', endDate: '2024-10-12' }))).json();
  for (const step of [{ to: 'approved', approvalDocumentNo: 'SJTUSM-2024-1' }, { to: 'travelled', on: '2024-10-08' }]) {
    const response = await officer.post(`/api/missions/${mission.id}/transitions`, { ...step, version: mission.version });
    expect(response.statusCode, response.body).toBe(200);
    mission = response.json();
  }
  expect((await officer.post('/api/missions', missionBody(t.units.a, [s1], { startDate: '2025-01-10', endDate: '2025-01-11' }))).statusCode).toBe(201);
  for (const [count, year] of [[30, 1960], [5, 1953]] as const) {
    const outbound = await officer.post('/api/ledger/aggregates', { direction: 'outbound', who: 'staff', count, category: 'all_purposes', startDate: `${year}-01-01`, endDate: `${year}-12-31`, sourceDocument: `Annual return ${year}`, unitId: t.units.b });
    expect(outbound.statusCode, outbound.body).toBe(201);
  }
}, 120_000);
afterAll(async () => t?.close());

async function figures(c: Client, query = `asOf=${D}`): Promise<Record<FigureKey, Figure>> {
  const response = await c.get(`/api/reports/figures?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const set = response.json<FigureSet>();
  return Object.fromEntries(set.figures.map((f) => [f.key, f])) as Record<FigureKey, Figure>;
}

/** Every item of a list, page after page. */
async function allItems(c: Client, api: string): Promise<{ total: number; items: Array<Record<string, unknown>> }> {
  const items: Array<Record<string, unknown>> = [];
  for (let page = 1; ; page++) {
    const response = await c.get(`${api}${api.includes('?') ? '&' : '?'}pageSize=200&page=${page}`);
    expect(response.statusCode, `${api}: ${response.body}`).toBe(200);
    const body = response.json<{ total: number; items: Array<Record<string, unknown>> }>();
    items.push(...body.items);
    if (items.length >= body.total || !body.items.length) return { total: body.total, items };
  }
}

describe('the figures', () => {
  it('counts each figure on the hand-made school, as of a date', async () => {
    const f = await figures(await t.as('viewer'));
    expect(f['partners.universities']).toMatchObject({ value: 4, counts: 'institutions', asOf: D });
    expect(f['partners.countriesAndRegions']).toMatchObject({ value: 3, counts: 'countries_and_regions' });
    expect(f['partners.countriesAndRegions'].items!.map((i) => i.key).sort()).toEqual(['FR', 'HK', 'JP']);
    expect(f['organizations.workingArrangements'].value).toEqual(['World Health Organization']);
    expect(f['experts.engaged']).toMatchObject({ value: 2, counts: 'persons' });
    expect(f['conferences.hosted']).toMatchObject({ value: 2, counts: 'records', to: D });
    expect(f['inbound.personTimesSince1980']).toMatchObject({ value: 43, counts: 'person_times', from: '1980-01-01', to: D });
    expect(f['inbound.notableVisitors'].value).toEqual(['Jacques Chirac']);
    expect(f['outbound.personTimesSince1954']).toMatchObject({ value: 32, counts: 'person_times', from: '1954-01-01', to: D, filters: { who: 'staff' } });
    expect((await figures(await t.as('viewer'), 'asOf=2024-10-07'))['outbound.personTimesSince1954'].value).toBe(30);
    expect(f['inbound.notableVisitors'].items![0]).toMatchObject({ nameEn: 'Jacques Chirac', nameZh: '希拉克', title: 'President of the French Republic' });
  });

  it('counts an agreement expiring today today, not tomorrow; a conference from its first day', async () => {
    const next = await figures(await t.as('viewer'), 'asOf=2025-07-01');
    expect(next['partners.universities'].value).toBe(3);
    expect(next['partners.countriesAndRegions'].value).toBe(2);
    expect((await figures(await t.as('viewer'), 'asOf=2025-07-05'))['conferences.hosted'].value).toBe(3);
  });

  it('counts the exchanges of the last complete academic year: none here, 0 with the list of none (exchanges.test.ts has them)', async () => {
    const f = await figures(await t.as('viewer'));
    for (const key of ['exchange.studentsPerYear', 'exchange.universities', 'exchange.countries'] as const)
      expect(f[key], key).toMatchObject({ value: 0, from: '2023-09-01', to: '2024-08-31', records: { api: expect.stringContaining('/api/exchange-applications?counted=true') } });
  });

  it('counts person-times, not persons: the visit spanning New Year counts twice in 1999, the year it started', async () => {
    const series = (await (await t.as('viewer')).get('/api/reports/series?from=1999&to=2000')).json();
    expect(series).toEqual([
      { year: 1999, inbound: 2, outbound: 0, agreementsInForce: 0 },
      { year: 2000, inbound: 0, outbound: 0, agreementsInForce: 0 },
    ]);
    const totals = (await (await t.as('viewer')).get(`/api/ledger/totals?direction=inbound&from=1980-01-01&to=${D}`)).json();
    expect(totals).toMatchObject({ personTimes: 43, distinctPersons: 2 });
  });

  it('confines a coordinator to their unit, and lets the office ask for one unit', async () => {
    const a = await figures(await t.as('coordinatorA'));
    expect(a['partners.universities'].value).toBe(1);
    expect(a['experts.engaged'].value).toBe(1);
    expect(a['conferences.hosted'].value).toBe(1);
    expect(a['inbound.personTimesSince1980'].value).toBe(2);
    expect(a['outbound.personTimesSince1954'].value).toBe(2);
    expect(a['inbound.notableVisitors'].value).toEqual(['Jacques Chirac']);
    expect(a['partners.universities'].filters).toEqual({ unitId: t.units.a });
    // Asking for unit B does not take coordinator A out of their unit.
    expect((await figures(await t.as('coordinatorA'), `asOf=${D}&unitId=${t.units.b}`))['inbound.personTimesSince1980'].value).toBe(2);
    const b = await figures(officer, `asOf=${D}&unitId=${t.units.b}`);
    expect(b['inbound.personTimesSince1980'].value).toBe(41);
    expect(b['outbound.personTimesSince1954'].value).toBe(30);
    expect(b['conferences.hosted'].value).toBe(1);
    expect(b['inbound.notableVisitors'].value).toEqual([]);
  });

  for (const role of ['viewer', 'coordinatorA'] as const) {
    it(`leads from each figure to a list whose records are exactly the ones it counts (${role})`, async () => {
      const c = await t.as(role);
      const f = await figures(c);
      const followed = async (key: FigureKey) => {
        expect(f[key].records, key).not.toBeNull();
        return allItems(c, f[key].records!.api);
      };
      expect((await followed('partners.universities')).total).toBe(f['partners.universities'].value);
      expect(new Set((await followed('partners.countriesAndRegions')).items.map((i) => i.countryCode)).size).toBe(f['partners.countriesAndRegions'].value);
      const arrangements = (await followed('organizations.workingArrangements')).items;
      expect(new Set(arrangements.flatMap((a) => (a.partners as Array<{ institutionId: number }>).map((p) => p.institutionId))).size).toBe((f['organizations.workingArrangements'].value as string[]).length);
      // An expert with two titles is one expert and two appointments.
      expect(new Set((await followed('experts.engaged')).items.map((i) => i.personId)).size).toBe(f['experts.engaged'].value);
      expect((await followed('conferences.hosted')).total).toBe(f['conferences.hosted'].value);
      const ledger = await followed('inbound.personTimesSince1980');
      expect(ledger.items.reduce((sum, row) => sum + (row.count as number), 0)).toBe(f['inbound.personTimesSince1980'].value);
      const outbound = await followed('outbound.personTimesSince1954');
      expect(outbound.items.reduce((sum, row) => sum + (row.count as number), 0)).toBe(f['outbound.personTimesSince1954'].value);
      expect((await followed('inbound.notableVisitors')).total).toBe((f['inbound.notableVisitors'].value as string[]).length);
      // No programme here: nobody placed, and no share of nobody (programme-figures.test.ts has the programme).
      expect((await followed('programme.residencyPlaced')).total).toBe(f['programme.residencyPlaced'].value);
      expect(f['programme.residencyShare']).toMatchObject({ value: null, counts: 'share' });
      expect((await followed('exchange.studentsPerYear')).total).toBe(f['exchange.studentsPerYear'].value);
      expect(new Set((await followed('exchange.universities')).items.map((i) => i.hostInstitutionId)).size).toBe(f['exchange.universities'].value);
      expect(new Set((await followed('exchange.countries')).items.map((i) => (i.hostInstitution as { countryCode: string }).countryCode)).size).toBe(f['exchange.countries'].value);
      // The page takes the same query as the API (the organizations page reads the date alone), and
      // a figure that counts distinct things asks the page to group the records by them.
      for (const figure of Object.values(f))
        if (figure.records && figure.key !== 'organizations.workingArrangements') {
          const page = new URL(figure.records.page, 'http://x').searchParams;
          expect(page.get('groupBy'), figure.key).toBe(DISTINCT_FIGURES[figure.key] ?? null);
          page.delete('groupBy');
          expect(page.toString(), figure.key).toBe(new URL(figure.records.api, 'http://x').searchParams.toString());
        }
    });
  }
});

describe('the fact sheet', () => {
  const sheet = async (query: string) => {
    const response = await officer.get(`/api/reports/factsheet?asOf=${D}&${query}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response;
  };

  it('gives the flat figures of the issue as JSON', async () => {
    const body = (await sheet('format=json')).json();
    expect(body.figures).toMatchObject({ 'partners.universities': 4, 'partners.countriesAndRegions': 3, 'experts.engaged': 2, 'conferences.hosted': 2, 'inbound.personTimesSince1980': 43, 'outbound.personTimesSince1954': 32, 'exchange.countries': 0 });
  });

  it('writes the figures in English, Chinese and French, and says what is not available yet', async () => {
    const en = (await sheet('format=md&lang=en')).body;
    expect(en).toContain('[4 universities](/partners?asOf=2025-06-30&kind=university)');
    expect(en).toContain('3 countries and regions');
    expect(en).toContain('France, Hong Kong');
    expect(en).toContain('[about 40 (person-times)](/ledger?direction=inbound&from=1980-01-01&to=2025-06-30)');
    expect(en).toContain('President of the French Republic Jacques Chirac (希拉克)');
    expect(en).toContain('the World Health Organization');
    expect(en).toContain('[about 30 (person-times)](/ledger?direction=outbound&who=staff&from=1954-01-01&to=2025-06-30) experts and professionals abroad');
    expect(en).not.toMatch(/\b0 (foreign students|students)/);
    const zh = (await sheet('format=md&lang=zh')).body;
    expect(zh).toContain('4所大学');
    expect(zh).toContain('约40人次');
    expect(zh).toContain('学校共派出专家和专业人员[约30人次]');
    expect(zh).toContain('希拉克（Jacques Chirac）');
    expect(zh).toContain('世界卫生组织');
    expect(zh).toContain('暂无数据');
    const fr = (await sheet('format=md&lang=fr')).body;
    expect(fr).toContain('4 universités');
    expect(fr).toContain('environ 40 visites');
    expect(fr).toContain('effectué [environ 30 déplacements]');
    expect(fr).toContain('pas encore disponible');
  });

  it('is a standalone HTML page whose every figure links to its records page', async () => {
    const response = await sheet('format=html&lang=en');
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toMatch(/^<!doctype html>/);
    expect(response.body).toContain('<a href="/conferences?counted=true&amp;to=2025-06-30" data-figure="conferences.hosted">2 international academic conferences</a>');
    expect(response.body).toContain('data-figure="experts.engaged"');
    // shown in place, and saved under its own name, not the address's "factsheet.html"
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="factsheet-\d{4}-\d{2}-\d{2}-en\.html"$/);
  });

  it('is a PDF whose Chinese text can be extracted', async () => {
    const response = await sheet('format=pdf&lang=zh');
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'factsheet-'));
    writeFileSync(join(dir, 'zh.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'zh.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('所大学');
    expect(text).toContain('希拉克');
  });

  it('ends its PDF, in each language, with a note true of the PDF: no word of links its figures do not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factsheet-'));
    const linksSentence = { en: 'Every figure links', zh: '每个数字均链接', fr: 'Chaque chiffre renvoie' } as const;
    for (const lang of ['en', 'zh', 'fr'] as const) {
      writeFileSync(join(dir, `${lang}.pdf`), (await sheet(`format=pdf&lang=${lang}`)).rawPayload);
      const text = execFileSync('pdftotext', [join(dir, `${lang}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text, lang).not.toContain(linksSentence[lang]);
      // The HTML, whose figures are links, still says so.
      expect((await sheet(`format=html&lang=${lang}`)).body, lang).toContain(linksSentence[lang]);
    }
  });
});

describe('the year in review and the breakdowns', () => {
  it('gives the academic year\u2019s flows and year-end states beside the previous year\u2019s', async () => {
    const review = (await officer.get('/api/reports/year-in-review?year=1999&format=json')).json();
    expect(review.period).toMatchObject({ from: '1999-09-01', to: '2000-08-31' });
    const byKey = Object.fromEntries(review.figures.map((f: { key: string }) => [f.key, f]));
    expect(byKey['inbound.personTimes']).toMatchObject({ value: 2, previous: 0, change: 2 });
    expect(byKey['outbound.personTimes']).toMatchObject({ value: 0, previous: 0, change: 0 });
    const y2024 = Object.fromEntries((await officer.get('/api/reports/year-in-review?year=2024&format=json')).json().figures.map((f: { key: string }) => [f.key, f]));
    // 1 March 2025 and 5 July 2025 (held, after the fact sheet's date but within the year); the year before, May 2024.
    expect(y2024['outbound.personTimes']).toMatchObject({ value: 2, previous: 0, change: 2, records: { api: '/api/ledger?direction=outbound&who=staff&from=2024-09-01&to=2025-08-31' } });
    expect(y2024['conferences.held']).toMatchObject({ value: 2, previous: 1, change: 1 });
    // U4's agreement expired on 30 June 2025, before the year's end.
    expect(y2024['partners.universities']).toMatchObject({ value: 3, previous: 4, change: -1 });
    expect(y2024['experts.engaged']).toMatchObject({ value: 2, previous: 2, change: 0 });
    const md = (await officer.get('/api/reports/year-in-review?year=1999&format=md&lang=zh')).body;
    expect(md).toContain('来访（人次）：[2]');
    const html = await officer.get('/api/reports/year-in-review?year=1999&format=html&lang=fr');
    expect(html.headers['content-disposition']).toBe('inline; filename="year-in-review-1999-fr.html"');
  });

  it('breaks person-times down by country, as JSON and as a spreadsheet', async () => {
    const rows = (await officer.get('/api/reports/breakdown?by=country&direction=inbound&from=1980-01-01')).json();
    expect(rows).toEqual([{ key: 'US', personTimes: 40 }, { key: 'FR', personTimes: 3 }]);
    const csv = await officer.get('/api/reports/breakdown?by=country&direction=inbound&from=1980-01-01&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('US,40');
  });
});
