import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

async function searchInstitutions(page: Page, q: string): Promise<string> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/institutions?') && r.url().includes('q='));
  await page.goto(`${server.base}/institutions?q=${encodeURIComponent(q)}`);
  await answered;
  await page.locator('.ant-table-tbody').waitFor();
  await page.waitForLoadState('networkidle');
  return page.locator('.ant-table-tbody').innerText();
}

describe('an officer adds a partner from the catalogue', () => {
  it('finds it, names it in Chinese, finds it again by that name and without accents, and sees the audit entry', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    await page.goto(`${server.base}/institutions/new`);
    await page.getByTestId('catalogue-picker').fill('denis diderot');
    const option = page.locator('.ant-select-item-option', { hasText: 'Université Denis Diderot' }).first();
    await option.waitFor();
    await option.click();
    await expect(page.getByLabel('Name in English').inputValue()).resolves.toBe('Université Denis Diderot (Paris VII)');
    await page.getByTestId('institution-save').click();
    await page.waitForURL(/\/institutions\/\d+$/);
    const recordUrl = page.url();

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Name in Chinese').fill('巴黎第七大学');
    await page.getByTestId('institution-save').click();
    await page.getByTestId('record-history').getByText('巴黎第七大学').first().waitFor();
    const history = await page.getByTestId('record-history').innerText();
    expect(history).toContain('officer@demo.interchange');
    expect(history).toContain('巴黎第七大学');

    expect(await searchInstitutions(page, '巴黎第七大学')).toContain('Denis Diderot');
    expect(await searchInstitutions(page, '巴黎第七大學')).toContain('Denis Diderot');
    expect(await searchInstitutions(page, 'universite denis diderot')).toContain('Denis Diderot');
    expect(await searchInstitutions(page, 'universite karolinska')).not.toContain('Denis Diderot');

    await page.goto(`${server.base}/audit`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('body').innerText()).toContain('officer@demo.interchange');
    expect(recordUrl).toMatch(/\/institutions\/\d+$/);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows the interface in Chinese and French', async () => {
    const page = await browser.newPage();
    await signIn(page, server.base, 'viewer@demo.interchange', 'demo-viewer-password', '中文');
    // The organizations, so that the page does not depend on how many universities the demo has.
    await page.goto(`${server.base}/institutions?kind=international_organization`);
    await page.locator('.ant-table-tbody').getByText('世界卫生组织').first().waitFor();
    expect(await page.getByRole('menu').first().innerText()).toContain('机构');
    await page.getByTestId('lang-switch').getByText('Français').click();
    await expect(page.getByText('Organisation mondiale de la Santé').first().waitFor()).resolves.toBeUndefined();
    await page.close();
  });
});
