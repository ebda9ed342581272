import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ERROR_MESSAGES } from '../src/shared/i18n/errors.ts';
import { daysFromToday, launchChromium, selectOption, signIn, startInterchange } from './support.ts';

/**
 * Forms and read-only pages as a daily user meets them: Enter in a date field of a new agreement
 * commits the date and saves nothing (Ctrl+Enter saves), the demo viewer reads record pages
 * with no panel refused to them, and an agreement's card offers only the steps that can succeed.
 */
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

describe('a create form', () => {
  it('takes Enter in a date field as the date, not as saving; Ctrl+Enter saves', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/agreements') posts.push(r.url());
    });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    await page.goto(`${server.base}/agreements/new`);
    const title = `Enter-key agreement ${Date.now()}`;
    await page.getByLabel('Title in English').fill(title);
    await page.getByLabel('Title in Chinese').fill('回车键测试协议');
    const expires = page.getByLabel('Expires on');
    await expires.fill('2031-06-30');
    await expires.press('Enter');
    // the date is taken, the picker closed, and nothing was sent: the page is still the form
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
    await expect(expires.inputValue()).resolves.toBe('2031-06-30');
    await page.getByLabel('Title in English').press('Enter');
    await page.waitForTimeout(1000);
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/agreements/new');
    await page.getByTestId('agreement-save').waitFor();

    // with its partner chosen, Ctrl+Enter in a field saves it once
    await page.getByTestId('agreement-partner-catalogue').click();
    await selectOption(
      page,
      page.getByTestId('catalogue-picker'),
      (dropdown) => dropdown.locator('.ant-select-item-option', { hasText: 'University of Macau' }),
      page.getByTestId('agreement-partner-row').getByText('University of Macau'),
      'university of macau',
    );
    await page.getByLabel('Title in English').press('Control+Enter');
    await page.waitForURL(/\/agreements\/\d+$/);
    await page.getByText(title).first().waitFor();
    expect(posts).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the demo viewer', () => {
  it('reads a visit, an agreement, an exchange and a programme student with no panel refused and no error shown', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401 || r.status() === 403) refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await signIn(page, server.base, 'viewer@demo.interchange', 'demo-viewer-password', 'English');

    const firstId = async (path: string) => {
      const answer = await page.request.get(`${server.base}${path}?pageSize=1`);
      expect(answer.status()).toBe(200);
      return ((await answer.json()) as { items: Array<{ id: number }> }).items[0]!.id;
    };
    const forbidden = Object.values(ERROR_MESSAGES.forbidden!);
    const pages = [
      `/visits/${await firstId('/api/visits')}`,
      `/agreements/${await firstId('/api/agreements')}`,
      `/exchanges/opportunities/${await firstId('/api/exchange-opportunities')}`,
      `/exchanges/applications/${await firstId('/api/exchange-applications')}`,
      `/programmes/students/${await firstId('/api/programme-students')}`,
    ];
    for (const path of pages) {
      await page.goto(`${server.base}${path}`);
      await page.locator('.ant-card').first().waitFor();
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      for (const message of forbidden) expect(text, path).not.toContain(message);
      expect(await page.locator('.ant-typography-danger').count(), path).toBe(0);
      // the history is the audit log's: not for a viewer
      expect(await page.getByTestId('record-history').count(), path).toBe(0);
    }
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an agreement’s steps', () => {
  it('offers only the steps that can succeed, and shows a refused date next to the field in words', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    const today = daysFromToday(0);
    const answer = await page.request.get(`${server.base}/api/agreements?status=active&pageSize=100`);
    const { items } = (await answer.json()) as { items: Array<{ id: number; expiresOn: string | null; effectiveOn: string | null; autoRenewal: boolean }> };
    const running = items.find((a) => a.expiresOn && a.expiresOn > today && a.effectiveOn && !a.autoRenewal);
    expect(running, 'an active agreement that ends later').toBeDefined();

    await page.goto(`${server.base}/agreements/${running!.id}`);
    await page.getByTestId('agreement-to-terminated').waitFor();
    // it has not ended: "Mark as expired" would be refused, so it is not offered
    expect(await page.getByTestId('agreement-to-expired').count()).toBe(0);

    await page.getByTestId('agreement-to-terminated').click();
    const date = page.getByTestId('agreement-step-date');
    await expect(date.inputValue()).resolves.toBe(today);
    const before = new Date(Date.parse(`${running!.effectiveOn!}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await date.fill(before);
    await date.press('Enter');
    await page.getByTestId('agreement-step-ok').click();
    const item = page.getByTestId('agreement-step-date-item');
    await item.getByText('is before the agreement took effect').waitFor();
    expect(await item.innerText()).not.toMatch(/\bon:/);
    expect(await page.locator('.ant-message').innerText().catch(() => '')).not.toContain('took effect');
    // the agreement is unchanged
    expect(((await (await page.request.get(`${server.base}/api/agreements/${running!.id}`)).json()) as { status: string }).status).toBe('active');
    await page.close();
  });
});

describe('the lists', () => {
  it('open newest first on their date, and the first rows are the newest', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    const lists: Array<[string, string, string]> = [
      ['/agreements', '/api/agreements', 'termEndsOn'],
      ['/conferences', '/api/conferences', 'startDate'],
      ['/honours', '/api/honours', 'conferredOn'],
      ['/students', '/api/students', 'enrolledOn'],
      ['/experts', '/api/appointments', 'startDate'],
      ['/exchanges/opportunities', '/api/exchange-opportunities', 'academicYear'],
      ['/exchanges/applications', '/api/exchange-applications', 'appliedOn'],
      ['/visits', '/api/visits', 'startDate'],
      ['/missions', '/api/missions', 'startDate'],
    ];
    for (const [path, api, key] of lists) {
      const asked = page.waitForResponse((r) => new URL(r.url()).pathname === api && r.request().method() === 'GET' && r.status() === 200);
      await page.goto(`${server.base}${path}`);
      const answer = await asked;
      expect(new URL(answer.url()).searchParams.get('order'), path).toBe('desc');
      const items = ((await answer.json()) as { items: Array<Record<string, unknown>> }).items.map((item) => item[key]).filter((v) => v != null) as Array<string | number>;
      expect(items.length, path).toBeGreaterThan(1);
      expect([...items].sort().reverse(), path).toEqual(items);
    }
    await page.close();
  });
});
