import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { launchChromium, signIn, startInterchange } from './support.ts';
import type { Agreement } from '../src/shared/contracts/agreements.ts';
import type { AgreementEwpStatus } from '../src/shared/contracts/ewp-iia-copies.ts';

// The agreement page's Erasmus Without Paper card. Its status (GET /api/agreements/:id/ewp) is the
// pull's, built beside this card: the browser is answered a status here, the accept goes to the server.

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

describe("an officer reads an agreement's EWP standing and the partner's differences", () => {
  it('shows each difference with its label and values, sends the accept at the agreement’s version, shows a refusal and then the accepted value', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    const list = (await (await page.request.get(`${server.base}/api/agreements?kind=student_exchange&pageSize=1`)).json()) as { items: Agreement[] };
    const agreement = list.items[0]!;
    expect(agreement).toBeDefined();
    const ours = agreement.studentsInPerYear ?? 0;
    const theirs = ours + 3;
    const status: AgreementEwpStatus = {
      published: false,
      unpublishedReason: 'partner_without_schac',
      partnerHeiId: 'ki.se',
      iiaId: null,
      partnerManifestUrl: null,
      copy: {
        state: 'differs',
        partnerIiaId: 'KI-IIA-7',
        partnerIiaCode: 'KI/SHSMU/2025',
        pulledAt: new Date().toISOString(),
        differences: [
          { field: 'studentsInPerYear', ours, theirs },
          { field: 'firstAcademicYear', ours: '2024/2025', theirs: '2025/2026' },
        ],
      },
    };
    await page.route(`**/api/agreements/${agreement.id}/ewp`, (route: Route) => route.fulfill({ json: status }));
    const accepts: unknown[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/agreements/${agreement.id}/ewp/accept`) accepts.push(r.postDataJSON());
    });

    await page.goto(`${server.base}/agreements/${agreement.id}`);
    const card = page.getByTestId('agreement-ewp');
    await card.getByTestId('agreement-ewp-differences').waitFor();
    expect(await card.getByTestId('agreement-ewp-published').innerText()).toContain('Not published: the partner institution has no SCHAC code');
    expect(await card.getByTestId('agreement-ewp-copy').innerText()).toBe('Differs from ours');
    const rows = await card.getByTestId('agreement-ewp-differences').locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows[0]).toContain('Students in, per year');
    expect(rows[0]).toContain(String(theirs));
    expect(rows[1]).toContain('First academic year');
    expect(rows[1]).toContain('change the agreement’s dates');
    // the academic years have no button; the quota has one
    expect(await card.getByTestId('agreement-ewp-accept-firstAcademicYear').count()).toBe(0);

    // The server holds no pulled copy of this agreement: it refuses, naming what is missing.
    await card.getByTestId('agreement-ewp-accept-studentsInPerYear').click();
    await page.getByTestId('agreement-ewp-accept-studentsInPerYear-confirm').click();
    await page.locator('.ant-message').getByText(/nothing to accept/).waitFor();
    expect(accepts).toEqual([{ field: 'studentsInPerYear', version: agreement.version }]);

    // Once the server accepts (answered here as it would), the agreement's details show the partner's value.
    await page.route(`**/api/agreements/${agreement.id}/ewp/accept`, (route: Route) => route.fulfill({ json: { ...agreement, studentsInPerYear: theirs, version: agreement.version + 1 } }));
    await card.getByTestId('agreement-ewp-accept-studentsInPerYear').click();
    await page.getByTestId('agreement-ewp-accept-studentsInPerYear-confirm').click();
    await page.locator('.ant-message').getByText(/now says what the partner’s copy says/).waitFor();
    const quota = page.locator('th.ant-descriptions-item-label').filter({ hasText: /^Students in, per year$/ }).first().locator('xpath=following-sibling::td[1]');
    await expect.poll(() => quota.innerText()).toBe(String(theirs));
    expect(errors).toEqual([]);
  });
});
