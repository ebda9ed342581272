import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FigureSet } from '../src/shared/contracts/reports.ts';
import { launchChromium, signIn, startInterchange } from './support.ts';

let server: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;

beforeAll(async () => {
  server = await startInterchange();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// E2E_SCREENSHOTS=<folder> keeps pictures of the dashboard and the reports page for a person to look at.
const SHOTS = process.env.E2E_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('reports', () => {
  it('drill down from the inbound figure of the dashboard to the ledger rows since 1980, then to one visit', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    // from a blank page, so that the figures the sign-in's landing asked for cannot answer this wait and then be navigated away from
    await page.goto('about:blank');
    const figures = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/reports/figures' && r.ok());
    await page.goto(`${server.base}/`);
    const set = (await (await figures).json()) as FigureSet;
    const inbound = set.figures.find((f) => f.key === 'inbound.personTimesSince1980');
    expect(typeof inbound?.value).toBe('number');

    // the card shows the figure the API gives, says what it counts, and a figure not built yet is never 0
    const card = page.getByTestId('figure-inbound.personTimesSince1980');
    await expect.poll(() => card.getByTestId('figure-value').innerText()).toBe((inbound?.value as number).toLocaleString('en-GB'));
    await expect(card.innerText()).resolves.toContain('person-times');
    for (const f of set.figures.filter((x) => x.value === null)) {
      await expect(page.getByTestId(`figure-${f.key}`).getByTestId('figure-value').innerText()).resolves.toBe('not available yet');
    }
    await shot(page, 'dashboard-en');

    await card.click();
    await page.waitForURL((url) => url.pathname === '/ledger');
    const url = new URL(page.url());
    expect(url.searchParams.get('direction')).toBe('inbound');
    expect(url.searchParams.get('from')).toBe('1980-01-01');
    // the ledger's totals over those filters are the figure itself
    await expect
      .poll(async () => (await page.getByTestId('ledger-totals').locator('.ant-statistic-content-value').first().innerText()).replace(/\D/g, ''))
      .toBe(String(inbound?.value));

    // the oldest rows are the aggregate counts of the 1980s: the individual records are one filter away,
    // and a person-time from a visit opens the visit it comes from
    await page.getByTestId('ledger-filters').locator('.ant-select').filter({ hasText: 'Individual and aggregate rows' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('Individual records only').click();
    // the router writes the value JSON-quoted ("false"), and reads it back the same way
    await page.waitForURL((u) => u.searchParams.get('aggregate')?.replaceAll('"', '') === 'false' && u.searchParams.get('direction') === 'inbound');
    // the link reads the visit's title, not its number
    const visitLink = page.locator('[data-testid="ledger-source-link"][href^="/visits/"]').first();
    await visitLink.waitFor();
    expect(await visitLink.innerText()).not.toMatch(/#\d+$/);
    const visitId = (await visitLink.getAttribute('href'))!.replace(/\D/g, '');
    await visitLink.click();
    await page.waitForURL((u) => u.pathname === `/visits/${visitId}`);
    await page.getByTestId('visit-status').waitFor();
    await page.getByTestId('visit-delegation').waitFor();
    await page.close();
  });

  it('in French: the dashboard’s card titles are whole, and the visits list names host units in French', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'Français');
    await page.goto(`${server.base}/`);
    await page.getByTestId('breakdown-who').waitFor();
    const titles = page.locator('.ant-card-head-title');
    expect(await titles.count()).toBeGreaterThan(3);
    // a title cut short ends in "…": its text is wider than the box that shows it
    const cut = await titles.evaluateAll((nodes) => nodes.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent));
    expect(cut).toEqual([]);
    await expect(titles.allInnerTexts()).resolves.toContain('Par catégorie de personnes');

    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/visits' && r.ok());
    await page.goto(`${server.base}/visits`);
    const items = ((await (await listed).json()) as { items: Array<{ hostUnitNameEn: string; hostUnitNameFr: string | null }> }).items;
    const french = items.find((v) => v.hostUnitNameFr && v.hostUnitNameFr !== v.hostUnitNameEn)!;
    expect(french).toBeDefined();
    await page.locator('.ant-table-row').filter({ hasText: french.hostUnitNameFr! }).first().waitFor();
    expect(await page.locator('.ant-table-tbody').innerText()).not.toContain(french.hostUnitNameEn);
    await page.close();
  });

  it('the reports page writes the fact sheet from the records: 63 universities from 19 countries and regions on the demo', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    const set = (await (await page.request.get(`${server.base}/api/reports/figures`)).json()) as FigureSet;
    const value = (key: string) => set.figures.find((f) => f.key === key)?.value;
    expect(value('partners.universities')).toBe(63);
    expect(value('partners.countriesAndRegions')).toBe(19);

    await page.goto(`${server.base}/reports`);
    // the report is in a shadow root of its own; playwright's locators go through it
    const sheet = page.getByTestId('fact-sheet').locator('.report-body');
    await sheet.waitFor();
    const text = await sheet.innerText();
    expect(text).toMatch(/\b63\b/);
    expect(text).toMatch(/\b19\b/);
    await page.getByTestId('report-as-of-line').waitFor();
    expect(await page.getByTestId('report-download-pdf').getAttribute('href')).toContain('format=pdf');
    await shot(page, 'reports-en');

    // the same page in Chinese: the server writes the sheet in the chosen language
    await page.getByTestId('report-lang').getByText('中文').click();
    await expect.poll(async () => sheet.innerText()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'reports-zh');
    await page.close();
  });
});
