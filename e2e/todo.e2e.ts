import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, settle, signIn, startInterchange } from './support.ts';

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

describe('the to-do list', () => {
  it('is where the officer lands: a demo mission whose trip report is overdue, followed, reported, and gone from the list', async () => {
    const page = await browser.newPage();
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    await page.waitForURL(/\/todo$/);
    await page.getByRole('heading', { name: 'To-do' }).waitFor();

    // a mission of the demo, travelled, its report past due
    const late = page.getByTestId('todo-group-reports').locator('[data-testid^="todo-item-missions-"][data-standing="late"]').first();
    await late.waitFor();
    const testId = (await late.getAttribute('data-testid'))!;
    const id = Number(testId.replace('todo-item-missions-', ''));
    expect(id).toBeGreaterThan(0);
    expect(await late.innerText()).toContain('File the report');
    const title = await late.getByTestId('todo-link').innerText();

    await late.getByTestId('todo-link').click();
    await page.waitForURL(new RegExp(`/missions/${id}$`));
    await page.getByText(title).first().waitFor();
    await page.getByTestId('mission-report-overdue').waitFor();
    await page.getByTestId('mission-to-closed').click();
    await settle(page);
    await page.getByRole('dialog').getByTestId('mission-report-text').fill('Met the partners as planned; two joint projects agreed. Report filed from the to-do list.');
    await page.getByTestId('mission-step-ok').click();
    await page.getByTestId('mission-status').filter({ hasText: /^Closed/ }).waitFor();

    // back to the list by the menu: the item is gone, read again from the server
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/todo' && r.ok());
    await page.getByRole('menuitem', { name: 'To-do' }).click();
    const list = await (await answered).json();
    expect(list.items.some((i: { kind: string; id: number }) => i.kind === 'missions' && i.id === id)).toBe(false);
    await page.getByTestId('todo-group-reports').waitFor();
    expect(await page.getByTestId(testId).count()).toBe(0);
    // the dashboard stays one click away
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.waitForURL(new RegExp(`${server.base}/?$`));

    // the outbox holds the digest that listed it (written when the demo loaded, no mail server:
    // held), in Chinese, the officer's language
    const admin = await browser.newPage();
    await signIn(admin, server.base, 'admin@demo.interchange', 'demo-admin-password', 'English');
    await admin.waitForURL(/\/todo$/);
    await admin.goto(`${server.base}/outbox`);
    const digest = admin.locator('tr.ant-table-row').filter({ hasText: 'officer@demo.interchange' }).filter({ hasText: '待办摘要' });
    await digest.first().waitFor();
    expect(await digest.count()).toBe(1);
    expect(await digest.innerText()).toMatch(/\bzh\b/);
    await digest.locator('.ant-table-row-expand-icon').click();
    const body = admin.getByTestId('outbox-body').filter({ hasText: `/missions/${id}` });
    await body.waitFor();
    const text = await body.innerText();
    expect(text).toContain('待提交报告');
    expect(text).toMatch(new RegExp(`\\[已逾期\\][^\\n]*#${id} `));
    // an absolute link (the demo was loaded before this server chose its port: the default address)
    expect(text).toMatch(new RegExp(`https?://[^\\s/]+/missions/${id}\\b`));
  });

  it('shows the leadership what is late in each unit, read-only', async () => {
    const page = await browser.newPage();
    await signIn(page, server.base, 'leader@demo.interchange', 'demo-leader-password', 'English');
    await page.waitForURL(/\/todo$/);
    const summary = page.getByTestId('todo-late-by-unit');
    await summary.getByText('Late, by unit').waitFor();
    await summary.locator('[data-testid^="todo-late-unit-"]').first().waitFor();
    const counts = await summary.locator('[data-testid^="todo-late-unit-"]').allInnerTexts();
    expect(counts.map((c) => Number(c.replace(/\D/g, ''))).every((n) => n > 0)).toBe(true);
  });

  it('is in Chinese for a Chinese reader, and its lead times are on the settings page, where the office changes one', async () => {
    const page = await browser.newPage();
    await signIn(page, server.base, 'admin@demo.interchange', 'demo-admin-password', '中文');
    await page.waitForURL(/\/todo$/);
    await page.getByTestId('todo-group-approvals').getByText('待审批').waitFor();
    await page.getByTestId('todo-group-reports').getByText('提交总结报告').first().waitFor();

    await page.goto(`${server.base}/settings`);
    await page.getByText('办理期限').waitFor();
    await page.getByText('出访团组 — 提交总结报告').waitFor();
    const key = 'deadline.missions.report';
    // the test id is on the input itself or on its wrapper, depending on the control's version
    const input = page.locator(`input[data-testid="setting-${key}"], [data-testid="setting-${key}"] input`).first();
    expect(await input.inputValue()).toBe('30');
    await input.fill('45');
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/settings/${key}` && r.request().method() === 'PATCH');
    await page.getByTestId(`setting-save-${key}`).click();
    expect((await saved).status()).toBe(200);
    const settings = (await (await page.request.get(`${server.base}/api/settings`)).json()) as Array<{ key: string; value: number }>;
    expect(settings.find((s) => s.key === key)?.value).toBe(45);
  });
});
