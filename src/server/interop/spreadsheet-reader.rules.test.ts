import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './spreadsheet-reader.ts';
import { SPREADSHEET_LIMITS, type SpreadsheetLimitReason } from './spreadsheet-limits.ts';
import { inlineCell, workbook } from '../test/hostile-xlsx.ts';
import { FIELD_REASONS } from '../../shared/i18n/errors.ts';
import { DomainError } from '../core/errors.ts';
import { STATUS_OF_KIND } from '../http/errors.ts';

// Issue 15, finding 1: every limit of the one spreadsheet reader, on files made here to pass
// exactly one of them. Each refusal is 413 naming its limit on `file` (400 for a file that is
// not what it says), and comes before the file's cost is paid.

async function read(content: Buffer, limits = SPREADSHEET_LIMITS) {
  const started = Date.now();
  const rows: Array<{ rowNumber: number; cells: string[] }> = [];
  try {
    for await (const row of readSpreadsheet(content, limits)) rows.push(row);
    return { rows, ms: Date.now() - started };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { status, extra } = { status: STATUS_OF_KIND[error.kind], extra: error.extra };
    return { refused: `${status} ${extra?.fields?.[0]?.reason}`, ms: Date.now() - started };
  }
}

const header = { text: `<row r="1">${inlineCell('Name', 'A1')}</row>` };
const MB = 1024 * 1024;

