import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { daysFromToday, launchChromium, startInterchange } from './support.ts';

// Issue 6, "Bad input": records whose names hold markup, SQL, bidirectional controls and emoji
// are shown as text on every page that shows them: no dialog ever opens, no element of theirs
// appears, and the text reads as given.

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const SQL = "'; DROP TABLE people; --";
const BIDI = 'invoice\u202Efdp.exe\u202C';
const EMOJI = '👩‍👩‍👧‍👦🏳️‍🌈👍🏽';
/** Text the pages must show, as given. */
const UNIT = `Unit ${IMG} ${EMOJI}`;
const FAMILY = `Hostile${SCRIPT}`;
const GIVEN = `Given${IMG}`;
const INSTITUTION = `Université ${IMG} ${SQL}`;
const AGREEMENT = `Accord ${SCRIPT} ${BIDI}`;
const VISIT = `Visit ${IMG}`;
const CONFERENCE = `Congress ${SCRIPT} ${EMOJI}`;
const ATTENDEE = `Attendee ${IMG}`;

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


/** Signs the page's context in through the API; its requests and its pages then share the session. */
async function signIn(request: APIRequestContext): Promise<(url: string, body: unknown) => Promise<{ id: number; version: number }>> {
  const response = await request.post(`${server.base}/api/auth/sign-in`, { data: { email: 'admin@demo.interchange', password: 'demo-admin-password' } });
  expect(response.status()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return async (url, body) => {
    const answer = await request.post(`${server.base}${url}`, { data: body, headers: { 'x-csrf-token': csrfToken } });
    expect(answer.status(), `${url}: ${await answer.text()}`).toBeLessThan(300);
    return (await answer.json()) as { id: number; version: number };
  };
}

/** Steps a record along its lifecycle. */
async function walk(post: Awaited<ReturnType<typeof signIn>>, url: string, row: { version: number }, steps: Array<Record<string, unknown>>) {
  let current = row;
  for (const step of steps) current = await post(url, { ...step, version: current.version });
  return current;
}

/**
 * Every element a hostile string could have smuggled in, in the page or an open shadow root (a
 * script element counts even though markup set as HTML never runs it).
 */
async function injected(page: Page): Promise<number> {
  return page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    document.querySelectorAll('*').forEach((el) => el.shadowRoot && roots.push(el.shadowRoot));
    return roots.reduce(
      (n, root) => n + root.querySelectorAll('img[src="x"], img[onerror]').length + [...root.querySelectorAll('script')].filter((s) => s.textContent?.includes('alert(1)')).length,
      0,
    );
  });
}

