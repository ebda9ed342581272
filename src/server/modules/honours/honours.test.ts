import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { institutionBody, personBody } from '../../test/factories.ts';
import type { HonourInput } from '../../../shared/contracts/honours.ts';

let t: TestServer;
let profA: number;
let profB: number;
let hku: number;

/** A valid honour body for a person, with overrides: a prize in 2010. */
function honourBody(personId: number, overrides: Partial<HonourInput> = {}): HonourInput {
  return { personId, kind: 'prize', nameEn: 'Kettering Prize', awardingBody: 'General Motors Cancer Research Foundation', countryCode: 'US', conferredOn: '2010-06-01', ...overrides };
}

async function auditRows(id: number) {
  const { rows } = await t.db.query<{ action: string; unit_id: number | null; before: unknown; after: unknown }>(
    `SELECT action, unit_id, before, after FROM audit_log WHERE entity = 'honour' AND entity_id = $1 ORDER BY id`,
    [String(id)],
  );
  return rows;
}

const countHonours = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM honours')).rows[0]!.n;

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  profA = (await officer.post('/api/people', personBody({ familyName: 'Wang', givenName: 'Zhen-yi', nameZh: '王振义', nationality: 'CN', unitId: t.units.a1 }))).json().id;
  profB = (await officer.post('/api/people', personBody({ familyName: 'Chen', givenName: 'Zhu', nameZh: '陈竺', nationality: 'CN', unitId: t.units.b }))).json().id;
  hku = (await officer.post('/api/institutions', institutionBody({ nameEn: 'University of Hong Kong', nameZh: '香港大学', countryCode: 'HK' }))).json().id;
});
afterAll(async () => t?.close());