describe('the xlsx limits', () => {
  it('reads a workbook as ExcelJS did: shared and inline strings, rich text runs, numbers, booleans, rows by their number, gaps as empty cells', async () => {
    const file = workbook({
      rows: [header, { text: `<row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3"><v>42.50</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="s"><v>1</v></c></row>` }],
      sharedStrings: [{ text: '<si><r><t>Ma</t></r><r><t xml:space="preserve">rie </t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>' }],
    });
    expect((await read(file)).rows).toEqual([
      { rowNumber: 1, cells: ['Name'] },
      { rowNumber: 3, cells: ['Marie ', '', '42.5', 'true', '東京'] },
    ]);
  });

  it('refuses shared strings of several gigabytes (2,000 of 1 MB in a 2 MB file) on the sizes the zip declares, before inflating them', async () => {
    const file = workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'a'.repeat(MB)}</t></si>`, times: 2_000 }] });
    expect(file.length).toBeLessThan(3 * MB);
    const result = await read(file);
    expect(result.refused).toBe('413 spreadsheet_inflated_too_large');
    expect(result.ms).toBeLessThan(1_000);
  });

  it('stops a part whose header lies about its size as soon as it inflates past it (400: a damaged file), never holding it', async () => {
    const file = workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'a'.repeat(MB)}</t></si>`, times: 2_000 }], sharedStringsDeclared: 1_000 });
    const result = await read(file);
    expect(result.refused).toBe('400 spreadsheet_unreadable');
    expect(result.ms).toBeLessThan(1_000);
    const sheet = workbook({ rows: [header, { text: '<row/>'.repeat(10_000), times: 100 }], sheetDeclared: 2_000 });
    expect((await read(sheet)).refused).toBe('400 spreadsheet_unreadable');
  });

  it('counts the bytes actually inflated too: a lower limit than the declared sizes refuses as the bytes come', async () => {
    const file = workbook({ rows: [header, { text: '<row/>'.repeat(10_000), times: 50 }] });
    expect((await read(file, { ...SPREADSHEET_LIMITS, inflatedBytes: 2 * MB + 900_000 })).refused).toBe('413 spreadsheet_inflated_too_large');
  });

  it('refuses more than 16 MB of shared strings, more than 100,000 of them, and any text longer than 32,767 characters', async () => {
    const many = workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'b'.repeat(MB)}</t></si>`, times: 17 }] });
    expect((await read(many)).refused).toBe('413 spreadsheet_shared_strings_too_large');
    const count = workbook({ rows: [header], sharedStrings: [{ text: '<si><t>x</t></si>'.repeat(1_000), times: 101 }] });
    expect((await read(count)).refused).toBe('413 spreadsheet_too_many_shared_strings');
    const long = workbook({ rows: [header], sharedStrings: [{ text: `<si><t>${'c'.repeat(32_768)}</t></si>` }] });
    expect((await read(long)).refused).toBe('413 spreadsheet_text_too_long');
    const longest = workbook({ rows: [{ text: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }], sharedStrings: [{ text: `<si><t>${'c'.repeat(32_767)}</t></si>` }] });
    expect((await read(longest)).rows?.[0]?.cells[0]).toHaveLength(32_767);
    // One text of 10 MB is refused while it is being read, not once it is whole.
    const huge = workbook({ rows: [{ text: `<row r="1">${inlineCell('d'.repeat(10 * MB), 'A1')}</row>` }] });
    expect((await read(huge)).refused).toBe('413 spreadsheet_text_too_long');
  });

  it('refuses 5 million blank rows (a 0.1 MB file) within a second or two: blank rows count toward the 100,000 rows', async () => {
    const file = workbook({ rows: [header, { text: '<row/>'.repeat(10_000), times: 500 }] });
    expect(file.length).toBeLessThan(MB);
    const cpu = process.cpuUsage();
    const result = await read(file);
    expect(result.refused).toBe('413 spreadsheet_too_many_rows');
    expect((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000).toBeLessThan(2_000);
    // Rows left out of the file count as well: a row numbered 5,000,000 is refused at once.
    expect((await read(workbook({ rows: [header, { text: `<row r="5000000">${inlineCell('x', 'A5000000')}</row>` }] }))).refused).toBe('413 spreadsheet_too_many_rows');
    expect((await read(workbook({ rows: [header, { text: `<row r="100000">${inlineCell('x', 'A100000')}</row>` }] }))).rows).toHaveLength(2);
  });

  it('refuses 200,000 columns, and a value past column 1,000; an empty formatted cell far right is no column', async () => {
    const file = workbook({ rows: [{ text: '<row r="1">' }, { text: '<c><v>1</v></c>'.repeat(1_000), times: 200 }, { text: '</row>' }] });
    expect((await read(file)).refused).toBe('413 spreadsheet_too_many_columns');
    expect((await read(workbook({ rows: [{ text: `<row r="1">${inlineCell('x', 'ALM1')}</row>` }] }))).refused).toBe('413 spreadsheet_too_many_columns');
    expect((await read(workbook({ rows: [{ text: `<row r="1">${inlineCell('x', 'ALL1')}<c r="XFD1" s="1"/></row>` }] }))).rows?.[0]?.cells).toHaveLength(1_000);
  });

  it('refuses more than 1,000,000 cells, empty ones included', async () => {
    const file = workbook({ rows: [{ text: `<row>${'<c/>'.repeat(1_000)}</row>`, times: 1_001 }] });
    expect((await read(file)).refused).toBe('413 spreadsheet_too_many_cells');
  });

  it('stops a read that takes longer than its time', async () => {
    const file = workbook({ rows: [{ text: `<row>${inlineCell('x')}</row>`, times: 90_000 }] });
    expect((await read(file, { ...SPREADSHEET_LIMITS, readMs: 5 })).refused).toBe('413 spreadsheet_too_slow');
  });
});

describe('the CSV limits', () => {
  const csv = (text: string) => Buffer.from(text, 'utf8');

  it('refuses a file over 10 MB, blank lines past 100,000 rows, 200,000 columns, 1,000,001 cells, a cell over 32,767 characters', async () => {
    expect((await read(csv('name\n' + 'x'.repeat(10 * MB)))).refused).toBe('413 spreadsheet_too_large');
    expect((await read(csv('name\n' + '\n'.repeat(5_000_000)))).refused).toBe('413 spreadsheet_too_many_rows');
    expect((await read(csv('name' + ',x'.repeat(200_000) + '\n'))).refused).toBe('413 spreadsheet_too_many_columns');
    expect((await read(csv(`${','.repeat(999)}\n`.repeat(1_001)))).refused).toBe('413 spreadsheet_too_many_cells');
    expect((await read(csv(`name\n"${'y'.repeat(32_768)}"\n`))).refused).toBe('413 spreadsheet_text_too_long');
    expect((await read(csv(`name\n${'y'.repeat(32_767)}\n`))).rows?.[1]?.cells[0]).toHaveLength(32_767);
  });

  it('stops a read that takes longer than its time', async () => {
    expect((await read(csv('name\nx\n'.repeat(200_000)), { ...SPREADSHEET_LIMITS, rows: 1_000_000, readMs: 5 })).refused).toBe('413 spreadsheet_too_slow');
  });

  it('counts its own time only: a caller that spends longer on the rows than the limit (an import writing them) is not stopped', async () => {
    const rows: string[] = [];
    const started = Date.now();
    for await (const row of readSpreadsheet(csv('name\na\nb\nc\nd\n'), { ...SPREADSHEET_LIMITS, readMs: 100 })) {
      rows.push(row.cells[0]!);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(rows).toEqual(['name', 'a', 'b', 'c', 'd']);
    expect(Date.now() - started).toBeGreaterThan(100);
  });
});

describe('the limits named to the person uploading', () => {
  const reasons: Array<[SpreadsheetLimitReason, string]> = [
    ['spreadsheet_too_large', '10 MB'],
    ['spreadsheet_inflated_too_large', `${SPREADSHEET_LIMITS.inflatedBytes / MB} MB`],
    ['spreadsheet_too_many_parts', SPREADSHEET_LIMITS.parts.toLocaleString('en')],
    ['spreadsheet_shared_strings_too_large', `${SPREADSHEET_LIMITS.sharedStringsBytes / MB} MB`],
    ['spreadsheet_too_many_shared_strings', SPREADSHEET_LIMITS.sharedStrings.toLocaleString('en')],
    ['spreadsheet_text_too_long', SPREADSHEET_LIMITS.textChars.toLocaleString('en')],
    ['spreadsheet_too_many_rows', SPREADSHEET_LIMITS.rows.toLocaleString('en')],
    ['spreadsheet_too_many_columns', SPREADSHEET_LIMITS.columns.toLocaleString('en')],
    ['spreadsheet_too_many_cells', SPREADSHEET_LIMITS.cells.toLocaleString('en')],
    ['spreadsheet_too_slow', `${SPREADSHEET_LIMITS.readMs / 1000} seconds`],
  ];
  it.each(reasons)('%s says its limit (%s) in en, zh and fr', (reason, limit) => {
    const message = FIELD_REASONS[reason]!;
    expect(message.en).toContain(limit);
    expect(message.zh).toMatch(/\S/);
    expect(message.fr).toMatch(/\S/);
    expect(new Set([message.en, message.zh, message.fr]).size).toBe(3);
  });
});