describe('hostile names on every page', () => {
  it('show as text: lists, record pages, search, dashboard, reports, audit — and no dialog ever opens', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const post = await signIn(context.request);

    const units = (await (await context.request.get(`${server.base}/api/units`)).json()) as Array<{ id: number; parentId: number | null }>;
    const unit = await post('/api/units', { code: 'HOSTILE', kind: 'school', nameEn: UNIT, nameZh: `单位${SCRIPT}`, parentId: units.find((u) => u.parentId === null)!.id });
    const institution = await post('/api/institutions', { kind: 'university', nameEn: INSTITUTION, nameZh: `${SCRIPT}大学`, countryCode: 'FR', otherNames: [BIDI, EMOJI] });
    const person = await post('/api/people', { familyName: FAMILY, givenName: GIVEN, nameZh: `王${EMOJI}`, nationality: 'FR', institutionId: institution.id, notes: `${SQL} ${BIDI}` });
    const agreement = await post('/api/agreements', {
      titleEn: AGREEMENT,
      titleZh: `${IMG}协议`,
      level: 'collegiate',
      kind: 'comprehensive',
      unitId: unit.id,
      partners: [{ institutionId: institution.id, partnerUnit: SCRIPT }],
      signedOn: '2024-01-01',
      effectiveOn: '2024-01-01',
      expiresOn: daysFromToday(60),
      notes: IMG,
    });
    await walk(post, `/api/agreements/${agreement.id}/transitions`, agreement, ['under_review', 'approved', 'signed', 'active'].map((to) => ({ to, on: '2024-01-01' })));
    const start = daysFromToday(-45);
    const visit = await post('/api/visits', {
      titleEn: VISIT,
      titleZh: `${SCRIPT}来访`,
      hostUnitId: unit.id,
      purpose: 'academic_exchange',
      protocolLevel: 'head_of_state_or_government',
      startDate: start,
      endDate: start,
      receivingOfficial: SQL,
      members: [{ personId: person.id, roleInDelegation: EMOJI }],
      notes: SCRIPT,
    });
    await walk(post, `/api/visits/${visit.id}/transitions`, visit, [{ to: 'approved' }, { to: 'held', on: start }]);
    const appointment = await post('/api/appointments', { personId: person.id, unitId: unit.id, title: 'visiting_professor', startDate: '2024-01-01', endDate: daysFromToday(30), notes: IMG });
    await walk(post, `/api/appointments/${appointment.id}/transitions`, appointment, [{ to: 'appointed' }]);
    const conference = await post('/api/conferences', { titleEn: CONFERENCE, titleZh: `${IMG}会议`, startDate: start, endDate: start, hostUnitId: unit.id, venue: SQL, foreignParticipants: 1 });
    const held = await walk(post, `/api/conferences/${conference.id}/transitions`, conference, [{ to: 'approved' }, { to: 'held', on: start }]);
    await post(`/api/conferences/${conference.id}/attendees`, { fullName: ATTENDEE, countryCode: 'FR', version: held.version });
    // A count large enough that the unit leads the dashboard's breakdown by unit.
    await post('/api/ledger/aggregates', { direction: 'inbound', who: 'staff', count: 1_000_000, category: 'other', unitId: unit.id, startDate: daysFromToday(0), endDate: daysFromToday(0), sourceDocument: `${SCRIPT} archive` });

    /** Opens `path`, waits for each text to show, and checks that nothing was injected. */
    const visitPage = async (path: string, texts: string[]) => {
      await page.goto(`${server.base}${path}`);
      await page.waitForLoadState('networkidle');
      for (const text of texts) await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
      expect(await injected(page), path).toBe(0);
    };

    // accents folded, and words only this name has: the demo's universities now have French names (Université de …)
    await visitPage(`/institutions?q=${encodeURIComponent('universite drop table')}`, [INSTITUTION]);
    await visitPage(`/institutions/${institution.id}`, [INSTITUTION, BIDI, EMOJI]);
    await visitPage(`/people?q=hostile`, [FAMILY]);
    await visitPage(`/people/${person.id}`, [FAMILY, GIVEN, `${SQL} ${BIDI}`]);
    // soonest ending first (the list opens latest first), where this one, ending in 60 days, is on page 1
    await visitPage('/agreements?order=asc', [AGREEMENT]);
    await visitPage(`/agreements/${agreement.id}`, [AGREEMENT, INSTITUTION, IMG]);
    await visitPage('/agreements/renewal-watch', [AGREEMENT]);
    await visitPage('/visits', [VISIT]);
    await visitPage(`/visits/${visit.id}`, [VISIT, FAMILY, SQL]);
    await visitPage('/visits/overdue-reports', [VISIT, UNIT]);
    await visitPage('/experts/renewals', [FAMILY]);
    await visitPage(`/experts/appointments/${appointment.id}`, [FAMILY, IMG]);
    await visitPage(`/conferences?q=${encodeURIComponent('congress')}`, [CONFERENCE]);
    await visitPage(`/conferences/${conference.id}`, [CONFERENCE, ATTENDEE, SQL]);
    await visitPage('/units', [UNIT]);
    // The audit log and the reports page (which puts the server's HTML into the page): nothing of theirs runs.
    await visitPage('/audit', []);
    await visitPage('/reports', []);

    // The header's search: the dropdown names the person as text.
    await page.getByTestId('global-search').fill('hostile alert');
    await page.getByText(FAMILY, { exact: false }).first().waitFor({ timeout: 15_000 });
    expect(await injected(page)).toBe(0);

    // The dashboard's breakdown by unit, which the unit leads.
    await page.goto(`${server.base}/`);
    const chart = page.getByTestId('breakdown-unit');
    await chart.locator('canvas').first().waitFor();
    const box = (await chart.locator('canvas').first().boundingBox())!;
    // Over every bar: the tooltips name the units; none of them runs anything.
    for (let y = box.y + 10; y < box.y + box.height; y += 12) {
      await page.mouse.move(box.x + box.width * 0.7, y);
      await page.waitForTimeout(40);
    }
    expect(await injected(page)).toBe(0);

    expect(dialogs).toEqual([]);
    await context.close();
    // About twenty pages: a minute on a quiet machine, several on a busy one.
  }, 300_000);
});
