import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { daysFromToday, downloadPrepared, launchChromium, selectOption, signIn, startInterchange } from './support.ts';

// A kind of record described by its fields alone (the hospital memorandum) has its pages with no
// web file of its own: its menu entry, its form, its workflow step, its list filtered in the URL,
// and its CSV export.
let server: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await startInterchange();
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(String(e)));
  await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password');
  // the export is written in the user's language, which the switch saves on the server
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/preferences' && r.request().method() === 'PATCH');
  await page.getByTestId('lang-switch').getByText('English').click();
  expect((await saved).ok()).toBe(true);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The select around a field's input. */
const selectOf = (field: Locator) => field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');

async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  // Tab, not Enter: Enter in a form's field submits the form
  await field.press('Tab');
}

describe('a kind described by its fields alone: the hospital memorandum', () => {
  it('is drafted through its form, signed by the office, listed with its filters in the URL, and exported', async () => {
    const title = `Clinical rotations with the Hospices Civils de Lyon ${Date.now()}`;
    await page.goto(`${server.base}/`);
    await page.getByRole('link', { name: 'Hospital memoranda' }).click();
    await page.waitForURL(/\/hospital-memoranda$/);
    await page.getByRole('link', { name: 'Add' }).click();
    await page.waitForURL(/\/hospital-memoranda\/new$/);

    await page.getByLabel('Title', { exact: true }).fill(title);
    const hospital = page.getByLabel('Hospital abroad');
    await selectOption(page, hospital, (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: 'Hospices Civils de Lyon' }), selectOf(hospital).getByText('Hospices Civils de Lyon'), 'Hospices Civils');
    const unit = page.getByLabel('Our hospital or unit');
    await selectOption(page, unit, (dropdown) => dropdown.locator('.ant-select-tree-title', { hasText: 'Ruijin Hospital' }), selectOf(unit).getByText('Ruijin Hospital (RUIJIN)'), 'Ruijin Hospital');
    const scope = selectOf(page.getByLabel('Scope'));
    await selectOption(page, scope, (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: /^Clinical rotations$/ }), scope.getByText('Clinical rotations', { exact: true }));
    await fillDate(page.getByLabel('Starts', { exact: true }), daysFromToday(-10));
    await fillDate(page.getByLabel('Expires', { exact: true }), daysFromToday(720));
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/hospital-memoranda' && r.request().method() === 'POST');
    await page.getByTestId('hospital-memoranda-save').click();
    const answer = await created;
    expect(answer.status(), await answer.text()).toBe(201);
    await page.waitForURL(/\/hospital-memoranda\/\d+$/);
    const status = page.getByTestId('hospital-memoranda-status');
    await status.filter({ hasText: /^Drafted$/ }).waitFor();

    // signing is dated: the dialog proposes today, and the path shows the day once signed
    await page.getByTestId('hospital-memoranda-to-signed').click();
    await page.getByTestId('hospital-memoranda-step-date').waitFor();
    await page.getByTestId('hospital-memoranda-step-ok').click();
    await status.filter({ hasText: /^Signed$/ }).waitFor();
    await page.getByTestId('hospital-memoranda-workflow').getByText(daysFromToday(0)).first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    await page.goto(`${server.base}/hospital-memoranda?status=signed&scope=rotation`);
    await page.getByTestId('hospital-memoranda-status-filter').getByText('Signed', { exact: true }).waitFor();
    await page.getByTestId('hospital-memoranda-scope-filter').getByText('Clinical rotations', { exact: true }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    for (const text of await page.locator('.ant-table-row').allInnerTexts()) {
      expect(text).toContain('Signed');
      expect(text).toContain('Clinical rotations');
    }

    const file = await downloadPrepared(page, page.getByTestId('hospital-memoranda-csv'));
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const [header = '', ...lines] = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header.split(',').map((h) => h.replace(/^"|"$/g, ''))).toEqual(expect.arrayContaining(['Title', 'Hospital abroad', 'Our hospital or unit', 'Scope', 'Status']));
    expect(lines.find((line) => line.includes(title))).toContain('Hospices Civils de Lyon');
  });

  afterAll(() => {
    expect(errors).toEqual([]);
  });
});
