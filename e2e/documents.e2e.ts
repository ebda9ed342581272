import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildDocx } from '../src/server/modules/documents/docx-build.ts';
import { documentDate } from '../src/server/modules/documents/document-dates.ts';
import { chineseLetterName } from '../src/server/modules/visits/invitation-letter.ts';
import { addDays } from '../src/shared/calendar.ts';
import type { Page as ListPage } from '../src/shared/contracts/common.ts';
import type { Application } from '../src/shared/contracts/exchanges.ts';
import type { Attendee, Conference } from '../src/shared/contracts/conferences.ts';
import type { FigureSet } from '../src/shared/contracts/reports.ts';
import type { Unit } from '../src/shared/contracts/units.ts';
import { delegationHead, type Visit } from '../src/shared/contracts/visits.ts';
import { DISTINCT_FIGURES } from '../src/shared/figure-groups.ts';
import { launchChromium, selectOption, settle, signIn, startInterchange } from './support.ts';

let server: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'interchange-documents-e2e-'));

beforeAll(async () => {
  server = await startInterchange();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RUIJIN_ZH = '上海交通大学医学院附属瑞金医院';

/** The critical and serious axe-core violations inside the elements `selector` finds (all of them). */
async function axeSerious(page: Page, selector: string): Promise<string[]> {
  await settle(page);
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll(sel))) {
      const { violations } = await axe.run(element, { resultTypes: ['violations'] });
      for (const v of violations) if (v.impact === 'critical' || v.impact === 'serious') found.push(`${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    }
    return found;
  }, selector);
}

/** A JSON answer of the API, read with the page's session. */
async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${server.base}${path}`);
  expect(response.status(), `${path}: ${(await response.text()).slice(0, 300)}`).toBe(200);
  return (await response.json()) as T;
}

/** The text of a .docx body as Word shows it (its runs joined, a line per paragraph). */
function docxText(file: Buffer): string {
  const xml = new PizZip(file).file('word/document.xml')!.asText();
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"');
}

/** Click the dialog's download and read the file the browser saves. */
async function download(page: Page): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('documents-download').click()]);
  const path = join(work, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

/** The Documents dialog's select labelled `label`: its input, and the select around it. */
function dialogSelect(page: Page, label: string): { field: Locator; select: Locator } {
  const field = page.getByRole('dialog').getByLabel(label, { exact: true });
  return { field, select: field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]') };
}

/** Choose an option of one of the Documents dialog's selects by its text. */
async function choose(page: Page, label: string, text: string): Promise<void> {
  const { field, select } = dialogSelect(page, label);
  await selectOption(page, field, (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: text }), select.getByText(text, { exact: true }));
}

