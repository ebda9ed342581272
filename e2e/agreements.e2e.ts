import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, selectOption, signIn, startInterchange } from './support.ts';
import { addMonths, officeToday } from '../src/shared/calendar.ts';

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

/** A calendar date `months` from today, as the date pickers take it. */
function monthsAhead(months: number): string {
  return `${addMonths(officeToday(), months).slice(0, 8)}15`;
}

/** "64 universities from 20 countries and regions" → [64, 20]. */
async function headline(page: Page): Promise<[number, number]> {
  const text = await page.getByTestId('partner-headline').innerText();
  const match = /(\d+) universities from (\d+) countries and regions/.exec(text);
  if (!match) throw new Error(`unexpected headline: ${text}`);
  return [Number(match[1]), Number(match[2])];
}

async function openPartners(page: Page): Promise<void> {
  const figures = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/partners' && r.ok());
  await page.goto(`${server.base}/partners`);
  await figures;
  await page.getByTestId('partner-map').locator('svg').first().waitFor();
}

/** Press one lifecycle button and wait for the status it leads to. */
async function step(page: Page, to: string, status: string, dated = false): Promise<void> {
  await page.getByTestId(`agreement-to-${to}`).click();
  if (dated) await page.getByTestId('agreement-step-ok').click();
  await page.getByTestId('agreement-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor();
}

describe('an officer records an agreement with a partner from the catalogue', () => {
  it('puts it in force, sees its place on the map and the agreement in the renewal watch', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    // Macao has no partner in the demo: the new one adds a university and a region
    await openPartners(page);
    const [universities, places] = await headline(page);
    expect(await page.getByTestId('partner-map').innerText()).not.toContain('Macao, China 1');

    const title = `Student Exchange Agreement with the University of Macau ${Date.now()}`;
    const expiresOn = monthsAhead(4);
    await page.goto(`${server.base}/agreements/new`);
    await page.getByLabel('Title in English').fill(title);
    await page.getByLabel('Title in Chinese').fill('上海交通大学医学院与澳门大学学生交流协议');
    await page.getByTestId('agreement-partner-catalogue').click();
    // the institution is created from the catalogue and fills the partner row
    await selectOption(
      page,
      page.getByTestId('catalogue-picker'),
      (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: 'University of Macau' }),
      page.getByTestId('agreement-partner-row').getByText('University of Macau'),
      'university of macau',
    );
    await page.getByLabel('Expires on').fill(expiresOn);
    // Tab, not Enter: Enter in a form field submits the form
    await page.getByLabel('Expires on').press('Tab');
    await page.getByTestId('agreement-save').click();
    await page.waitForURL(/\/agreements\/\d+$/);
    await page.getByTestId('agreement-status').filter({ hasText: /^Draft$/ }).waitFor();

    await step(page, 'under_review', 'Under review');
    await step(page, 'approved', 'Approved');
    await step(page, 'signed', 'Signed', true);
    await step(page, 'active', 'Active', true);
    // the record's details come first; the Erasmus Without Paper card below has its own
    const details = await page.locator('.ant-descriptions').first().innerText();
    expect(details).toContain(expiresOn);
    expect(details).toContain('Expiring');

    // the map counts it: Macao's marker says 1, the headline has one more university and place
    await openPartners(page);
    await page.getByTestId('partner-map').getByText('Macao, China 1').waitFor();
    expect(await headline(page)).toEqual([universities + 1, places + 1]);
    await expect(page.getByTestId('partner-place-MO').innerText()).resolves.toMatch(/Macao, China\s*1/);
    // a click on Macao lists the partners there
    await page.getByTestId('partner-map').getByText('Macao, China 1').click();
    await page.waitForURL(/country=MO/);
    await page.getByTestId('partner-list-title').getByText('Partners in Macao, China').waitFor();
    await page.getByTestId('partner-list').getByText('University of Macau').waitFor();

    // and the renewal watch has it, ending in four months
    await page.goto(`${server.base}/agreements/renewal-watch`);
    const row = page.getByTestId('renewal-watch-table').locator('tr', { hasText: title });
    await row.waitFor();
    expect(await row.innerText()).toContain(expiresOn);
    await expect(page.getByTestId('renewal-watch-csv').getAttribute('href')).resolves.toBe('/api/agreements/renewal-watch?months=12&format=csv');

    expect(errors).toEqual([]);
    await page.close();
  });
});
