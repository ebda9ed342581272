import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { personBody } from '../test/factories.ts';
import { toCsv, toXlsx } from '../interop/table-export.ts';
import { csvRows } from '../test/csv-rows.ts';

/**
 * The export guard: a cell that begins with any of = + - @ tab or CR would be read by a
 * spreadsheet as a formula (or the start of one), so it is written with a leading apostrophe.
 * Each of the six is tested alone, in CSV and xlsx, so that dropping any one from the guard
 * fails a test. Tab and CR cannot come in through the API (text is trimmed), so they are tested
 * on the export functions; the other four through an export route too.
 */
const STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;
const label = (c: string) => JSON.stringify(c);
const attack = (c: string) => `${c}HYPERLINK("http://evil.example","click")`;

/** The cells of an export's CSV, row after row. */
const csvCells = (text: string): string[] => csvRows(text).flat();

/** The string cells of an xlsx export's first sheet, and whether any cell is a formula. */
async function xlsxCells(buffer: Buffer | ArrayBuffer): Promise<{ strings: string[]; formulas: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as ArrayBuffer);
  const strings: string[] = [];
  let formulas = 0;
  book.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      if (typeof cell.value === 'string') strings.push(cell.value);
    }),
  );
  return { strings, formulas };
}

const table = (value: string | number) => ({ name: 'guard', title: 'Guard', headings: ['Name'], rows: [[value]] });

describe('the export guard, on the export functions', () => {
  for (const c of STARTS) {
    it(`a cell beginning with ${label(c)} is written as text with a leading apostrophe, in CSV and xlsx`, async () => {
      expect(csvCells(toCsv(table(attack(c))))).toEqual(['Name', `'${attack(c)}`]);
      // A workbook's XML reads a CR back as LF: the apostrophe still comes first.
      const xlsx = await xlsxCells(await toXlsx(table(attack(c))));
      expect(xlsx).toEqual({ strings: ['Name', `'${attack(c).replace('\r', '\n')}`], formulas: 0 });
    });
  }

  it('leaves other text and numbers as they are: the character inside a name, a negative number', async () => {
    const rows = [['Saint-Denis a=b c+d e@f'], [-3]];
    expect(csvCells(toCsv({ ...table(''), rows }))).toEqual(['Name', 'Saint-Denis a=b c+d e@f', '-3']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx({ ...table(''), rows })) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getCell('A3').value).toBe(-3);
  });
});

describe('the export guard, through an export route', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    const officer = await t.as('officer');
    const person = await officer.post('/api/people', personBody({ unitId: t.units.a }));
    for (const c of STARTS.slice(0, 4)) {
      const r = await officer.post('/api/honours', { personId: person.json().id, kind: 'prize', nameEn: `${attack(c)} Prize`, conferredOn: '2020-01-01' });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  for (const c of STARTS.slice(0, 4)) {
    it(`an honour's name beginning with ${label(c)} exports as text, in CSV and xlsx`, async () => {
      const officer = await t.as('officer');
      const name = `${attack(c)} Prize`;
      const csv = await officer.get('/api/honours?format=csv');
      expect(csv.statusCode, csv.body.slice(0, 300)).toBe(200);
      const cells = csvCells(csv.body);
      expect(cells).toContain(`'${name}`);
      expect(cells).not.toContain(name);
      const xlsx = await officer.get('/api/honours?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      const { strings, formulas } = await xlsxCells(xlsx.rawPayload);
      expect(strings).toContain(`'${name}`);
      expect(strings).not.toContain(name);
      expect(formulas).toBe(0);
    });
  }
});
