import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import ICAL from 'ical.js';
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

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The VEVENTs of a feed, read by ical.js. */
const eventsOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('the calendar feed on the account page', () => {
  it('gives the Ruijin coordinator an address a calendar reads without signing in, and a new one that ends the old', async () => {
    const page = await browser.newPage();
    await signIn(page, server.base, 'coordinator@demo.interchange', 'demo-coordinator-password', '中文');
    await page.goto(`${server.base}/account`);
    await page.getByText('日历订阅').first().waitFor();
    await page.getByText('您还没有日历订阅地址。').waitFor();
    await page.getByTestId('calendar-feed-make').click();
    const first = (await page.getByTestId('calendar-feed-url').innerText()).trim();
    expect(first).toMatch(new RegExp(`^${server.base}/calendar/icf_[\\w-]{43}\\.ics$`));

    // what a calendar does: fetch it, with no cookie
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = eventsOf(await feed.text());
    expect(events.length).toBeGreaterThan(0);
    // in the coordinator's language
    const trips = events.filter((e) => e.uid.startsWith('visit-') || e.uid.startsWith('mission-'));
    expect(trips.length).toBeGreaterThan(0);
    for (const e of trips) expect(e.summary).toMatch(/^(来访|出访)：/);

    // a new address, after confirming that the old one stops working
    await page.reload();
    await page.getByTestId('calendar-feed-state').getByText('地址创建于', { exact: false }).waitFor();
    await page.getByTestId('calendar-feed-make').click();
    await page.getByText('当前地址将立即失效', { exact: false }).waitFor();
    await settle(page);
    await page.getByTestId('calendar-feed-confirm').click();
    await page.getByTestId('calendar-feed-url').waitFor();
    const second = (await page.getByTestId('calendar-feed-url').innerText()).trim();
    expect(second).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);

    // the card, its address shown, as axe-core judges it (the account page is not among the accessibility journey's pages)
    await page.evaluate(AXE);
    const serious = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Element, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
      const card = document.querySelector('[data-testid="calendar-feed-card"]')!;
      return (await axe.run(card, { resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id);
    });
    expect(serious).toEqual([]);
  });
});
