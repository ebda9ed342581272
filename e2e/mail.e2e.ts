import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { AGREEMENT_STATUS_LABELS } from '../src/shared/i18n/agreement-labels.ts';
import { KIND_NAMES } from '../src/shared/i18n/mail-messages.ts';
import { launchChromium, signIn, startInterchange } from './support.ts';

// The demo has no mail server: a message stays in the outbox, where the administrator reads it.
// The Ruijin coordinator (whose language is Chinese) submits a draft agreement, the office
// approves it, and the administrator finds the message telling the coordinator, in Chinese.
let server: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;
let page: Page;
const errors: string[] = [];

/** An API session of a demo account: a call sends its CSRF token. */
async function apiAs(email: string, password: string): Promise<{ get(url: string): Promise<unknown>; post(url: string, body: unknown): Promise<unknown>; context: APIRequestContext }> {
  const context = await playwrightRequest.newContext({ baseURL: server.base });
  const signedIn = await context.post('/api/auth/sign-in', { data: { email, password } });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  return {
    context,
    get: async (url) => (await context.get(url)).json(),
    post: async (url, body) => {
      const answer = await context.post(url, { data: body, headers: { 'x-csrf-token': csrfToken } });
      expect(answer.status(), await answer.text()).toBeLessThan(300);
      return answer.json();
    },
  };
}

beforeAll(async () => {
  // The address messages link to (the server started below inherits it).
  process.env.INTERCHANGE_PUBLIC_URL = 'https://ie.example.edu.cn';
  server = await startInterchange();
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => errors.push(String(e)));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the outbox of the demo', () => {
  it('shows the message telling the coordinator, in Chinese, that the office approved what they submitted', async () => {
    // The administrator opens the outbox first, on the held messages: the message written after
    // the steps below must appear there by itself, without a reload or another click.
    const requests: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/admin/outbox')) requests.push(`${r.status()} ${new URL(r.url()).search}`);
    });
    await signIn(page, server.base, 'admin@demo.interchange', 'demo-admin-password', '中文');
    await page.getByRole('menuitem', { name: '发件箱' }).click();
    await page.waitForURL(/\/outbox$/);
    await page.getByTestId('outbox-statuses').getByText('保留（未配置邮件服务器）').click();

    const coordinator = await apiAs('coordinator@demo.interchange', 'demo-coordinator-password');
    const officer = await apiAs('officer@demo.interchange', 'demo-officer-password');
    const drafts = (await coordinator.get('/api/agreements?status=draft&pageSize=100')) as { items: Array<{ id: number; version: number; titleZh: string }> };
    const draft = drafts.items[0]!;
    expect(draft).toBeDefined();
    const submitted = (await coordinator.post(`/api/agreements/${draft.id}/transitions`, { to: 'under_review', version: draft.version })) as { version: number };
    await officer.post(`/api/agreements/${draft.id}/transitions`, { to: 'approved', version: submitted.version });

    const subject = `${KIND_NAMES.agreement!.zh} #${draft.id}`;
    // The worker polls every 2 s: the message is written by one job and held by the next.
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: subject }).count(), { timeout: 60_000, interval: 1000 })
      .toBe(1)
      .catch((error: unknown) => {
        // what the page asked for and was answered, for the cause of a failure
        throw new Error(`${String(error)}\noutbox requests: ${requests.join(', ')}`);
      });
    const row = page.getByRole('row').filter({ hasText: subject });
    await expect.poll(() => row.textContent()).toContain(AGREEMENT_STATUS_LABELS.approved.zh);
    expect(await row.textContent()).toContain('coordinator@demo.interchange');
    await row.locator('.ant-table-row-expand-icon').click();
    const body = page.getByTestId('outbox-body').first();
    await expect.poll(() => body.textContent()).toContain(AGREEMENT_STATUS_LABELS.under_review.zh);
    expect(await body.textContent()).toContain(`https://ie.example.edu.cn/agreements/${draft.id}`);

    await page.getByRole('menuitem', { name: '后台任务' }).click();
    await page.waitForURL(/\/jobs$/);
    await expect.poll(() => page.getByTestId('job-states').textContent()).toMatch(/已完成 \(\d+\)/);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'send-mail' }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await coordinator.context.dispose();
    await officer.context.dispose();
  }, 180_000);
});
