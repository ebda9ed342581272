import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { expect, inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Download, type Locator, type Page } from 'playwright-core';
import { startServeProcess } from '../src/server/test/serve-process.ts';
import { addDays, officeToday } from '../src/shared/calendar.ts';

/**
 * Debian's chromium, as root, with no network chatter. Never a downloaded browser.
 * playwright gives each launch a fresh, empty profile of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A real `interchange serve` on its own copy of an embedded database with the demo data; `env` adds settings. */
export async function startInterchange(env: NodeJS.ProcessEnv = {}): Promise<{ base: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'interchange-e2e-'));
  cpSync(inject('demoTemplate'), dataDir, { recursive: true });
  const server = await startServeProcess({ ...process.env, ...env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: '' });
  return {
    base: server.base,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Wait until no finite animation runs on the page: a dialog still zooming in moves its fields. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Open an Ant Design select (typing `search` when it has one), click the option and wait until
 * the select shows `shown`, retrying: a modal that ends its opening animation takes the focus
 * and closes a dropdown opened a moment before, so one click is not enough on a busy machine.
 */
export async function selectOption(
  page: Page,
  opener: Locator,
  option: Locator | ((dropdown: Locator) => Locator),
  shown: Locator,
  search?: string,
): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    try {
      await settle(page);
      if (!(await dropdown.isVisible())) await opener.click({ timeout: 5000 });
      if (search !== undefined) await opener.fill(search, { timeout: 5000 });
      await (typeof option === 'function' ? option(dropdown) : option).first().click({ timeout: 5000 });
      await shown.first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

/** Sign in through the form and wait for the signed-in shell; then switch the interface to `language` when given. */
export async function signIn(page: Page, base: string, email: string, password: string, language?: 'English' | '中文' | 'Français'): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[name="email"], #email').first().fill(email);
  await page.locator('input[name="password"], #password').first().fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录|Se connecter)$/ }).click();
  await page.getByTestId('user-menu').waitFor();
  if (language) await page.getByTestId('lang-switch').getByText(language).click();
}

/**
 * A calendar date `days` from the office's today (Shanghai's), as the app proposes and the date
 * pickers take it: from 16:00 UTC on, the office is already on the next day.
 */
export function daysFromToday(days: number): string {
  return addDays(officeToday(), days);
}

/**
 * Clicks an export button (a list's CSV or Excel, a report's PDF), which has the file prepared
 * by a background job, and downloads it from the notification's link once ready; the
 * notifications are closed after, so that the next export's link is the only one.
 */
export async function downloadPrepared(page: Page, button: Locator): Promise<Download> {
  await button.click();
  const link = page.getByTestId('export-download');
  await link.waitFor({ timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  for (const close of await page.locator('.ant-notification-notice-close').all()) await close.click();
  await expect.poll(() => page.getByTestId('export-download').count()).toBe(0);
  return file;
}
