import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody } from '../../test/factories.ts';

let t: TestServer;
let officer: Client;
let lyon = 0;
let serial = 0;

async function auditRows(entity: string, id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number | null; after: unknown }>(
    'SELECT action, unit_id, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id',
    [entity, String(id)],
  );
  return rows;
}
const ledgerRows = async (applicationId: number) =>
  (await t.db.query<{ direction: string; who: string; category: string; country_code: string; start_date: string }>(
    `SELECT direction, who, category, country_code, start_date FROM ledger WHERE source_module = 'exchange_application' AND source_id = $1`,
    [applicationId],
  )).rows;

async function opportunity(overrides: Record<string, unknown> = {}, c: Client = officer) {
  const response = await c.post('/api/exchange-opportunities', { titleEn: `Exchange ${++serial}`, kind: 'short_term_training', hostInstitutionId: lyon, places: 2, academicYear: 2024, unitId: t.units.a, ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number };
}
async function person(unitId = t.units.a1) {
  return (await officer.post('/api/people', personBody({ familyName: 'Zhang', givenName: `Wei ${++serial}`, nameZh: '张伟', unitId }))).json().id as number;
}
async function apply(opportunityId: number, personId: number, score: number | null, appliedOn = '2024-03-01', c: Client = officer) {
  const response = await c.post('/api/exchange-applications', { opportunityId, personId, appliedOn, score, languageCertificate: 'IELTS 7.0' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number };
}
async function step(id: number, to: string, on?: string) {
  const current = (await officer.get(`/api/exchange-applications/${id}`)).json();
  return officer.post(`/api/exchange-applications/${id}/transitions`, { to, version: current.version, ...(on ? { on } : {}) });
}
/** Selected, nominated and departed on `on`. */
async function send(id: number, on: string) {
  for (const to of ['selected', 'nominated']) expect((await step(id, to)).statusCode).toBe(200);
  const r = await step(id, 'departed', on);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  lyon = (await officer.post('/api/institutions', institutionBody({ nameEn: 'Université Claude Bernard Lyon 1', countryCode: 'FR' }))).json().id;
});
afterAll(async () => t?.close());

describe('opportunities', () => {
  it('records one (201), audited with its unit; refuses bad input (400), an unknown host (400), a stale version (409)', async () => {
    const o = await opportunity();
    expect((await auditRows('exchange_opportunity', o.id))).toEqual([expect.objectContaining({ action: 'create', unit_id: t.units.a })]);
    expect((await officer.post('/api/exchange-opportunities', { titleEn: 'x', kind: 'gap_year', hostInstitutionId: lyon, places: 1, academicYear: 2024, unitId: t.units.a })).statusCode).toBe(400);
    const unknown = await officer.post('/api/exchange-opportunities', { titleEn: 'x', kind: 'summer_school', hostInstitutionId: 999999, places: 1, academicYear: 2024, unitId: t.units.a });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([expect.objectContaining({ field: 'hostInstitutionId' })]);
    expect((await officer.patch(`/api/exchange-opportunities/${o.id}`, { places: 3, version: o.version })).json()).toMatchObject({ places: 3, version: 2 });
    expect((await officer.patch(`/api/exchange-opportunities/${o.id}`, { places: 4, version: o.version })).statusCode).toBe(409);
    expect((await officer.get('/api/exchange-opportunities/999999')).statusCode).toBe(404);
  });

  it('records the field of education (ISCED-F) of an opportunity and a student’s field and EQF level on an application, audited; refuses a malformed one on its field, in the user’s language', async () => {
    const o = await opportunity({ iscedFCode: '0912' });
    const created = (await officer.get(`/api/exchange-opportunities/${o.id}`)).json();
    expect(created.iscedFCode).toBe('0912');
    const changed = await officer.patch(`/api/exchange-opportunities/${o.id}`, { iscedFCode: '0913', version: created.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().iscedFCode).toBe('0913');
    expect((await auditRows('exchange_opportunity', o.id)).at(-1)).toMatchObject({ action: 'update', after: expect.objectContaining({ iscedFCode: '0913' }) });
    const bad = await officer.post('/api/exchange-opportunities', { titleEn: 'x', kind: 'summer_school', hostInstitutionId: lyon, places: 1, academicYear: 2024, unitId: t.units.a, iscedFCode: '912' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'iscedFCode' })]);
    const studentId = await person();
    const made = await officer.post('/api/exchange-applications', { opportunityId: o.id, personId: studentId, appliedOn: '2024-03-01', iscedFCode: '0912', eqfLevel: 6 });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ iscedFCode: '0912', eqfLevel: 6 });
    const raised = await officer.patch(`/api/exchange-applications/${made.json().id}`, { eqfLevel: 7, version: made.json().version });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ iscedFCode: '0912', eqfLevel: 7 });
    expect((await auditRows('exchange_application', made.json().id)).at(-1)).toMatchObject({ action: 'update', after: expect.objectContaining({ eqfLevel: 7 }) });
    const tooHigh = await officer.patch(`/api/exchange-applications/${made.json().id}`, { eqfLevel: 9, version: raised.json().version }, { 'accept-language': 'fr' });
    expect(tooHigh.statusCode).toBe(400);
    const english = await officer.patch(`/api/exchange-applications/${made.json().id}`, { eqfLevel: 9, version: raised.json().version });
    expect(tooHigh.json().error.fields).toEqual([expect.objectContaining({ field: 'eqfLevel', message: expect.stringMatching(/^eqfLevel/) })]);
    // the same refusal, worded in French for a French reader
    expect(tooHigh.json().error.fields[0].message).not.toBe(english.json().error.fields[0].message);
    expect((await officer.get(`/api/exchange-applications/${made.json().id}`)).json().eqfLevel).toBe(7);
  });

  it('confines a coordinator to their unit by every path', async () => {
    const a = await t.as('coordinatorA');
    const b = await t.as('coordinatorB');
    const o = await opportunity();
    expect((await b.get(`/api/exchange-opportunities/${o.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/exchange-opportunities/${o.id}`, { places: 9, version: o.version })).statusCode).toBe(404);
    expect((await b.post('/api/exchange-opportunities', { titleEn: 'B for A', kind: 'summer_school', hostInstitutionId: lyon, places: 1, academicYear: 2024, unitId: t.units.a })).statusCode).toBe(400);
    const app = await apply(o.id, await person(), 80, '2024-03-01', a);
    expect((await b.get(`/api/exchange-applications/${app.id}`)).statusCode).toBe(404);
    expect((await b.post(`/api/exchange-applications/${app.id}/transitions`, { to: 'withdrawn', version: app.version })).statusCode).toBe(404);
    expect((await b.post('/api/exchange-applications', { opportunityId: o.id, personId: await person(t.units.b), appliedOn: '2024-03-01' })).statusCode).toBe(400);
    expect((await b.get('/api/exchange-applications')).json().items.map((i: { id: number }) => i.id)).not.toContain(app.id);
    // Selection is the office's.
    expect((await a.post(`/api/exchange-opportunities/${o.id}/allocation`, {})).statusCode).toBe(403);
  });
});

