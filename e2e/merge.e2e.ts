import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { launchChromium, selectOption, settle, signIn, startInterchange } from './support.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;
let api: APIRequestContext;
let csrfToken = '';

beforeAll(async () => {
  server = await startInterchange();
  browser = await launchChromium();
  api = await playwrightRequest.newContext({ baseURL: server.base });
  const answer = await api.post('/api/auth/sign-in', { data: { email: 'officer@demo.interchange', password: 'demo-officer-password' } });
  expect(answer.status()).toBe(200);
  csrfToken = ((await answer.json()) as { csrfToken: string }).csrfToken;
});
afterAll(async () => {
  await api?.dispose();
  await browser?.close();
  await server?.stop();
});

async function post<T = { id: number }>(url: string, body: unknown): Promise<T> {
  const answer = await api.post(url, { data: body, headers: { 'x-csrf-token': csrfToken } });
  expect(answer.status(), `${url}: ${await answer.text()}`).toBeLessThan(300);
  return (await answer.json()) as T;
}

/** How many institutions the search finds for `q`, as the API counts them. */
async function institutionsNamed(q: string): Promise<number> {
  return ((await (await api.get(`/api/institutions?q=${encodeURIComponent(q)}`)).json()) as { total: number }).total;
}

/** The critical and serious violations axe-core finds on the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return found.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('no second Karolinska, and merging two institutions', () => {
  it('warns when the catalogue entry is an institution on file, and creates nothing unless asked', async () => {
    const before = await institutionsNamed('karolinska');
    expect(before).toBeGreaterThan(0);
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    await page.goto(`${server.base}/institutions/new`);
    await page.getByTestId('catalogue-picker').fill('karolinska institutet');
    // The Erasmus charter's entry: another catalogue reference than the one the demo's Karolinska came from.
    const option = page.locator('.ant-select-item-option', { hasText: 'KAROLINSKA INSTITUTET' }).first();
    await option.waitFor();
    await option.click();
    await page.getByTestId('institution-save').click();
    const warning = page.getByTestId('institution-exists');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Karolinska Institutet');
    expect(await warning.innerText()).toContain('website');
    expect(await page.getByTestId('institution-exists-open').getAttribute('href')).toMatch(/\/institutions\/\d+$/);
    expect(page.url()).toMatch(/\/institutions\/new$/);
    expect(await institutionsNamed('karolinska')).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('merges a duplicate into the survivor: the survivor’s card lists the other’s agreements', async () => {
    const survivor = await post('/api/institutions', { kind: 'university', nameEn: 'Merge Journey University', countryCode: 'DE', website: 'https://www.merge-journey.de' });
    const duplicate = await post('/api/institutions', { kind: 'university', nameEn: 'Merge Journey Univ. (duplicate)', countryCode: 'DE', createAnyway: true });
    const agreement = await post('/api/agreements', { titleEn: 'Merge journey agreement', titleZh: '合并测试协议', level: 'institutional', kind: 'comprehensive', partners: [{ institutionId: duplicate.id }] });
    expect(agreement.id).toBeGreaterThan(0);

    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    await page.goto(`${server.base}/institutions/${duplicate.id}`);
    await page.getByTestId('institution-agreements').getByText('Merge journey agreement').waitFor();
    await page.getByTestId('merge-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const picker = dialog.getByRole('combobox');
    await selectOption(page, picker, (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: 'Merge Journey University' }), dialog.locator('.ant-select').getByText('Merge Journey University'), 'Merge Journey University');
    const preview = dialog.getByTestId('merge-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/Agreements\s*1/);
    await settle(page);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByTestId('merge-confirm').click();
    await page.waitForURL(new RegExp(`/institutions/${survivor.id}$`));
    await page.getByTestId('institution-agreements').getByText('Merge journey agreement').waitFor();
    expect(await page.getByText('Merge Journey Univ. (duplicate)').count()).toBeGreaterThan(0);
    expect((await api.get(`/api/institutions/${duplicate.id}`)).status()).toBe(404);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    // The duplicate's old address leads to the survivor.
    await page.goto(`${server.base}/institutions/${duplicate.id}`);
    await page.waitForURL(new RegExp(`/institutions/${survivor.id}$`));
    await page.getByTestId('institution-agreements').getByText('Merge journey agreement').waitFor();
    await page.close();
  });
});
