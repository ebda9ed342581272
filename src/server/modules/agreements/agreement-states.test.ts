import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { agreementBody, institutionBody } from '../../test/factories.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { AgreementInput } from '../../../shared/contracts/agreements.ts';
import { expireLapsedAgreements } from './agreements.service.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

async function institution(overrides: Parameters<typeof institutionBody>[0] = {}): Promise<number> {
  return (await (await t.as('officer')).post('/api/institutions', institutionBody(overrides))).json().id;
}

/** An agreement signed and in force from `effectiveOn`, with the given terms. */
async function activeAgreement(partners: number[], overrides: Partial<AgreementInput> & { effectiveOn: string }) {
  const officer = await t.as('officer');
  let row = (await officer.post('/api/agreements', agreementBody(partners, { signedOn: overrides.effectiveOn, ...overrides }))).json();
  for (const to of ['under_review', 'approved', 'signed', 'active']) {
    const response = await officer.post(`/api/agreements/${row.id}/transitions`, { to, on: overrides.effectiveOn, version: row.version });
    expect(response.statusCode, response.body).toBe(200);
    row = response.json();
  }
  return row as { id: number; version: number };
}

const at = async (id: number, asOf: string) =>
  (await (await t.as('officer')).get(`/api/agreements?asOf=${asOf}&pageSize=200`)).json().items.find((a: { id: number }) => a.id === id);

describe('derived states at chosen dates', () => {
  it('is expiring within its own lead time before the end of its term, and in force on its last day', async () => {
    const row = await activeAgreement([await institution()], { effectiveOn: '2020-01-01', expiresOn: '2026-12-31', renewalLeadMonths: 6 });
    expect(await at(row.id, '2026-06-30')).toMatchObject({ inForce: true, expiring: false, termEndsOn: '2026-12-31' });
    expect(await at(row.id, '2026-07-01')).toMatchObject({ inForce: true, expiring: true });
    expect(await at(row.id, '2026-12-31')).toMatchObject({ inForce: true, expiring: true });
    expect(await at(row.id, '2027-01-01')).toMatchObject({ inForce: false, expiring: false });
    expect(await at(row.id, '2019-12-31')).toMatchObject({ inForce: false });
  });

  it('rolls an automatic renewal forward term by term, and counts it in force past its first expiry', async () => {
    const row = await activeAgreement([await institution()], { effectiveOn: '2021-01-01', expiresOn: '2025-12-31', autoRenewal: true, renewalTermMonths: 12, renewalLeadMonths: 3 });
    expect(await at(row.id, '2026-03-01')).toMatchObject({ inForce: true, termEndsOn: '2026-12-31', expiring: false });
    expect(await at(row.id, '2026-10-15')).toMatchObject({ expiring: true });
    expect(await at(row.id, '2031-02-01')).toMatchObject({ inForce: true, termEndsOn: '2031-12-31' });
  });

  it('is dormant when nothing was recorded with its partner in the last N years, and not before it is N years old', async () => {
    const quiet = await institution({ nameEn: 'Quiet University' });
    const old = await activeAgreement([quiet], { effectiveOn: '2018-01-01' });
    const young = await activeAgreement([quiet], { effectiveOn: '2025-06-01' });
    expect(await at(old.id, '2026-01-01')).toMatchObject({ dormant: true, lastActivityOn: null });
    expect(await at(young.id, '2026-01-01')).toMatchObject({ dormant: false });
    // A fixture activity: an aggregate of inbound visitors from that partner in March 2025.
    const officer = await t.as('officer');
    const activity = await officer.post('/api/ledger/aggregates', {
      direction: 'inbound', who: 'visitor', count: 3, category: 'academic_exchange', institutionId: quiet, countryCode: 'FR',
      startDate: '2025-03-01', endDate: '2025-03-05', sourceDocument: 'visit report 2025-07',
    });
    expect(activity.statusCode).toBe(201);
    expect(await at(old.id, '2026-01-01')).toMatchObject({ dormant: false, lastActivityOn: '2025-03-01' });
    expect(await at(old.id, '2027-03-01')).toMatchObject({ dormant: true });
    expect(await at(old.id, '2024-01-01')).toMatchObject({ dormant: true, lastActivityOn: null });
    const dormant = (await officer.get('/api/agreements?asOf=2026-01-01&dormant=true&pageSize=200')).json().items.map((a: { id: number }) => a.id);
    expect(dormant).not.toContain(old.id);
    expect((await officer.get('/api/agreements?asOf=2027-03-01&dormant=true&pageSize=200')).json().items.map((a: { id: number }) => a.id)).toContain(old.id);
  });
});

