import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../test/harness.ts';
import { personBody } from '../../test/factories.ts';
import type { HonourInput } from '../../../shared/contracts/honours.ts';
import type { Figure, FigureSet } from '../../../shared/contracts/reports.ts';
import { groupRows } from '../../../shared/figure-groups.ts';

/**
 * The honours figures on a hand-made school, on 30 June 2025 (D):
 * - Kuang (unit A): the Legion of Honour, known by its year (1986), notable.
 * - Wang (unit B): the Legion of Honour (May 1997), the Kettering Prize (1994) and the CRB Prize
 *   (1996), all notable.
 * - Zhu (unit A): a prize in 2001, not notable; and a notable honorary title on 1 July 2025 (after D).
 * - Peng (unit B): only an honour conferred on 1 July 2025, the day after D.
 */
const D = '2025-06-30';
const NEXT = '2025-07-01';
let t: TestServer;

const LEGION = { kind: 'decoration', nameEn: 'Legion of Honour', nameZh: '法国荣誉军团勋章', nameFr: 'Légion d’honneur', awardingBody: 'Government of the French Republic', countryCode: 'FR', notable: true } as const;

beforeAll(async () => {
  t = await startTestServer();
  const officer = await t.as('officer');
  const person = async (familyName: string, givenName: string, nameZh: string, unitId: number) =>
    (await officer.post('/api/people', personBody({ familyName, givenName, nameZh, title: 'Professor', nationality: 'CN', unitId }))).json().id as number;
  const kuang = await person('Kuang', 'An-kun', '邝安堃', t.units.a);
  const wang = await person('Wang', 'Zhen-yi', '王振义', t.units.b);
  const zhu = await person('Zhu', 'Zheng-gang', '朱正纲', t.units.a1);
  const peng = await person('Peng', 'Zhi-hai', '彭志海', t.units.b);
  const honour = async (body: HonourInput) => {
    const response = await officer.post('/api/honours', body);
    expect(response.statusCode, response.body).toBe(201);
  };
  await honour({ personId: wang, ...LEGION, conferredOn: '1997-05-01', datePrecision: 'month' });
  await honour({ personId: kuang, ...LEGION, conferredOn: '1986-01-01', datePrecision: 'year' });
  await honour({ personId: wang, kind: 'prize', nameEn: 'Kettering Prize', nameZh: '凯特林奖', nameFr: 'Prix Kettering', awardingBody: 'General Motors Cancer Research Foundation', countryCode: 'US', conferredOn: '1994-06-10', notable: true });
  await honour({ personId: wang, kind: 'prize', nameEn: 'CRB Prize', awardingBody: 'Fondation CRB', countryCode: 'CH', conferredOn: '1996-01-01', datePrecision: 'year', notable: true });
  await honour({ personId: zhu, kind: 'prize', nameEn: 'Surgical Society Medal', conferredOn: '2001-01-01', datePrecision: 'year' });
  await honour({ personId: zhu, kind: 'honorary_title', nameEn: 'Honorary Fellow', awardingBody: 'American Surgical Association', conferredOn: NEXT, notable: true });
  await honour({ personId: peng, kind: 'honorary_title', nameEn: 'Honorary Fellow', awardingBody: 'American Surgical Association', conferredOn: NEXT });
});
afterAll(async () => t?.close());

