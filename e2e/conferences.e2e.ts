import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { daysFromToday, launchChromium, selectOption, signIn, startInterchange } from './support.ts';

let server: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;
let folder: string;

beforeAll(async () => {
  server = await startInterchange();
  browser = await launchChromium();
  folder = mkdtempSync(join(tmpdir(), 'interchange-attendees-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Type a date into a picker; Tab, not Enter (Enter in a form field submits the form). */
async function fillDate(page: Page, label: string, date: string): Promise<void> {
  await page.getByLabel(label).fill(date);
  await page.getByLabel(label).press('Tab');
}

/** Press one workflow button (and the dialog's button, for a dated step) and wait for the status it leads to. */
async function step(page: Page, to: string, status: string, dialog = false): Promise<void> {
  await page.getByTestId(`conference-to-${to}`).click();
  if (dialog) await page.getByTestId('conference-step-ok').click();
  await page.getByTestId('conference-status').filter({ hasText: new RegExp(`^${status.replace(/[()]/g, '\\$&')}$`) }).waitFor();
}

/** Choose a file on the import page (opened from the conference's) and preview it as a draft, waiting for the server's answer: the draft's id. */
async function previewFile(page: Page, name: string, text: string): Promise<number> {
  const path = join(folder, name);
  writeFileSync(path, text);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/imports/attendees/drafts'));
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByTestId('import-preview').click();
  return ((await (await answered).json()) as { draft: { id: number } }).draft.id;
}

describe('an officer records a conference and its attendee list', () => {
  it('creates, approves and holds it, imports the attendees (a bad file first), closes it with a summary; the list and the classification show', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    // the office's threshold, whatever the demo sets: the conference declares exactly that many foreign participants
    const settings = (await (await page.request.get(`${server.base}/api/settings`)).json()) as Array<{ key: string; value: number }>;
    const threshold = settings.find((s) => s.key === 'conference.majorForeignParticipants')!.value;

    const title = `Shanghai Forum on Paediatric Oncology ${Date.now()}`;
    await page.goto(`${server.base}/conferences/new`);
    await page.getByLabel('Title in English').fill(title);
    await page.getByLabel('Title in Chinese').fill('上海儿童肿瘤论坛');
    await fillDate(page, 'First day', daysFromToday(-10));
    await fillDate(page, 'Last day', daysFromToday(-9));
    await selectOption(
      page,
      page.getByLabel('Host unit'),
      (dropdown) => dropdown.locator('.ant-select-tree-title', { hasText: 'Ruijin Hospital (RUIJIN)' }),
      page.locator('form').getByText('Ruijin Hospital (RUIJIN)', { exact: true }).filter({ visible: true }),
      'Ruijin',
    );
    await page.getByLabel('Participants', { exact: true }).fill(String(threshold + 40));
    await page.getByLabel('Foreign participants').fill(String(threshold));
    await page.getByTestId('conference-save').click();
    await page.waitForURL(/\/conferences\/\d+$/);
    await page.getByTestId('conference-status').filter({ hasText: /^Proposed$/ }).waitFor();
    expect(await page.getByTestId('conference-classification').innerText()).toBe('Major');

    await step(page, 'approved', 'Approved');
    await step(page, 'held', 'Held', true);

    // "Import attendees" opens the general import page for this conference
    const conferenceUrl = page.url();
    await page.getByTestId('attendee-import').click();
    await page.waitForURL(/\/imports\?/);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('attendees');
    await page.getByTestId('import-conference').getByText(title).waitFor();

    // a file with a country nobody knows: its row is an error in the preview, the column named, and it cannot be imported
    await previewFile(page, 'bad.csv', 'Name,Country,Institution,Role\nMarie Lambert,France,Institut Curie,speaker\nNemo,Atlantis,,\n');
    await page.getByText('is not a country or region we know', { exact: false }).first().waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    // two foreign attendees from two countries, one from China: previewed as a draft the URL names
    const draftId = await previewFile(page, 'attendees.csv', 'Name,Country,Institution,Role\nMarie Lambert,France,Institut Curie,speaker\nJohn Miller,United States,Harvard Medical School,participant\n李明,中国,复旦大学,participant\n');
    await page.waitForURL(new RegExp(`[?&]draft=${draftId}$`));
    const draftUrl = page.url();
    // the officer leaves for the conference page and comes back: the draft reopens, still for this conference
    await page.goto(conferenceUrl);
    await page.getByTestId('attendee-table').waitFor();
    await page.goto(draftUrl);
    await page.getByTestId('import-conference').getByText(title).waitFor();
    await page.getByText('Marie Lambert', { exact: false }).first().waitFor();
    // imported as a background job: the commit answers at once, the page follows the job until it is done
    const committed = page.waitForResponse((r) => /\/imports\/drafts\/\d+\/commit$/.test(new URL(r.url()).pathname));
    await page.getByTestId('import-commit').click();
    expect((await committed).status()).toBe(200);
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('3 created');
    await page.goto(conferenceUrl);
    const table = page.getByTestId('attendee-table');
    // country names come with the countries list, which may still be loading
    await table.getByText('United States').waitFor();
    const listed = await table.innerText();
    for (const text of ['Marie Lambert', 'France', 'John Miller', 'United States', '李明', 'China', 'Speaker']) expect(listed).toContain(text);
    await page.getByTestId('conference-attendees').getByText('Listed: 3; foreign: 2; countries and regions: 3.').waitFor();

    await page.getByTestId('conference-to-closed').click();
    await page.getByTestId('conference-summary-input').fill('Two days, 24 talks; a joint trial of the paediatric leukaemia protocol was agreed.');
    await page.getByTestId('conference-step-ok').click();
    await page.getByTestId('conference-status').filter({ hasText: /^Closed \(summary submitted\)$/ }).waitFor();
    expect(await page.getByTestId('conference-summary').innerText()).toContain('24 talks');
    expect(await page.getByTestId('conference-classification').innerText()).toBe('Major');
    expect(await page.getByTestId('attendee-table').innerText()).toContain('Marie Lambert');

    // the list finds it among the major conferences, closed
    await page.goto(`${server.base}/conferences?classification=major&status=closed`);
    const row = page.locator('tr', { hasText: title });
    await row.waitFor();
    expect(await row.innerText()).toContain('Major');

    expect(errors).toEqual([]);
    await page.close();
  });
});
