import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, settle, signIn, startInterchange } from './support.ts';

/**
 * Accessibility as axe-core (run in the page) judges it, on the main pages as the officer sees
 * them: no critical and no serious violation. Also: a skip link as the first stop of Tab, and
 * the user menu within a 390-pixel-wide screen.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = [
  '/todo', '/dashboard', '/institutions', '/partners', '/organizations', '/agreements', '/agreements/renewal-watch',
  '/visits', '/missions', '/people', '/experts', '/conferences', '/honours', '/students', '/programmes',
  '/programmes/students', '/exchanges/applications', '/exchanges/opportunities', '/ledger', '/reports', '/settings',
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

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

async function violations(page: Page): Promise<Violation[]> {
  // evaluated over the debugging protocol: the app's CSP rightly refuses an inline script
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

describe('accessibility', () => {
  it('finds no critical or serious violation on the main pages, in English and in Chinese', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    const found: string[] = [];
    for (const language of ['English', '中文'] as const) {
      if (language === '中文') await page.getByText('中文', { exact: true }).click();
      for (const path of PAGES) {
        await page.goto(`${server.base}${path}`);
        await page.waitForLoadState('networkidle');
        await settle(page);
        for (const v of await violations(page)) found.push(`${language} ${path}: ${v.impact} ${v.id} (${v.help}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    expect(found).toEqual([]);
    await page.close();
  }, 900_000);

  it('lets Tab reach the page’s content first, and keeps the user menu on a phone’s screen', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    await page.goto(`${server.base}/visits`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();

    const phone = await browser.newPage({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    // the browser's language is English; on a phone the switch shows EN / 中 / FR
    await signIn(phone, server.base, 'officer@demo.interchange', 'demo-officer-password');
    await phone.goto(`${server.base}/visits`);
    const menu = phone.getByTestId('user-menu');
    await menu.waitFor();
    const box = (await menu.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
