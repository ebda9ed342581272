import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { daysFromToday, downloadPrepared, launchChromium, selectOption, signIn, startInterchange } from './support.ts';

// One journey per module that had none: create through the form, one workflow step (an edit for
// honours, which have none), the list with a filter in the URL, and the list's CSV export.
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
  // the exports are written in the user's language, which the switch saves on the server
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/preferences' && r.request().method() === 'PATCH');
  await page.getByTestId('lang-switch').getByText('English').click();
  expect((await saved).ok()).toBe(true);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const exactly = (text: string) => new RegExp(`^${text.replace(/[()[\].*+?^$|\\]/g, '\\$&')}$`);

/** Type into a searchable select and click the option, until the select shows it. */
async function choose(field: Locator, text: string, shown: string, option = '.ant-select-item-option'): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await selectOption(page, field, (dropdown) => dropdown.locator(option, { hasText: shown }), select.getByText(shown), text);
}

/** Pick an option of a select without search. */
async function pick(field: Locator, option: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await selectOption(
    page,
    select,
    (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: exactly(option) }),
    select.getByText(option, { exact: true }),
  );
}

async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  // Tab, not Enter: Enter in a form's field submits the form
  await field.press('Tab');
}

/** Click save and wait for the server's 201 and the record's page. */
async function create(save: Locator, path: string, url: RegExp): Promise<void> {
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === 'POST');
  await save.click();
  const answer = await saved;
  expect(answer.status(), await answer.text()).toBe(201);
  await page.waitForURL(url);
}

/** A CSV file's rows (quoted fields, doubled quotes, CRLF), without a byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Click an export button and read the CSV its background job prepared: its header row and its rows as objects. */
async function download(link: Locator): Promise<{ name: string; header: string[]; rows: Record<string, string>[] }> {
  const file = await downloadPrepared(page, link);
  const path = await file.path();
  const [header = [], ...body] = parseCsv(readFileSync(path, 'utf8'));
  const rows = body.filter((r) => r.some(Boolean)).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { name: file.suggestedFilename(), header, rows };
}

/** The table's rows once loaded (no loading veil), at least one. */
async function tableRows(scope: Locator | Page = page): Promise<Locator> {
  const rows = scope.locator('.ant-table-row');
  await rows.first().waitFor();
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  return rows;
}

async function everyRow(rows: Locator, check: (text: string) => void): Promise<void> {
  const texts = await rows.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  texts.forEach(check);
}

