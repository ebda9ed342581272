import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, startInterchange } from './support.ts';

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

const gbk = (rows: string[][]) => iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk');
const HEADER = ['英文名称', '中文名称', '国家或地区', '城市'];
const GOOD = [
  ['Journey University of Lyon', '里昂旅程大学', '法国', 'Lyon'],
  ['Journey Institute of Taipei', '臺北旅程學院', '臺灣', 'Taipei'],
];
const BAD = ['Journey College of Atlantis', '', '亚特兰蒂斯', ''];

async function preview(page: Page, content: Buffer): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name: '合作院校.csv', mimeType: 'text/csv', buffer: content });
  const answered = page.waitForResponse((r) => r.url().includes('/api/imports/institutions/drafts'));
  await page.getByTestId('import-preview').click();
  await answered;
}

describe('an officer imports institutions from a GBK CSV', () => {
  it('sees the bad row named, fixes the file, and imports it', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await signIn(page, server.base, 'officer@demo.interchange', 'demo-officer-password', 'English');
    await page.goto(`${server.base}/imports`);
    await page.getByTestId('import-preview').waitFor();

    await preview(page, gbk([HEADER, ...GOOD, BAD]));
    await page.getByText('Read as csv, gb18030').waitFor();
    const segments = await page.getByTestId('import-classes').innerText();
    expect(segments).toContain('New 2');
    expect(segments).toContain('Errors 1');
    await page.getByTestId('import-classes').getByText('Errors 1').click();
    const table = await page.locator('.ant-table-tbody').innerText();
    expect(table).toContain('国家或地区');
    expect(table).not.toContain('Journey University of Lyon');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    await preview(page, gbk([HEADER, ...GOOD]));
    await page.getByTestId('import-classes').getByText('Errors 0').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('2 created');

    const answered = page.waitForResponse((r) => r.url().includes('/api/institutions?'));
    await page.goto(`${server.base}/institutions?q=${encodeURIComponent('旅程')}`);
    await answered;
    await page.waitForLoadState('networkidle');
    const list = await page.locator('.ant-table-tbody').innerText();
    expect(list).toContain('Journey University of Lyon');
    expect(list).toContain('Journey Institute of Taipei');

    // The record's history names the import and its file, linked to the import's own history.
    await page.getByRole('link', { name: 'Journey University of Lyon' }).first().click();
    const importedFrom = page.getByTestId('record-history').getByTestId('audit-imported-from');
    await importedFrom.waitFor();
    const text = await importedFrom.innerText();
    expect(text).toMatch(/^Imported from 合作院校\.csv \(import \d+\)$/);
    const importId = /\(import (\d+)\)/.exec(text)![1]!;
    await importedFrom.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('entity') === 'institution_import');
    await page.locator('.ant-table-tbody').getByText(`Import #${importId}`).first().waitFor();
    // Filtered to the import: its one row, its creation.
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
  });
});