describe('applications and the allocation', () => {
  it('allocates the places by score, then the earlier application; waitlists the rest; passes over a student selected elsewhere that year; audits each', async () => {
    const o = await opportunity({ places: 2 });
    const other = await opportunity({ places: 1 });
    const [p1, p2, p3, p4] = [await person(), await person(), await person(), await person()];
    const best = await apply(o.id, p1, 95);
    const tieEarly = await apply(o.id, p2, 90, '2024-02-01');
    const tieLate = await apply(o.id, p3, 90, '2024-02-15');
    const elsewhere = await apply(o.id, p4, 99);
    const p4other = await apply(other.id, p4, 70);
    expect((await step(p4other.id, 'selected')).statusCode).toBe(200);
    const r = await officer.post(`/api/exchange-opportunities/${o.id}/allocation`, { on: '2024-04-01' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ opportunityId: o.id, places: 2, selected: [best.id, tieEarly.id], waitlisted: [tieLate.id], skipped: [elsewhere.id] });
    expect((await officer.get(`/api/exchange-applications/${tieLate.id}`)).json()).toMatchObject({ status: 'waitlisted', decidedOn: '2024-04-01' });
    expect(await auditRows('exchange_application', best.id)).toEqual([expect.objectContaining({ action: 'create' }), expect.objectContaining({ action: 'update', unit_id: t.units.a })]);
    expect((await auditRows('exchange_opportunity', o.id)).at(-1)!.after).toMatchObject({ allocation: { selected: [best.id, tieEarly.id] } });
    // Full: a waitlisted student is selected only when a place frees up.
    expect((await step(tieLate.id, 'selected')).json().error).toMatchObject({ code: 'exchange_places_full' });
    expect((await step(tieEarly.id, 'withdrawn')).statusCode).toBe(200);
    expect((await step(tieLate.id, 'selected')).statusCode).toBe(200);
    // One a year: the student selected elsewhere cannot be selected here too.
    expect((await step(elsewhere.id, 'selected')).json().error).toMatchObject({ code: 'exchange_already_selected' });
    // The same student twice on one opportunity: 409.
    expect((await officer.post('/api/exchange-applications', { opportunityId: o.id, personId: p1, appliedOn: '2024-03-01' })).statusCode).toBe(409);
    expect((await step(best.id, 'returned')).statusCode).toBe(400);
  });

  it('decides no application before it was made: the step, the allocation and an edit of the date are refused on the field, in the user’s language', async () => {
    const o = await opportunity({ places: 1 });
    const a = await apply(o.id, await person(), 80, '2024-03-10');
    const early = await step(a.id, 'rejected', '2024-03-09');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ field: 'on', message: 'on: is before the student applied' }]);
    const allocation = await officer.post(`/api/exchange-opportunities/${o.id}/allocation`, { on: '2024-03-01' }, { 'accept-language': 'zh' });
    expect(allocation.statusCode).toBe(400);
    expect(allocation.json().error.fields).toEqual([{ field: 'on', message: expect.stringContaining('早于学生提交申请') }]);
    expect((await officer.get(`/api/exchange-applications/${a.id}`)).json()).toMatchObject({ status: 'submitted', decidedOn: null });
    expect((await step(a.id, 'rejected', '2024-03-10')).statusCode).toBe(200);
    const current = (await officer.get(`/api/exchange-applications/${a.id}`)).json();
    const edit = await officer.patch(`/api/exchange-applications/${a.id}`, { appliedOn: '2024-03-11', version: current.version }, { 'accept-language': 'fr' });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.fields).toEqual([{ field: 'appliedOn', message: expect.stringContaining('postérieure à la décision') }]);
  });

  it('writes one outbound student person-time once departed, none after a withdrawal; exports in en/zh/fr', async () => {
    const o = await opportunity({ kind: 'joint_graduate', places: 3, academicYear: 2025 });
    const a = await apply(o.id, await person(), 88);
    await send(a.id, '2025-09-15');
    expect(await ledgerRows(a.id)).toEqual([{ direction: 'outbound', who: 'student', category: 'joint_graduate_programme', country_code: 'FR', start_date: '2025-09-15' }]);
    const b = await apply(o.id, await person(), 80);
    for (const to of ['selected', 'nominated', 'withdrawn']) expect((await step(b.id, to)).statusCode).toBe(200);
    expect(await ledgerRows(b.id)).toEqual([]);
    const csv = await officer.get(`/api/exchange-applications?format=csv&opportunityId=${o.id}`, { 'accept-language': 'zh' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('接收院校');
    expect(csv.body).toContain('已出国');
    const xlsx = await officer.get(`/api/exchange-applications?format=xlsx&opportunityId=${o.id}`, { 'accept-language': 'fr' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).values).toContain('Établissement d’accueil');
    expect(book.worksheets[0]!.rowCount).toBe(3);
  });
});

