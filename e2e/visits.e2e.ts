import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { daysFromToday, launchChromium, selectOption, signIn, startInterchange } from './support.ts';

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

// E2E_SCREENSHOTS=<folder> keeps pictures of the pages for a person to look at (English and Chinese).
const SHOTS = process.env.E2E_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  // no loading veil over the tables in the picture
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The figure of the dashboard's inbound person-times card as shown ("49,876" → 49876; NaN while loading). */
async function inboundFigure(page: Page): Promise<number> {
  const text = await page.getByTestId('headline-inbound').locator('.ant-statistic-content-value').innerText();
  return /\d/.test(text) ? Number(text.replace(/\D/g, '')) : Number.NaN;
}

/** The dashboard's inbound person-times, on a freshly loaded dashboard. */
async function inboundPersonTimes(page: Page): Promise<number> {
  const totals = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ledger/totals' && new URL(r.url()).searchParams.get('direction') === 'inbound' && r.ok());
  await page.goto(`${server.base}/`);
  await totals;
  await expect.poll(() => inboundFigure(page)).not.toBeNaN();
  return inboundFigure(page);
}

/** Record a visitor through the "new person" dialog; the delegation takes them in. */
async function newVisitor(page: Page, person: { family: string; given: string; script?: string; nationality: string }): Promise<void> {
  await page.getByTestId('visit-new-person').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Family name').fill(person.family);
  await dialog.getByLabel('Given name').fill(person.given);
  if (person.script) await dialog.getByLabel('Name in their own script').fill(person.script);
  await selectOption(page, dialog.getByLabel('Nationality'), (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: person.nationality }), dialog.getByText(person.nationality, { exact: true }).filter({ visible: true }), person.nationality);
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/people' && r.request().method() === 'POST');
  await page.getByTestId('new-person-ok').click();
  expect((await created).status()).toBe(201);
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('visit-member-row').getByText(`${person.family}, ${person.given}`).waitFor();
}

/** Take one workflow step through its dialog and wait for the status it leads to. */
async function step(page: Page, to: string, status: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId(`visit-to-${to}`).click();
  if (fill) await fill(page.getByRole('dialog'));
  await page.getByTestId('visit-step-ok').click();
  await page.getByTestId('visit-status').filter({ hasText: new RegExp(`^${status.replace(/[()]/g, '\\$&')}$`) }).waitFor();
}

describe('an officer receives a delegation', () => {
  it('of three visitors from two countries: approved, held, closed with a report; the inbound person-times go up by three', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    // read before: the figure does not depend on how much the demo holds
    const before = await inboundPersonTimes(page);

    const stamp = Date.now();
    const title = `Delegation of the Université Paris Cité and Charité ${stamp}`;
    // from here on within the app, without reloading it: the dashboard's figures stay in its cache
    await page.locator('.ant-menu').getByRole('link', { name: 'Inbound visits', exact: true }).click();
    await page.getByRole('link', { name: 'New visit' }).click();
    await page.getByLabel('Title in English').fill(title);
    await page.getByLabel('Title in Chinese').fill('巴黎西岱大学与柏林夏里特医学院代表团');
    // a visit is held only once it has started: this one took place last week
    await page.getByLabel('From', { exact: true }).fill(daysFromToday(-8));
    await page.getByLabel('From', { exact: true }).press('Tab');
    await page.getByLabel('To', { exact: true }).fill(daysFromToday(-6));
    await page.getByLabel('To', { exact: true }).press('Tab');
    await selectOption(page, page.getByLabel('Host unit'), (dropdown) => dropdown.locator('.ant-select-tree-title', { hasText: 'Ruijin Hospital' }), page.locator('form').getByText('Ruijin Hospital (RUIJIN)', { exact: true }).filter({ visible: true }), 'Ruijin Hospital');
    await page.getByLabel('Our receiving official').fill('Vice-President Chen');

    await newVisitor(page, { family: `Lefèvre${stamp}`, given: 'Claire', nationality: 'France' });
    await newVisitor(page, { family: `Moreau${stamp}`, given: 'Julien', nationality: 'France' });
    await newVisitor(page, { family: `Schneider${stamp}`, given: 'Anna', nationality: 'Germany' });
    const rows = page.getByTestId('visit-member-row');
    expect(await rows.count()).toBe(3);
    await rows.nth(0).getByLabel('Role in the delegation').fill('Head of delegation');

    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/visits' && r.request().method() === 'POST');
    await page.getByTestId('visit-save').click();
    const answer = await saved;
    expect(answer.status(), await answer.text()).toBe(201);
    await page.waitForURL(/\/visits\/\d+$/);
    await page.getByTestId('visit-status').filter({ hasText: /^Invitation requested$/ }).waitFor();
    const delegation = await page.getByTestId('visit-delegation').innerText();
    expect(delegation).toContain('3 visitors');
    expect(delegation).toContain('Head of delegation');
    expect(delegation).toMatch(/France[\s\S]*Germany/);

    await step(page, 'approved', 'Approved');
    // once approved, each visitor has an invitation letter, a PDF in English or Chinese
    const letterHref = await page.getByTestId('visit-letter-zh').first().getAttribute('href');
    const letter = await page.request.get(`${server.base}${letterHref}`);
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await step(page, 'held', 'Held');
    await page.getByTestId('visit-report-due').waitFor();
    await step(page, 'closed', 'Closed (report filed)', async (dialog) => {
      await dialog.getByTestId('visit-report-text').fill('Talks on the joint leukaemia programme; two lectures at Ruijin; a visit to the Institute of Hematology.');
    });
    await page.getByTestId('visit-report').getByText('joint leukaemia programme').waitFor();
    await shot(page, 'visit-en');

    // the head of the delegation's page lists the visit, counted as one person-time
    await page.getByTestId('visit-delegation').getByRole('link', { name: `Claire Lefèvre${stamp}`, exact: true }).click();
    await page.getByTestId('person-visits').getByRole('link', { name: title }).waitFor();
    // the summary's counts arrive after the list (… until then)
    await expect.poll(() => page.getByTestId('person-visits-summary').innerText()).toBe('Visits recorded: 1. Inbound person-times (visits held): 1.');

    // after: three more inbound person-times on the dashboard, whose cached figures the visit's steps refreshed
    await page.locator('.ant-menu').getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect.poll(() => inboundFigure(page), { timeout: 10_000 }).toBe(before + 3);
    expect(await inboundPersonTimes(page)).toBe(before + 3);

    // the list has it, closed
    await page.goto(`${server.base}/visits?q=${encodeURIComponent(String(stamp))}`);
    const row = page.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    expect(await row.innerText()).toContain('Closed (report filed)');
    expect(await row.innerText()).toContain('3 visitors');
    await page.goto(`${server.base}/visits`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'list-en');

    if (SHOTS) {
      await page.getByTestId('lang-switch').getByText('中文').click();
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, 'list-zh');
      await page.goto(`${server.base}/visits?q=${encodeURIComponent(String(stamp))}`);
      await page.locator('.ant-table-row', { hasText: '巴黎西岱大学' }).getByRole('link').click();
      await page.getByTestId('visit-delegation').waitFor();
      await shot(page, 'visit-zh');
      await page.goto(`${server.base}/visits/new`);
      await page.getByTestId('visit-save').waitFor();
      await shot(page, 'new-zh');
    }

    expect(errors).toEqual([]);
    await page.close();
  });
});