async function figures(c: Client, query = `asOf=${D}`): Promise<Record<string, Figure>> {
  const response = await c.get(`/api/reports/figures?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries((response.json() as FigureSet).figures.map((f) => [f.key, f]));
}

describe('the honours figures', () => {
  it('lists the notable honours conferred by the date, one line per honour with its holders, and counts the people honoured', async () => {
    const f = await figures(await t.as('viewer'));
    expect(f['honours']).toMatchObject({ counts: 'names', asOf: D });
    expect(f['honours']!.value).toEqual([
      'Legion of Honour (Government of the French Republic): Kuang An-kun, Wang Zhen-yi',
      'Kettering Prize (General Motors Cancer Research Foundation): Wang Zhen-yi',
      'CRB Prize (Fondation CRB): Wang Zhen-yi',
    ]);
    expect(f['honours']!.items![0]).toMatchObject({ nameEn: 'Kuang An-kun', nameZh: '邝安堃', group: { kind: 'decoration', name: { zh: '法国荣誉军团勋章', fr: 'Légion d’honneur' } } });
    // Kuang, Wang and Zhu (whose only honour by D is not notable); Peng's comes the day after.
    expect(f['honours.holders']).toMatchObject({ value: 3, counts: 'persons' });
  });

  it('counts an honour conferred on the date, not one conferred after it', async () => {
    const next = await figures(await t.as('viewer'), `asOf=${NEXT}`);
    expect(next['honours.holders']!.value).toBe(4);
    expect(next['honours']!.value).toContain('Honorary Fellow (American Surgical Association): Zhu Zheng-gang');
    // None before 1986; Kuang's, known by its year, counts from 1 January 1986.
    const early = await figures(await t.as('viewer'), 'asOf=1985-12-31');
    expect(early['honours']!.value).toEqual([]);
    expect(early['honours.holders']!.value).toBe(0);
    expect((await figures(await t.as('viewer'), 'asOf=1986-01-01'))['honours']!.value).toEqual(['Legion of Honour (Government of the French Republic): Kuang An-kun']);
  });

  it('confines a coordinator to their unit', async () => {
    const a = await figures(await t.as('coordinatorA'));
    expect(a['honours']!.value).toEqual(['Legion of Honour (Government of the French Republic): Kuang An-kun']);
    expect(a['honours.holders']!.value).toBe(2);
    const b = await figures(await t.as('officer'), `asOf=${D}&unitId=${t.units.b}`);
    expect(b['honours.holders']!.value).toBe(1);
  });

  for (const role of ['viewer', 'coordinatorA'] as const) {
    it(`leads to the honours it counts (${role})`, async () => {
      const c = await t.as(role);
      const f = await figures(c);
      const notable = (await c.get(`${f['honours']!.records!.api}&pageSize=200`)).json();
      const lines = f['honours']!.value as string[];
      const holdersListed = lines.reduce((n, line) => n + line.split(': ')[1]!.split(', ').length, 0);
      expect(notable.total).toBe(holdersListed);
      expect(notable.items.every((h: { notable: boolean; conferredOn: string }) => h.notable && h.conferredOn <= D)).toBe(true);
      const all = (await c.get(`${f['honours.holders']!.records!.api}&pageSize=200`)).json();
      expect(new Set(all.items.map((h: { personId: number }) => h.personId)).size).toBe(f['honours.holders']!.value);
      // The page lists the same honours, grouped by honour: as many groups as the figure has lines.
      const page = new URL(f['honours']!.records!.page, 'http://x').searchParams;
      expect(page.get('groupBy')).toBe('honour');
      page.delete('groupBy');
      expect(`?${page.toString()}`).toBe(new URL(f['honours']!.records!.api, 'http://x').search);
      expect(groupRows('honour', notable.items).groups.length).toBe(lines.length);
    });
  }
});

describe('the fact sheet’s honours paragraph', () => {
  const sheet = async (lang: string) => {
    const response = await (await t.as('officer')).get(`/api/reports/factsheet?asOf=${D}&format=md&lang=${lang}`);
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('writes the seed’s paragraph in English, names in their script beside the romanisation, one holder’s honours together', async () => {
    const md = await sheet('en');
    expect(md).toContain('professors and experts of');
    expect(md).toContain('The more important ones are: ');
    expect(md).toContain('Professors Kuang An-kun (邝安堃) and Wang Zhen-yi (王振义) received “Legion of Honour” from the Government of the French Republic; ');
    expect(md).toContain('Professor Wang Zhen-yi (王振义) received “Kettering Prize” from the General Motors Cancer Research Foundation and “CRB Prize” from Fondation CRB, etc');
    expect(md).not.toContain('Zhu Zheng-gang');
  });

  it('writes it in Chinese with the names in Chinese, and in French', async () => {
    const zh = await sheet('zh');
    expect(zh).toContain('邝安堃和王振义教授获得Government of the French Republic授予的“法国荣誉军团勋章”');
    expect(zh).not.toContain('Wang Zhen-yi');
    const fr = await sheet('fr');
    expect(fr).toContain('les professeurs Kuang An-kun (邝安堃) et Wang Zhen-yi (王振义) ont reçu « Légion d’honneur » (Government of the French Republic)');
    expect(fr).toContain('le professeur Wang Zhen-yi (王振义) a reçu « Prix Kettering »');
  });
});