/** Set the date of the document by typing it, as a user does (Tab, as in every journey's date field). */
async function setDate(dialog: Locator, date: string): Promise<void> {
  const input = dialog.getByLabel('Date on the document');
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

describe('an officer writes the letters of the office from its records', () => {
  it('the Chinese invitation letter for a visitor they choose, as .docx and PDF; a nomination letter; a certificate of attendance', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    // A visit to Ruijin, approved, of several visitors: the letter goes to one who is not the head.
    const ruijin = (await getJson<Unit[]>(page, '/api/units')).find((u) => u.code === 'RUIJIN')!;
    const approved = await getJson<ListPage<Visit>>(page, `/api/visits?status=approved&unitId=${ruijin.id}&pageSize=100`);
    let visit: Visit | undefined;
    for (const row of approved.items) {
      const full = await getJson<Visit>(page, `/api/visits/${row.id}`);
      if (full.hostUnitId === ruijin.id && full.members.length >= 2) {
        visit = full;
        break;
      }
    }
    expect(visit, 'an approved visit to Ruijin with two visitors or more in the demo').toBeTruthy();
    const head = delegationHead(visit!.members);
    const chosen = visit!.members.find((m) => m !== head)!;
    const chosenName = chineseLetterName({ ...chosen, familyName: chosen.familyName ?? '' });

    await page.goto(`${server.base}/visits/${visit!.id}`);
    await page.getByTestId('documents-button').click();
    const dialog = page.getByRole('dialog');
    const addressee = dialogSelect(page, 'Addressed to');
    await addressee.field.waitFor();
    // the head of the delegation is proposed first, the others after, as listed
    const nameOf = (m: Visit['members'][number]) => m.familyName ?? m.nameZh ?? '';
    expect(await addressee.select.innerText()).toContain(nameOf(head));
    await selectOption(page, addressee.field, (dropdown) => dropdown.locator('.ant-select-item-option').nth(1), addressee.select.getByText(nameOf(chosen)));
    await choose(page, 'Language', 'Chinese');

    // A letter dated after the visit began is pointed out; one dated before it is not.
    await setDate(dialog, addDays(visit!.startDate, 1));
    await dialog.getByTestId('documents-date-note').waitFor();
    expect(await dialog.getByTestId('documents-date-note').innerText()).toContain(visit!.startDate);
    const letterDate = addDays(visit!.startDate, -14);
    await setDate(dialog, letterDate);
    await dialog.getByTestId('documents-date-note').waitFor({ state: 'detached' });

    expect(await axeSerious(page, '.ant-modal')).toEqual([]);

    const docx = await download(page);
    expect(docx.name).toMatch(new RegExp(`^invitation-${visit!.id}-${chosen.personId}-zh\\.docx$`));
    const text = docxText(docx.body);
    expect(text).toContain(chosenName);
    expect(text).toContain(RUIJIN_ZH);
    expect(text).toContain(documentDate(letterDate, 'zh'));

    await choose(page, 'Format', 'PDF');
    const pdf = await download(page);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const pdfPath = join(work, 'letter.pdf');
      writeFileSync(pdfPath, pdf.body);
      const read = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(read).toContain(chosenName.replace(/\s+/g, ''));
      expect(read).toContain(RUIJIN_ZH);
    }
    await page.keyboard.press('Escape');

    // The nomination letter of one partner and academic year, from the exchange's opportunity.
    // (the letter names the students selected, nominated, and gone or back since)
    let nominee: Application | undefined;
    for (const status of ['nominated', 'selected', 'departed', 'returned']) {
      nominee ??= (await getJson<ListPage<Application>>(page, `/api/exchange-applications?status=${status}&pageSize=1`)).items[0];
    }
    expect(nominee, 'a nominee in the demo').toBeTruthy();
    await page.goto(`${server.base}/exchanges/opportunities/${nominee!.opportunityId}`);
    await page.getByTestId('nomination-letter').click();
    await page.getByRole('dialog').getByTestId('documents-download').waitFor();
    expect(await axeSerious(page, '.ant-modal')).toEqual([]);
    const nomination = await download(page);
    expect(nomination.name).toBe(`nomination-${nominee!.hostInstitutionId}-${nominee!.opportunity.academicYear}-en.docx`);
    const nominationText = docxText(nomination.body);
    expect(nominationText).toContain(nominee!.hostInstitution.nameEn);
    expect(nominationText.toUpperCase()).toContain((nominee!.person.familyName ?? '').toUpperCase());
    await page.keyboard.press('Escape');

    // The same letter from the applications list filtered by that partner and year.
    await page.goto(`${server.base}/exchanges/applications?hostInstitutionId=${nominee!.hostInstitutionId}&academicYear=${nominee!.opportunity.academicYear}`);
    await page.getByTestId('nomination-letter').click();
    const again = await download(page);
    expect(docxText(again.body)).toContain(nominee!.hostInstitution.nameEn);
    await page.keyboard.press('Escape');

    // A certificate of attendance for one attendee of a conference held.
    const held = await getJson<ListPage<Conference>>(page, '/api/conferences?status=held&pageSize=20');
    let conference: Conference | undefined;
    let attendee: Attendee | undefined;
    for (const c of held.items) {
      const attendees = await getJson<Attendee[]>(page, `/api/conferences/${c.id}/attendees`);
      if (attendees.length) {
        conference = c;
        attendee = attendees[0];
        break;
      }
    }
    expect(attendee, 'a held conference with attendees in the demo').toBeTruthy();
    await page.goto(`${server.base}/conferences/${conference!.id}`);
    await page.getByTestId(`attendee-certificate-${attendee!.id}`).click();
    await page.getByRole('dialog').getByTestId('documents-download').waitFor();
    const certificate = await download(page);
    expect(certificate.name).toBe(`attendance-${conference!.id}-${attendee!.id}-en.docx`);
    expect(docxText(certificate.body)).toContain(attendee!.fullName);
    await page.keyboard.press('Escape');
    expect(await axeSerious(page, '[data-testid="conference-attendees"]')).toEqual([]);

    // A figure that counts distinct things opens its records with as many groups as it says.
    const figures = (await getJson<FigureSet>(page, '/api/reports/figures')).figures;
    const universities = figures.find((f) => f.key === 'exchange.universities')!;
    expect(new URL(universities.records!.page, server.base).searchParams.get('groupBy')).toBe(DISTINCT_FIGURES['exchange.universities']);
    await page.goto(`${server.base}${universities.records!.page}`);
    await page.getByTestId('distinct-count').waitFor();
    expect(Number(await page.getByTestId('distinct-count').getAttribute('data-count'))).toBe(universities.value);
    expect(await axeSerious(page, '[data-testid="distinct-groups"]')).toEqual([]);

    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an administrator uploads the office’s own template', () => {
  it('is refused a template with a placeholder the kind does not have, told which, in French', async () => {
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.base, 'admin@demo.interchange', 'demo-admin-password', 'Français');
    await page.goto(`${server.base}/settings`);
    const cell = page.getByTestId('template-invitation_letter-fr');
    await cell.waitFor();
    const broken = buildDocx([{ text: 'Madame, Monsieur {visitorNmae}, bienvenue à {hostUnit}.' }], 'lettre');
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/document-templates/invitation_letter/fr' && r.request().method() === 'POST');
    await cell.locator('input[type="file"]').setInputFiles({ name: 'lettre-invitation.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: broken });
    expect((await refused).status()).toBe(400);
    const toast = page.locator('.ant-message-notice').filter({ hasText: '{visitorNmae}' });
    await toast.waitFor();
    expect(await toast.innerText()).toContain('utilise le champ {visitorNmae}');
    // the built-in template stays in use
    expect(await cell.innerText()).toContain('Intégré');
    expect(await axeSerious(page, '[data-testid="document-templates"]')).toEqual([]);
    await page.close();
  });
});