describe('an officer works through each module', () => {
  it('missions: requests a mission, approves it with an approval number, lists the approved ones, exports them', async () => {
    const stamp = Date.now();
    const title = `Mission to the Karolinska Institutet ${stamp}`;
    await page.goto(`${server.base}/missions/new`);
    await page.getByLabel('Title in English').fill(title);
    await fillDate(page.getByLabel('Departure', { exact: true }), daysFromToday(20));
    await fillDate(page.getByLabel('Return', { exact: true }), daysFromToday(27));
    await choose(page.getByLabel('Sending unit'), 'Ruijin Hospital', 'Ruijin Hospital (RUIJIN)', '.ant-select-tree-title');
    await choose(page.getByTestId('mission-destination-row').first().getByLabel('Host institution'), 'Karolinska', 'Karolinska');
    await choose(page.getByTestId('mission-member-row').first().getByLabel('Staff member'), 'Chirac', 'Chirac');
    await create(page.getByTestId('mission-save'), '/api/missions', /\/missions\/\d+$/);
    await page.getByTestId('mission-status').filter({ hasText: /^Requested$/ }).waitFor();

    const approvalNo = `沪卫外批 ${stamp}`;
    await page.getByTestId('mission-to-approved').click();
    await page.getByTestId('mission-approval-no').fill(approvalNo);
    await page.getByTestId('mission-step-ok').click();
    await page.getByTestId('mission-status').filter({ hasText: /^Approved$/ }).waitFor();

    await page.goto(`${server.base}/missions?status=approved`);
    await page.getByTestId('missions-status-filter').getByText('Approved', { exact: true }).waitFor();
    await everyRow(await tableRows(), (text) => expect(text).toContain('Approved'));
    await page.locator('.ant-table-row', { hasText: title }).waitFor();

    const csv = await download(page.getByTestId('missions-csv'));
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.header).toEqual(expect.arrayContaining(['Mission', 'Status', 'Approval no.']));
    expect(csv.rows.length).toBeGreaterThan(0);
    for (const row of csv.rows) expect(row.Status).toBe('Approved');
    const ours = csv.rows.find((r) => r.Mission?.includes(title));
    expect(ours?.['Approval no.']).toBe(approvalNo);
  });

  it('honours: records an honour, edits it, lists one kind, exports them', async () => {
    const stamp = Date.now();
    const name = `Honorary Doctorate of the University of Geneva ${stamp}`;
    await page.goto(`${server.base}/honours/new`);
    await choose(page.getByLabel('Holder'), 'Chirac', 'Chirac');
    await pick(page.getByLabel('Kind'), 'Honorary degree');
    await page.getByLabel('Name in English').fill(name);
    await pick(page.getByLabel('Date known to the'), 'Day');
    await fillDate(page.getByLabel('Conferred on'), daysFromToday(-30));
    await create(page.getByTestId('honour-save'), '/api/honours', /\/honours\/\d+$/);
    await page.getByRole('heading', { name }).waitFor();

    // no workflow: an edit instead
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Name in English').fill(`${name} (honoris causa)`);
    const saved = page.waitForResponse((r) => /^\/api\/honours\/\d+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PATCH');
    await page.getByTestId('honour-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('heading', { name: `${name} (honoris causa)` }).waitFor();

    await page.goto(`${server.base}/honours?kind=honorary_degree`);
    await page.getByTestId('honours-kind').getByText('Honorary degree', { exact: true }).waitFor();
    await tableRows();
    await page.locator('.ant-table-row', { hasText: `${name} (honoris causa)` }).waitFor();

    const csv = await download(page.getByTestId('honours-csv'));
    expect(csv.header).toEqual(expect.arrayContaining(['Holder', 'Kind', 'Honour']));
    for (const row of csv.rows) expect(row.Kind).toBe('Honorary degree');
    expect(csv.rows.find((r) => r.Honour === `${name} (honoris causa)`)?.Holder).toContain('Chirac');
  });

  it('students: admits an international degree student, registers them, lists the enrolled ones, exports them', async () => {
    const stamp = Date.now();
    const programme = `Clinical Medicine ${stamp}`;
    await page.goto(`${server.base}/students/new`);
    await choose(page.getByLabel('Student', { exact: true }), 'Clinton', 'Clinton');
    await pick(page.getByLabel('Level'), 'Master');
    await page.getByLabel('Programme (English)').fill(programme);
    await choose(page.getByLabel('School or department'), 'Ruijin Hospital', 'Ruijin Hospital (RUIJIN)', '.ant-select-tree-title');
    await fillDate(page.getByLabel('Admitted on'), daysFromToday(-20));
    await create(page.getByTestId('student-save'), '/api/students', /\/students\/\d+$/);
    const status = page.getByTestId('student-workflow').getByTestId('student-status');
    await status.filter({ hasText: /^Admitted$/ }).waitFor();

    await page.getByTestId('student-to-enrolled').click();
    await page.getByTestId('student-step-ok').click();
    await status.filter({ hasText: /^Enrolled$/ }).waitFor();

    await page.goto(`${server.base}/students?status=enrolled`);
    await page.getByTestId('students-status').getByText('Enrolled', { exact: true }).waitFor();
    await everyRow(await tableRows(), (text) => expect(text).toContain('Enrolled'));

    const csv = await download(page.getByTestId('students-csv'));
    expect(csv.header).toEqual(expect.arrayContaining(['Student', 'Programme', 'Status']));
    for (const row of csv.rows) expect(row.Status).toBe('Enrolled');
    expect(csv.rows.find((r) => r.Programme?.includes(programme))?.Student).toContain('Clinton');
  });

  it('experts: proposes an appointment, confers the title, lists the appointed ones, exports the renewal list', async () => {
    await page.goto(`${server.base}/experts/appointments/new`);
    await choose(page.getByLabel('Expert', { exact: true }), 'Balladur', 'Balladur');
    await pick(page.getByLabel('Title', { exact: true }), 'Guest lecturer');
    await choose(page.getByLabel('Appointing unit'), 'Ruijin Hospital', 'Ruijin Hospital (RUIJIN)', '.ant-select-tree-title');
    await fillDate(page.getByLabel('Term starts'), daysFromToday(-30));
    await fillDate(page.getByLabel('Term ends'), daysFromToday(40));
    await create(page.getByTestId('appointment-save'), '/api/appointments', /\/experts\/appointments\/\d+$/);
    const status = page.getByTestId('appointment-status');
    await status.filter({ hasText: /^Proposed$/ }).first().waitFor();

    await page.getByTestId('appointment-to-appointed').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^(OK|Yes|Confirm)/ }).click();
    await status.filter({ hasText: /^Appointed$/ }).first().waitFor();

    await page.goto(`${server.base}/experts?status=appointed`);
    await page.getByTestId('appointments-status-filter').getByText('Appointed', { exact: true }).waitFor();
    await everyRow(await tableRows(page.getByTestId('appointments-list')), (text) => expect(text).toContain('Appointed'));

    // the appointment ends within the renewal list's three months
    await page.goto(`${server.base}/experts/renewals`);
    await tableRows(page.getByTestId('expert-renewals-table'));
    const csv = await download(page.getByTestId('expert-renewals-csv'));
    expect(csv.header).toEqual(expect.arrayContaining(['Ends on', 'What', 'Expert', 'Title']));
    const ours = csv.rows.find((r) => r.Expert?.includes('Balladur') && r.Title === 'Guest lecturer');
    expect(ours?.['Ends on']).toBe(daysFromToday(40));
  });

  it('exchanges: records an application, shortlists it, lists the shortlisted ones, exports them', async () => {
    await page.goto(`${server.base}/exchanges/applications/new`);
    // the first exchange on offer
    const opportunity = page.getByLabel('Exchange opportunity');
    await opportunity.click();
    const first = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first();
    const offered = (await first.getAttribute('title')) ?? (await first.innerText());
    await first.click();
    await page.getByTestId('application-opportunity').locator(`[title="${offered}"]`).waitFor();
    const exchange = offered.split(' · ')[0]!;
    await choose(page.getByLabel('Student (person id)'), 'Carl XVI Gustaf', 'Carl XVI Gustaf');
    await page.getByLabel('Score (0–100)').fill('91.5');
    await create(page.getByTestId('application-save'), '/api/exchange-applications', /\/exchanges\/applications\/\d+$/);
    const status = page.getByTestId('application-workflow').getByTestId('application-status');
    await status.filter({ hasText: /^Submitted$/ }).waitFor();

    await page.getByTestId('application-to-shortlisted').click();
    await page.getByTestId('application-step-ok').click();
    await status.filter({ hasText: /^Shortlisted$/ }).waitFor();

    await page.goto(`${server.base}/exchanges/applications?status=shortlisted`);
    await page.getByTestId('applications-status-filter').getByText('Shortlisted', { exact: true }).waitFor();
    await everyRow(await tableRows(), (text) => expect(text).toContain('Shortlisted'));

    const csv = await download(page.getByTestId('applications-csv'));
    expect(csv.header).toEqual(expect.arrayContaining(['Name', 'Exchange', 'Status', 'Score']));
    for (const row of csv.rows) expect(row.Status).toBe('Shortlisted');
    const ours = csv.rows.find((r) => r.Name?.includes('Carl XVI Gustaf'));
    expect(ours?.Exchange).toContain(exchange);
    expect(ours?.Score).toBe('91.5');
  });

  it('the joint programme: finds an enrolled student not yet placed, proposes a residency placement, confirms it, exports the placed ones', async () => {
    // a yes/no filter is in the URL as the app writes it: the router reads a bare `false` as a boolean, not as the list's value
    await page.goto(`${server.base}/programmes/students?status=enrolled&placed=%22false%22`);
    await page.getByTestId('students-status').getByText('Enrolled', { exact: true }).waitFor();
    await page.getByTestId('students-placed').getByText('Not placed', { exact: true }).waitFor();
    const rows = await tableRows();
    await everyRow(rows, (text) => expect(text).toContain('Enrolled'));
    const link = rows.first().getByRole('link');
    const number = await link.innerText();
    await link.click();
    await page.getByRole('heading', { name: new RegExp(`^${number} · `) }).waitFor();

    // the residency needs the standard met: a passing assessment, today, of each stage assessed
    const standard = page.getByTestId('standard-state');
    await standard.waitFor();
    if ((await standard.innerText()).includes('Does not meet')) {
      const assessments = page.locator('.ant-card', { has: page.getByTestId('assessment-add') }).locator('.ant-table-row');
      const stages = new Set((await assessments.evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent ?? ''))).filter(Boolean));
      if (stages.size === 0) stages.add('Clinical');
      for (const stage of stages) {
        const before = await assessments.count();
        await page.getByTestId('assessment-add').click();
        const dialog = page.getByRole('dialog', { name: 'Record an assessment' });
        await pick(dialog.getByLabel('Stage'), stage);
        await fillDate(dialog.getByLabel('Date', { exact: true }), daysFromToday(0));
        await dialog.getByLabel('Meets the standard').click();
        await dialog.getByRole('button', { name: 'OK' }).click();
        await expect.poll(() => assessments.count()).toBe(before + 1);
      }
      await standard.filter({ hasText: /^Meets the standard/ }).waitFor();
    }

    await page.getByTestId('placement-propose').click();
    const dialog = page.getByRole('dialog', { name: 'Propose a placement' });
    await choose(dialog.getByLabel('Host hospital'), 'Hospices Civils de Lyon', 'Hospices Civils de Lyon');
    await dialog.getByLabel('Department').fill('Cardiology');
    await fillDate(dialog.getByLabel('Start', { exact: true }), daysFromToday(-10));
    await fillDate(dialog.getByLabel('End', { exact: true }), daysFromToday(170));
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const placement = page.locator('.ant-table-row', { hasText: 'Cardiology' });
    await placement.getByTestId('placement-status').filter({ hasText: /^Proposed$/ }).waitFor();

    await placement.getByTestId('placement-confirmed').click();
    await placement.getByTestId('placement-status').filter({ hasText: /^Confirmed$/ }).waitFor();

    await page.goto(`${server.base}/programmes/students?placed=%22true%22`);
    await page.getByTestId('students-placed').getByText('Placed', { exact: true }).waitFor();
    await everyRow(await tableRows(), (text) => expect(text).not.toContain('—'));
    const csv = await download(page.getByTestId('students-csv'));
    expect(csv.header).toEqual(expect.arrayContaining(['Student number', 'Name', 'Residency in France', 'Host hospital']));
    for (const row of csv.rows) expect(row['Residency in France']).toBe('Yes');
    expect(csv.rows.find((r) => r['Student number'] === number)?.['Host hospital']).toContain('Hospices Civils de Lyon');
  });

  afterAll(() => {
    expect(errors).toEqual([]);
  });
});