describe('honours: records', () => {
  it('records an honour (201) under the person’s unit, with the holder’s names and the awarding institution, audited with its unit', async () => {
    const officer = await t.as('officer');
    const response = await officer.post('/api/honours', honourBody(profB, { kind: 'honorary_degree', nameEn: 'Honorary Doctor of Science', nameZh: '荣誉科学博士', awardingBody: null, awardingInstitutionId: hku, countryCode: 'HK', conferredOn: '2008-01-01', datePrecision: 'year', notable: true }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      personId: profB, unitId: t.units.b, kind: 'honorary_degree', notable: true, datePrecision: 'year', conferredOn: '2008-01-01',
      person: { familyName: 'Chen', nameZh: '陈竺' }, awardingInstitution: { nameEn: 'University of Hong Kong', nameZh: '香港大学' }, version: 1,
    });
    const audit = await auditRows(response.json().id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', unit_id: t.units.b, before: null, after: expect.objectContaining({ nameEn: 'Honorary Doctor of Science', personId: profB }) });
  });

  it('refuses bad input with 400 naming each field, in the caller’s language, and writes nothing', async () => {
    const officer = await t.as('officer');
    const before = await countHonours();
    const bad = await officer.post('/api/honours', { personId: profA, kind: 'knighthood', nameEn: '', conferredOn: '2010-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['conferredOn', 'kind', 'nameEn']);
    // A year-precision honour is stored on 1 January.
    const precision = await officer.post('/api/honours', honourBody(profA, { conferredOn: '1994-06-01', datePrecision: 'year' }), { 'accept-language': 'fr' });
    expect(precision.statusCode).toBe(400);
    expect(precision.json().error.fields).toEqual([{ field: 'conferredOn', message: expect.stringContaining('premier jour') }]);
    const nobody = await officer.post('/api/honours', honourBody(999999));
    expect(nobody.json().error.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
    const nowhere = await officer.post('/api/honours', honourBody(profA, { awardingInstitutionId: 999999 }));
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.fields).toEqual([expect.objectContaining({ field: 'awardingInstitutionId' })]);
    expect(await countHonours()).toBe(before);
  });

  it('refuses the same honour recorded twice for the same person (409 duplicate)', async () => {
    const officer = await t.as('officer');
    const body = honourBody(profA, { nameEn: 'CRB Prize', awardingBody: 'Fondation CRB', countryCode: 'CH', conferredOn: '1998-01-01', datePrecision: 'year' });
    expect((await officer.post('/api/honours', body)).statusCode).toBe(201);
    const again = await officer.post('/api/honours', { ...body, nameEn: 'crb prize' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate');
  });

  it('edits at the current version, 409 with the current record when stale; deletes, audited', async () => {
    const officer = await t.as('officer');
    const row = (await officer.post('/api/honours', honourBody(profA, { nameEn: 'Outstanding Doctor Prize', countryCode: 'FR', conferredOn: '1990-03-01', datePrecision: 'month' }))).json();
    const edited = await officer.patch(`/api/honours/${row.id}`, { notable: true, nameFr: 'Prix du médecin éminent', version: row.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ notable: true, nameFr: 'Prix du médecin éminent', conferredOn: '1990-03-01', datePrecision: 'month', version: 2 });
    // Changing the precision alone re-checks the stored date.
    const precision = await officer.patch(`/api/honours/${row.id}`, { datePrecision: 'year', version: 2 });
    expect(precision.statusCode).toBe(400);
    expect(precision.json().error.fields).toEqual([expect.objectContaining({ field: 'conferredOn' })]);
    const stale = await officer.patch(`/api/honours/${row.id}`, { notable: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ version: 2, notable: true });
    expect((await officer.delete(`/api/honours/${row.id}?version=1`)).statusCode).toBe(409);
    expect((await officer.delete(`/api/honours/${row.id}?version=2`)).statusCode).toBe(204);
    expect((await officer.get(`/api/honours/${row.id}`)).statusCode).toBe(404);
    expect((await auditRows(row.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('lets only the office and coordinators write; everyone signed in reads', async () => {
    const row = (await (await t.as('officer')).post('/api/honours', honourBody(profA, { nameEn: 'Read Prize' }))).json();
    for (const role of ['viewer', 'leader'] as const) {
      expect((await (await t.as(role)).post('/api/honours', honourBody(profA, { nameEn: 'Viewer Prize' }))).statusCode).toBe(403);
      expect((await (await t.as(role)).get(`/api/honours/${row.id}`)).statusCode).toBe(200);
    }
    expect((await t.anonymous.get('/api/honours')).statusCode).toBe(401);
  });
});

describe('honours: a coordinator’s unit', () => {
  it('lets coordinator A record and edit honours of unit A’s people (and sub-units’), never under another unit', async () => {
    const a = await t.as('coordinatorA');
    const created = await a.post('/api/honours', honourBody(profA, { nameEn: 'Unit A Prize' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().unitId).toBe(t.units.a1);
    const elsewhere = await a.post('/api/honours', honourBody(profA, { nameEn: 'Moved Prize', unitId: t.units.b }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
    const office = await a.patch(`/api/honours/${created.json().id}`, { unitId: null, version: 1 });
    expect(office.json().error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
  });

  it('never shows coordinator B unit A’s honours, by any path', async () => {
    const officer = await t.as('officer');
    const aHonour = (await officer.post('/api/honours', honourBody(profA, { nameEn: 'Hidden Prize', notable: true }))).json();
    const b = await t.as('coordinatorB');
    expect((await b.get(`/api/honours/${aHonour.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/honours/${aHonour.id}`, { notable: false, version: aHonour.version })).statusCode).toBe(404);
    expect((await b.delete(`/api/honours/${aHonour.id}?version=${aHonour.version}`)).statusCode).toBe(404);
    expect((await b.get(`/api/people/${profA}/honours`)).statusCode).toBe(404);
    // Not named to B even as "not yours".
    const create = await b.post('/api/honours', honourBody(profA, { nameEn: 'B Prize' }));
    expect(create.json().error.fields).toEqual([{ field: 'personId', message: expect.any(String) }]);
    const list = (await b.get('/api/honours?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((h: { unitId: number }) => h.unitId === t.units.b)).toBe(true);
    expect((await b.get(`/api/honours?personId=${profA}`)).json().total).toBe(0);
    const csv = (await b.get('/api/honours?format=csv')).body;
    expect(csv).not.toContain('Hidden Prize');
    expect(csv).toContain('Chen Zhu');
    const figures = (await b.get('/api/reports/figures')).json();
    const honours = figures.figures.find((f: { key: string }) => f.key === 'honours');
    expect(JSON.stringify(honours)).not.toContain('Hidden Prize');
  });
});

describe('honours: list, filters and export', () => {
  it('filters by kind, country, person, notable and years, and gives a person’s honours', async () => {
    const viewer = await t.as('viewer');
    const degrees = (await viewer.get('/api/honours?kind=honorary_degree')).json();
    expect(degrees.items.map((h: { personId: number }) => h.personId)).toEqual([profB]);
    expect((await viewer.get('/api/honours?country=HK')).json().total).toBe(1);
    const notable = (await viewer.get('/api/honours?notable=true&pageSize=200')).json();
    expect(notable.items.every((h: { notable: boolean }) => h.notable)).toBe(true);
    const nineties = (await viewer.get(`/api/honours?fromYear=1990&toYear=1999&personId=${profA}`)).json();
    expect(nineties.items.map((h: { nameEn: string }) => h.nameEn)).toEqual(['CRB Prize']);
    const mine = (await viewer.get(`/api/people/${profB}/honours`)).json();
    expect(mine).toMatchObject({ personId: profB, items: [expect.objectContaining({ kind: 'honorary_degree' })] });
    expect((await viewer.get('/api/people/999999/honours')).statusCode).toBe(404);
    const found = (await viewer.get(`/api/honours?q=${encodeURIComponent('王振义')}`)).json();
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((h: { personId: number }) => h.personId === profA)).toBe(true);
  });

  it('exports the list as CSV and xlsx in the caller’s language, names in both scripts, the date as precisely as known', async () => {
    const officer = await t.as('officer');
    const csv = await officer.get('/api/honours?kind=honorary_degree&format=csv', { 'accept-language': 'zh' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('获得者');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2008,Chen Zhu,陈竺,荣誉学位,荣誉科学博士,,香港大学,HK,是,/);
    const xlsx = await officer.get('/api/honours?format=xlsx', { 'accept-language': 'fr' });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Lauréat');
    expect(sheet.rowCount - 1).toBe((await officer.get('/api/honours')).json().total);
  });
});
