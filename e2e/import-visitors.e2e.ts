import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { officeToday } from '../src/shared/calendar.ts';
import { launchChromium, selectOption, signIn, startInterchange } from './support.ts';

// Issue 11's browser journey: an officer uploads a GBK CSV of 50 visitors with one bad row and
// two people already known, sees the error and the two proposed matches, fixes the row, accepts
// one match and rejects the other, commits, sees the visit and the dashboard figure move by
// exactly the number of visitors; then undoes the import and sees the figure back.

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

/** A CSV as Chinese Excel saves it: GBK, CRLF. */
const gbk = (rows: string[][]) => iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk');
const HEADER = ['来访标题（英文）', '接待单位', '开始日期', '结束日期', '姓', '名', '国家或地区'];
const VISITORS = 50;
/** The visit is in last year, a whole year already past: held, its visitors counted in that year. */
const YEAR = Number(officeToday().slice(0, 4)) - 1;

/** Given names no two alike (the file's own rows are matched with one another too): Quinta-ab, Quinta-ac … */
const givenName = (i: number) => `Quinta${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
const COUNTRIES = ['法国', '德国', '日本', '巴西', '加拿大'];

interface Known {
  id: number;
  familyName: string;
  givenName: string;
  nationality: string;
}

/** Two people on file whose names are plain Latin letters (written as is in GBK), each alone with their name. */
async function twoKnownPeople(page: Page): Promise<Known[]> {
  const response = await page.request.get(`${server.base}/api/people?pageSize=200`);
  expect(response.ok()).toBe(true);
  const people = ((await response.json()) as { items: Array<Known & { givenName: string | null; nationality: string | null; erasedAt: string | null }> }).items;
  const plain = people.filter((p): p is typeof p & Known => !p.erasedAt && !!p.nationality && !!p.givenName && /^[A-Za-z]+$/.test(p.familyName) && /^[A-Za-z]+$/.test(p.givenName));
  const alone = plain.filter((p) => plain.filter((q) => q.familyName.toLowerCase() === p.familyName.toLowerCase() && q.givenName.toLowerCase() === p.givenName.toLowerCase()).length === 1);
  expect(alone.length).toBeGreaterThanOrEqual(2);
  return alone.slice(0, 2);
}

/** The dashboard's inbound person-times of YEAR, as the card shows the number ("1,234" → 1234), on a freshly loaded dashboard. */
async function inboundOfYear(page: Page): Promise<number> {
  const totals = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/ledger/totals' && url.searchParams.get('direction') === 'inbound' && url.searchParams.get('from') === `${YEAR}-01-01` && r.ok();
  });
  await page.goto(`${server.base}/?from=${YEAR}&to=${YEAR}`);
  await totals;
  const figure = async () => {
    const text = await page.getByTestId('headline-inbound').locator('.ant-statistic-content-value').innerText();
    return /\d/.test(text) ? Number(text.replace(/\D/g, '')) : Number.NaN;
  };
  await expect.poll(figure).not.toBeNaN();
  return figure();
}

async function preview(page: Page, content: Buffer): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name: '来访人员.csv', mimeType: 'text/csv', buffer: content });
  const answered = page.waitForResponse((r) => r.url().includes('/api/imports/visits/drafts') && r.request().method() === 'POST');
  await page.getByTestId('import-preview').click();
  expect((await answered).ok()).toBe(true);
}

describe('an officer imports a delegation of visitors from a GBK CSV', () => {
  it('fixes the bad row, decides the two matches, commits, sees the figure move by the visitors, and undoes it', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');

    const [accepted, rejected] = await twoKnownPeople(page);
    const units = (await (await page.request.get(`${server.base}/api/units`)).json()) as Array<{ code: string }>;
    const host = units[0]!.code;
    const title = `Journey delegation ${Date.now()}`;
    const visitor = (family: string, given: string, country: string) => [title, host, `${YEAR}/5/10`, `${YEAR}/5/14`, family, given, country];
    const rows = [
      visitor(accepted!.familyName, accepted!.givenName, accepted!.nationality),
      visitor(rejected!.familyName, rejected!.givenName, rejected!.nationality),
      ...Array.from({ length: VISITORS - 2 }, (_, i) => visitor('Wayfarer', givenName(i), COUNTRIES[i % COUNTRIES.length]!)),
    ];
    expect(rows).toHaveLength(VISITORS);
    const badAt = 10;
    const bad = rows.map((r, i) => (i === badAt ? [...r.slice(0, 6), '亚特兰蒂斯'] : r));

    const before = await inboundOfYear(page);

    await page.goto(`${server.base}/imports`);
    await page.getByTestId('import-preview').waitFor();
    const kind = page.getByLabel('Records');
    await selectOption(page, kind, (d) => d.locator('.ant-select-item-option', { hasText: 'Visits with their visitors' }), page.getByText('Visits with their visitors').filter({ visible: true }));

    // the file with its bad row: the error named, the two matches proposed, nothing to commit yet
    await preview(page, gbk([HEADER, ...bad]));
    await page.getByText('Read as csv, gb18030').waitFor();
    const classes = page.getByTestId('import-classes');
    expect(await classes.innerText()).toContain('Errors 1');
    expect(await classes.innerText()).toContain('Possible duplicates 2');
    await classes.getByText('Errors 1').click();
    const errorRow = page.locator('.ant-table-tbody .ant-table-row');
    expect(await errorRow.count()).toBe(1);
    expect(await errorRow.innerText()).toContain('国家或地区');
    expect(await errorRow.innerText()).toContain(String(badAt + 2));
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    // the corrected file read again
    await preview(page, gbk([HEADER, ...rows]));
    await classes.getByText('Errors 0').waitFor();
    expect(await classes.innerText()).toContain(`New ${VISITORS - 2}`);
    await classes.getByText('Possible duplicates 2').click();
    const tbody = page.locator('.ant-table-tbody');
    expect(await tbody.locator('.ant-table-row').count()).toBe(2);
    const shown = await tbody.innerText();
    expect(shown).toContain(`${accepted!.familyName} ${accepted!.givenName}`);
    expect(shown).toContain(`${rejected!.familyName} ${rejected!.givenName}`);

    // accept the first match (the visitor is that person), reject the second (a new person)
    const mergeInto = page.getByTestId('import-decision-2');
    await selectOption(page, mergeInto, (d) => d.locator('.ant-select-item-option', { hasText: `Merge into ${accepted!.familyName} ${accepted!.givenName}` }), mergeInto.getByText('Merge into'));
    const createAnew = page.getByTestId('import-decision-3');
    await selectOption(page, createAnew, (d) => d.locator('.ant-select-item-option', { hasText: 'Create anew' }), createAnew.getByText('Create anew'));

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    // created: every visitor but the one linked to its person on file, and the visit; the linked person unchanged
    const done = await page.getByTestId('import-done').innerText();
    expect(done).toContain(`${VISITORS - 1 + 1} created`);
    expect(done).toContain('1 unchanged');
    const draftUrl = page.url();

    // the visit, with its visitors
    await page.goto(`${server.base}/visits?q=${encodeURIComponent(title)}`);
    const visit = page.locator('.ant-table-row', { hasText: title });
    await visit.waitFor();
    expect(await visit.innerText()).toContain(`${VISITORS} visitors`);

    // the dashboard: exactly one inbound person-time per visitor, that year
    expect(await inboundOfYear(page)).toBe(before + VISITORS);

    // undone from the import's page: the figure is back
    await page.goto(draftUrl);
    await page.getByTestId('import-undo').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^(OK|Yes|Confirm)/ }).click();
    await page.getByTestId('import-undone').waitFor();
    expect(await inboundOfYear(page)).toBe(before);
    await page.goto(`${server.base}/visits?q=${encodeURIComponent(title)}`);
    await page.locator('.ant-empty').first().waitFor();
    expect(await page.locator('.ant-table-row', { hasText: title }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
