import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, signIn, startInterchange } from './support.ts';
import type { Agreement, AgreementInput } from '../src/shared/contracts/agreements.ts';
import type { AgreementEwpStatus, EwpPullSummary } from '../src/shared/contracts/ewp-iia-copies.ts';

// The agreement page's Erasmus Without Paper card, end to end: two real `interchange serve` processes
// on 127.0.0.1, each with its own data folder (its own key). Ours is the demo school (shsmu.edu.cn);
// the partner is a second instance made Karolinska (ki.se), which has an exchange agreement with us
// whose places for our incoming students differ from ours. Keys are registered both ways through
// each one's admin API. In the browser the officer opens our agreement with Karolinska, pulls the
// partner's copy, reads the difference field by field, accepts it and sees the agreement change and
// the card say that the partner's copy matches. Nothing is answered in the browser's place.

const OUR_HEI = 'shsmu.edu.cn';
const PARTNER_HEI = 'ki.se';

let ours: Awaited<ReturnType<typeof startInterchange>>;
let partner: Awaited<ReturnType<typeof startInterchange>>;
let browser: Browser;

/** A signed-in API session on an instance (the session cookie and its CSRF token), over plain HTTP. */
async function session(base: string, email: string, password: string) {
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.startsWith('interchange_session='))!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text}`).toBe(expected);
    return (text ? JSON.parse(text) : null) as T;
  };
  return { get: <T>(path: string) => call<T>('GET', path), post: <T>(path: string, body: unknown, expected?: number) => call<T>('POST', path, body, expected), patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body) };
}
type Session = Awaited<ReturnType<typeof session>>;

/** Changes one setting at its current version. */
async function setSetting(s: Session, key: string, value: unknown) {
  const current = (await s.get<Array<{ key: string; version: number }>>('/api/settings')).find((x) => x.key === key)!;
  await s.patch(`/api/settings/${key}`, { value, version: current.version });
}

/** Registers `from`'s EWP key on `to` for the institution `heiId`. */
async function registerKey(from: Session, to: Session, heiId: string) {
  const key = await from.get<{ publicKeyPem: string }>('/api/ewp/key');
  await to.post('/api/ewp/partner-keys', { heiId, publicKey: key.publicKeyPem }, 201);
}

let agreement: Agreement;
let theirs: number;

beforeAll(async () => {
  [ours, partner] = await Promise.all([startInterchange(), startInterchange()]);
  browser = await launchChromium();
  const [ourOfficer, ourAdmin, theirOfficer, theirAdmin] = await Promise.all([
    session(ours.base, 'officer@demo.interchange', 'demo-officer-password'),
    session(ours.base, 'admin@demo.interchange', 'demo-admin-password'),
    session(partner.base, 'officer@demo.interchange', 'demo-officer-password'),
    session(partner.base, 'admin@demo.interchange', 'demo-admin-password'),
  ]);

  // Our exchange agreement published to Karolinska.
  const exchanges = await ourOfficer.get<{ items: Agreement[] }>('/api/agreements?kind=student_exchange&pageSize=200');
  for (const a of exchanges.items) {
    const status = await ourOfficer.get<AgreementEwpStatus>(`/api/agreements/${a.id}/ewp`);
    if (status.published && status.partnerHeiId === PARTNER_HEI) {
      agreement = a;
      break;
    }
  }
  expect(agreement, `a published exchange agreement with ${PARTNER_HEI} in the demo`).toBeDefined();

  // The partner instance becomes Karolinska, with our school as a partner institution and the same agreement seen from its side,
  // except that it sends more students than we expect to receive.
  await setSetting(theirOfficer, 'ewp.heiId', PARTNER_HEI);
  await setSetting(theirOfficer, 'ewp.enabled', true);
  const school = await theirOfficer.post<{ id: number }>('/api/institutions', { kind: 'university', nameEn: 'Shanghai Jiao Tong University School of Medicine', countryCode: 'CN', schac: OUR_HEI }, 201);
  theirs = (agreement.studentsInPerYear ?? 0) + 2;
  const mirror: AgreementInput = {
    titleEn: 'Nursing student exchange with SHSMU',
    titleZh: '与上海交通大学医学院的护理学生交换',
    level: 'institutional',
    kind: 'student_exchange',
    partners: [{ institutionId: school.id }],
    effectiveOn: agreement.effectiveOn,
    expiresOn: agreement.expiresOn,
    studentsOutPerYear: theirs,
    studentsInPerYear: agreement.studentsOutPerYear,
    staffOutPerYear: agreement.staffInPerYear,
    staffInPerYear: agreement.staffOutPerYear,
    studentMobility: agreement.studentMobility,
    staffMobility: agreement.staffMobility,
    languageSkills: agreement.languageSkills,
  };
  let row = await theirOfficer.post<Agreement>('/api/agreements', mirror, 201);
  for (const to of ['under_review', 'approved', 'signed', 'active']) row = await theirOfficer.post<Agreement>(`/api/agreements/${row.id}/transitions`, { to, on: agreement.effectiveOn, version: row.version });

  // Each trusts the other's key, registered by its administrator.
  await registerKey(ourAdmin, theirAdmin, OUR_HEI);
  await registerKey(theirAdmin, ourAdmin, PARTNER_HEI);
  // The partner pulls us first, from its own API: it learns our IIA id and gives it back for our side.
  const learnt = await theirOfficer.post<EwpPullSummary>(`/api/ewp/partners/${OUR_HEI}/pull`, { manifestUrl: `${ours.base}/ewp/manifest.xml` });
  expect(learnt.differs + learnt.matches).toBeGreaterThan(0);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([ours?.stop(), partner?.stop()]);
});

describe("an officer pulls the partner's copy of an agreement, reads the difference and accepts it", () => {
  it('pulls from the partner instance, shows the quota it states, accepts it, and the card then says the copies match', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, ours.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    await page.goto(`${ours.base}/agreements/${agreement.id}`);
    const card = page.getByTestId('agreement-ewp');
    await card.getByTestId('agreement-ewp-copy').waitFor();
    expect(await card.getByTestId('agreement-ewp-copy').innerText()).toBe('Never pulled');
    expect(await card.getByTestId('agreement-ewp-published').innerText()).toContain('Published');
    expect(await card.getByTestId('agreement-ewp-hei').innerText()).toBe(PARTNER_HEI);

    // No manifest is known for Karolinska yet: the officer gives the partner instance's.
    const pullButton = card.getByTestId('agreement-ewp-pull-button');
    expect(await pullButton.isDisabled()).toBe(true);
    await card.getByTestId('agreement-ewp-manifest-input').fill(`${partner.base}/ewp/manifest.xml`);
    await pullButton.click();
    await page.locator('.ant-message').getByText(`Pulled from ${PARTNER_HEI}: 0 IIA(s) match ours, 1 differ`).waitFor({ timeout: 60_000 });

    // The card reads the status again: the copy differs, on the one field, ours → theirs.
    await card.getByTestId('agreement-ewp-differences').waitFor();
    expect(await card.getByTestId('agreement-ewp-copy').innerText()).toBe('Differs from ours');
    expect(await card.getByTestId('agreement-ewp-manifest').innerText()).toBe(`${partner.base}/ewp/manifest.xml`);
    const rows = await card.getByTestId('agreement-ewp-differences').locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Students in, per year');
    expect(rows[0]).toContain(String(agreement.studentsInPerYear ?? 0));
    expect(rows[0]).toContain(String(theirs));

    // Accepting it changes the agreement (at its version) and leaves no difference: the copies match.
    await card.getByTestId('agreement-ewp-accept-studentsInPerYear').click();
    await page.getByTestId('agreement-ewp-accept-studentsInPerYear-confirm').click();
    await page.locator('.ant-message').getByText(/now says what the partner’s copy says/).waitFor();
    const quota = page.locator('th.ant-descriptions-item-label').filter({ hasText: /^Students in, per year$/ }).first().locator('xpath=following-sibling::td[1]');
    await expect.poll(() => quota.innerText()).toBe(String(theirs));
    await expect.poll(() => card.getByTestId('agreement-ewp-copy').innerText()).toBe('Matches ours');
    expect(await card.getByTestId('agreement-ewp-differences').count()).toBe(0);

    // The server says the same: the agreement holds the partner's value, one version on.
    const after = (await (await page.request.get(`${ours.base}/api/agreements/${agreement.id}`)).json()) as Agreement;
    expect(after.studentsInPerYear).toBe(theirs);
    expect(after.version).toBe(agreement.version + 1);
    expect(errors).toEqual([]);
  });
});