describe('partners as of a date', () => {
  it('counts universities with an agreement in force, their countries and regions, and organizations apart', async () => {
    const officer = await t.as('officer');
    const year = Number(officeToday().slice(0, 4));
    const before = (await officer.get('/api/partners')).json();
    const lastYear = `${year - 1}-03-01`;
    const beforeLastYear = (await officer.get(`/api/partners?asOf=${lastYear}`)).json();

    const lapsed = await institution({ nameEn: 'Lapsed University', countryCode: 'HU' });
    await activeAgreement([lapsed], { effectiveOn: `${year - 3}-01-01`, expiresOn: `${year - 1}-06-30` });
    const hongKong = await institution({ nameEn: 'University of Hong Kong', countryCode: 'HK' });
    const tokyo = await institution({ nameEn: 'University of Tokyo', countryCode: 'JP' });
    await activeAgreement([hongKong, tokyo], { effectiveOn: `${year - 2}-01-01` });
    await activeAgreement([tokyo], { effectiveOn: `${year - 2}-05-01`, kind: 'student_exchange' });
    const hospital = await institution({ nameEn: 'Hôpital Necker', countryCode: 'FR', kind: 'hospital' });
    await activeAgreement([hospital], { effectiveOn: `${year - 2}-01-01` });
    const who = await institution({ nameEn: 'World Health Organization', countryCode: 'CH', kind: 'international_organization' });
    await activeAgreement([who], { effectiveOn: `${year - 2}-01-01`, kind: 'working_arrangement' });
    const draftOnly = await institution({ nameEn: 'Draft University', countryCode: 'KR' });
    await officer.post('/api/agreements', agreementBody([draftOnly]));

    const now = (await officer.get('/api/partners')).json();
    expect(now.universities - before.universities).toBe(2);
    expect(now.countriesAndRegions - before.countriesAndRegions).toBe(2);
    expect(now.countries - before.countries).toBe(1);
    expect(now.byCountry).toEqual(expect.arrayContaining([{ countryCode: 'HK', universities: 1, institutions: 1 }, { countryCode: 'JP', universities: 1, institutions: 1 }]));
    expect(now.byCountry.find((c: { countryCode: string }) => c.countryCode === 'HU')).toBeUndefined();
    expect(now.organizations.map((o: { nameEn: string }) => o.nameEn)).toContain('World Health Organization');

    const then = (await officer.get(`/api/partners?asOf=${lastYear}`)).json();
    expect(then.universities - beforeLastYear.universities).toBe(3);
    expect(then.byCountry).toEqual(expect.arrayContaining([{ countryCode: 'HU', universities: 1, institutions: 1 }]));

    const list = (await officer.get('/api/partners/list?country=JP')).json();
    expect(list.items).toEqual([expect.objectContaining({ institutionId: tokyo, agreementsInForce: 2, firstSignedOn: `${year - 2}-01-01` })]);
  });

  it('shows an institution\u2019s agreements and activity on one timeline, newest first', async () => {
    const officer = await t.as('officer');
    const partner = await institution({ nameEn: 'Timeline University' });
    const row = await activeAgreement([partner], { effectiveOn: '2019-09-01', expiresOn: '2024-08-31' });
    await officer.post('/api/ledger/aggregates', {
      direction: 'outbound', who: 'staff', count: 2, category: 'lecturing', institutionId: partner, countryCode: 'FR',
      startDate: '2021-05-01', endDate: '2021-05-10', sourceDocument: 'mission report',
    });
    const timeline = (await officer.get(`/api/institutions/${partner}/timeline`)).json();
    expect(timeline.map((e: { date: string; event: string }) => `${e.date} ${e.event}`)).toEqual([
      '2024-08-31 expires',
      '2021-05-01 lecturing',
      '2019-09-01 signed',
      '2019-09-01 effective',
    ]);
    expect(timeline[1]).toMatchObject({ module: 'aggregate', personTimes: 2 });
    expect(timeline[0]).toMatchObject({ module: 'agreements', sourceId: row.id });
    expect((await officer.get('/api/institutions/999999/timeline')).statusCode).toBe(404);
  });
});

