import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import type { App } from '../server/http/context.ts';
import { createCipher } from '../server/security/personal-data.ts';
import { client, signInAs, type Client } from '../server/test/harness.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import type { Figure, FigureKey, FigureSet } from '../shared/contracts/reports.ts';
import { DISTINCT_FIGURES, groupRows, type FigureGrouping, type GroupedRows } from '../shared/figure-groups.ts';
import { DEMO_ACCOUNTS } from './demo-organization.ts';

// Defect 3 of issue 16: "exchange universities 31, exchange countries 13, students' countries 69,
// honours 14 names" opened lists of 199 or 489 rows that never showed the distinct count. Each
// such figure's page now groups its records (`groupBy`); here, on the demo, through the API the
// page reads, the records grouped as the page groups them give back exactly the figure.
let db: Db;
let app: App;
const sessions = new Map<string, Client>();

beforeAll(async () => {
  db = await openDemoDatabase();
  app = await buildApp({ db, config: { ...readConfig({}), webDir: '/nonexistent', signInRateLimit: 100 }, cipher: createCipher('test-secret') });
  await app.ready();
}, 900_000); // the first demo test of a run loads the whole demo through the services (a minute, several on a busy machine); the others copy it
afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function as(role: 'viewer' | 'coordinator'): Promise<Client> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  if (!sessions.has(role)) {
    const { cookie, csrf } = await signInAs(app, account.email, account.password);
    sessions.set(role, client(app, cookie, csrf));
  }
  return sessions.get(role)!;
}

/** Every row of a records list, page after page, as the drill-down reads it. */
async function allRows<T>(c: Client, api: string): Promise<{ total: number; rows: T[] }> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const response = await c.get(`${api}${api.includes('?') ? '&' : '?'}pageSize=200&page=${page}`);
    expect(response.statusCode, `${api}: ${response.body.slice(0, 300)}`).toBe(200);
    const body = response.json<{ total: number; items: T[] }>();
    rows.push(...body.items);
    if (rows.length >= body.total || !body.items.length) return { total: body.total, rows };
  }
}

const distinctValue = (f: Figure): number => (typeof f.value === 'number' ? f.value : Array.isArray(f.value) ? f.value.length : Number.NaN);

describe('a figure that counts distinct things opens its records grouped by them, as many groups as the figure says (demo)', () => {
  it('covers the figures the defect names', () => {
    expect(Object.keys(DISTINCT_FIGURES).sort()).toEqual(['exchange.countries', 'exchange.universities', 'honours', 'students.foreignCountries']);
  });

  for (const role of ['viewer', 'coordinator'] as const) {
    it(`groups each distinct figure's records into exactly its count (${role})`, async () => {
      const c = await as(role);
      const response = await c.get('/api/reports/figures');
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      const figures = new Map(response.json<FigureSet>().figures.map((f) => [f.key, f]));
      let compared = 0;
      for (const [key, grouping] of Object.entries(DISTINCT_FIGURES) as Array<[FigureKey, FigureGrouping]>) {
        const figure = figures.get(key);
        expect(figure?.records, key).toBeTruthy();
        expect(new URL(figure!.records!.page, 'http://x').searchParams.get('groupBy'), key).toBe(grouping);
        const { total, rows } = await allRows<GroupedRows[typeof grouping]>(c, figure!.records!.api);
        const { groups } = groupRows(grouping, rows);
        expect(groups.length, `${key}: ${total} rows`).toBe(distinctValue(figure!));
        expect(groups.reduce((sum, g) => sum + g.rows, 0), key).toBeLessThanOrEqual(total);
        if (role === 'viewer' && key !== 'honours') expect(total, `${key}: the list has more rows than groups, else the defect could not show`).toBeGreaterThan(groups.length);
        compared++;
      }
      expect(compared).toBe(Object.keys(DISTINCT_FIGURES).length);
    });
  }

  it('the honours figure, its lines and its list agree: one group per line, every listed honour in one', async () => {
    const c = await as('viewer');
    const honours = (await c.get('/api/reports/figures')).json<FigureSet>().figures.find((f) => f.key === 'honours')!;
    const { total, rows } = await allRows<GroupedRows['honour']>(c, honours.records!.api);
    const { groups, ungrouped } = groupRows('honour', rows);
    expect(ungrouped).toBe(0);
    expect(groups.reduce((sum, g) => sum + g.rows, 0)).toBe(total);
    // Each line names its honour as the group's first listed honour does.
    const lines = honours.value as string[];
    for (const g of groups) expect(lines.some((line) => line.startsWith(g.first.nameEn)), g.first.nameEn).toBe(true);
    // The figure's items (one per holder of a line) fall in exactly the same groups.
    expect(new Set(honours.items?.map((i) => i.group?.key)).size).toBe(groups.length);
  });
});