describe('the exchange figures', () => {
  it('count the last complete academic year: Aug 31 and Sept 1 fall in different years, a Hong Kong host is a university but not a country, a withdrawn student is not counted', async () => {
    // Units of their own, so that the other tests' exchanges stay out of the figures.
    const unit = async (code: string) => (await officer.post('/api/units', { code, kind: 'department', nameEn: code, nameZh: code, parentId: t.units.root })).json().id as number;
    const [x, y] = [await unit('EXF'), await unit('EXG')];
    const o = officer;
    const inst = async (nameEn: string, countryCode: string) => (await o.post('/api/institutions', institutionBody({ nameEn, countryCode }))).json().id as number;
    const [paris, hk, tokyo] = [await inst('Sorbonne', 'FR'), await inst('HKU', 'HK'), await inst('Todai', 'JP')];
    const opp = async (host: number, year: number, unitId = x) => (await o.post('/api/exchange-opportunities', { titleEn: `E${++serial}`, kind: 'semester_exchange', hostInstitutionId: host, places: 10, academicYear: year, unitId })).json().id as number;
    const go = async (oppId: number, on: string | null, unitId = x) => {
      const pid = (await o.post('/api/people', personBody({ unitId }))).json().id;
      let a = (await o.post('/api/exchange-applications', { opportunityId: oppId, personId: pid, appliedOn: '2024-01-10', score: 70 })).json();
      for (const to of ['selected', 'nominated', ...(on ? ['departed'] : ['withdrawn'])]) {
        const r = await o.post(`/api/exchange-applications/${a.id}/transitions`, { to, version: a.version, ...(to === 'departed' ? { on } : {}) });
        expect(r.statusCode, r.body).toBe(200);
        a = r.json();
      }
    };
    const [p24, hk24, tk23, p25] = [await opp(paris, 2024), await opp(hk, 2024), await opp(tokyo, 2023), await opp(paris, 2025)];
    await go(p24, '2024-09-01'); // first day of 2024–25: counted
    await go(p24, '2025-08-31'); // last day of 2024–25: counted
    await go(hk24, '2025-03-01'); // a region: a university, not a country
    await go(tk23, '2024-08-31'); // the day before: 2023–24, not counted
    await go(p25, '2025-09-01'); // 2025–26: not over yet
    await go(hk24, null); // withdrawn before leaving: not counted
    const sheet = async (asOf: string, unitId = x) => (await o.get(`/api/reports/factsheet?format=json&asOf=${asOf}&unitId=${unitId}`)).json().figures;
    expect(await sheet('2025-11-28')).toMatchObject({ 'exchange.studentsPerYear': 3, 'exchange.universities': 2, 'exchange.countries': 1 });
    // On 31 August 2025 the year 2024–25 still runs: the figures are 2023–24's.
    expect(await sheet('2025-08-31')).toMatchObject({ 'exchange.studentsPerYear': 1, 'exchange.universities': 1, 'exchange.countries': 1 });
    // Another unit has none of them.
    expect(await sheet('2025-11-28', y)).toMatchObject({ 'exchange.studentsPerYear': 0, 'exchange.countries': 0 });
    // Each figure links to the applications it counts.
    const figures = (await o.get(`/api/reports/figures?asOf=2025-11-28&unitId=${x}`)).json().figures as Array<{ key: string; value: number; records: { api: string } }>;
    for (const key of ['exchange.studentsPerYear', 'exchange.universities', 'exchange.countries']) {
      const f = figures.find((g) => g.key === key)!;
      const items = (await o.get(`${f.records.api}&pageSize=200`)).json().items as Array<{ hostInstitutionId: number; hostInstitution: { countryCode: string } }>;
      const value = key.endsWith('studentsPerYear') ? items.length : key.endsWith('universities') ? new Set(items.map((i) => i.hostInstitutionId)).size : new Set(items.map((i) => i.hostInstitution.countryCode)).size;
      expect(value, key).toBe(f.value);
    }
    const en = (await o.get(`/api/reports/factsheet?format=md&lang=en&asOf=2025-11-28&unitId=${x}`, { 'accept-language': 'en' })).body;
    expect(en).toMatch(/Every year, \[about 3 students\]\([^)]*\) are sent to \[2 universities or colleges\]/);
  }, 240_000);
});