describe('the renewal watch', () => {
  it('lists what ends within the months asked, soonest first, and exports it as csv and xlsx in the reader\u2019s language', async () => {
    const officer = await t.as('officer');
    const partner = await institution({ nameEn: '=HYPERLINK("x") University', nameZh: '测试大学' });
    const later = await activeAgreement([partner], { effectiveOn: '2022-01-01', expiresOn: '2031-06-30', titleZh: '后到期' });
    const sooner = await activeAgreement([partner], { effectiveOn: '2022-01-01', expiresOn: '2031-02-28', titleZh: '先到期' });
    await activeAgreement([partner], { effectiveOn: '2022-01-01', expiresOn: '2032-06-30' });
    const watch = (await officer.get('/api/agreements/renewal-watch?asOf=2030-12-31&months=12')).json();
    const ours = (items: Array<{ id: number; partners: Array<{ institutionId: number }> }>) => items.filter((a) => a.partners[0]!.institutionId === partner);
    expect(ours(watch.items).map((a) => a.id)).toEqual([sooner.id, later.id]);
    expect(watch.items.map((a: { termEndsOn: string }) => a.termEndsOn)).toEqual([...watch.items.map((a: { termEndsOn: string }) => a.termEndsOn)].sort());

    const csv = await officer.get('/api/agreements/renewal-watch?asOf=2030-12-31&format=csv', { 'accept-language': 'zh' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('renewal-watch-2030-12-31.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('期满日期,协议,合作方,国家和地区,层级,类型,状态,自动续约,我方单位');
    const rows = lines.filter((l) => l.includes('测试大学'));
    expect(rows.map((l) => l.split(',')[0])).toEqual(['2031-02-28', '2031-06-30']);
    expect(rows[0]).toContain('先到期');
    expect(lines).toHaveLength(watch.items.length + 1);

    const xlsx = await officer.get('/api/agreements/renewal-watch?asOf=2030-12-31&format=xlsx', { 'accept-language': 'fr' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Fin de la période');
    expect(sheet.rowCount).toBe(watch.items.length + 1);
    // A partner name that looks like a formula stays text.
    const partnerCells = sheet.getColumn(3).values.map(String);
    expect(partnerCells).toContain("'=HYPERLINK(\"x\") University");
  });
});

describe('the expiry sweep', () => {
  it('marks active agreements past their expiry as expired, audited as the system, and leaves the rest', async () => {
    const past = await activeAgreement([await institution()], { effectiveOn: '2015-01-01', expiresOn: '2019-12-31' });
    const auto = await activeAgreement([await institution()], { effectiveOn: '2015-01-01', expiresOn: '2019-12-31', autoRenewal: true, renewalTermMonths: 24 });
    const running = await activeAgreement([await institution()], { effectiveOn: '2015-01-01', expiresOn: '2099-12-31' });
    expect(await expireLapsedAgreements(t.db, '2020-01-01')).toBeGreaterThanOrEqual(1);
    const officer = await t.as('officer');
    expect((await officer.get(`/api/agreements/${past.id}`)).json().status).toBe('expired');
    expect((await officer.get(`/api/agreements/${auto.id}`)).json().status).toBe('active');
    expect((await officer.get(`/api/agreements/${running.id}`)).json().status).toBe('active');
    const { rows } = await t.db.query(`SELECT actor_label FROM audit_log WHERE entity = 'agreement' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(past.id)]);
    expect(rows).toEqual([{ actor_label: 'system' }]);
    expect(await expireLapsedAgreements(t.db, '2020-01-01')).toBe(0);
  });
});
