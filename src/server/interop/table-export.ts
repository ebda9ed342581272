import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { visibleText } from '../security/visible-text.ts';

/** A table to export, and its CSV and xlsx files: pure data to file; `http/table-export.ts#sendTable` sends them. */

export interface ExportTable {
  /** File name without extension. */
  name: string;
  /** Sheet title (xlsx). */
  title: string;
  headings: string[];
  rows: Array<Array<string | number | boolean | null>>;
  /** A CSV's encoding: UTF-8 with its byte-order mark (the default), or GB18030 (no mark) for Chinese Excel and WPS. */
  encoding?: 'utf-8' | 'gb18030';
}

/**
 * A cell as text a spreadsheet will not run: a leading =, +, - or @ would make Excel read a
 * partner's name as a formula, so such text gets a leading apostrophe. Bidi controls and
 * invisible characters are removed: a spreadsheet would let them reorder or hide a name.
 */
function safeText(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? visibleText(value) : String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number | boolean | null): string {
  const text = safeText(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV, with a byte-order mark so that Excel opens Chinese and accents correctly. */
export function toCsv(table: ExportTable): string {
  return `\uFEFF${[table.headings, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The table as an xlsx workbook with one sheet. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  sheet.addRow(table.headings).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? safeText(v) : v)));
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table as a file: its body, type and name, the same whether sent at once or prepared by a job. */
export interface TableFile {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

/** The table as the CSV or xlsx file a download sends (`http/table-export.ts`) and a prepared export keeps. */
export async function tableFile(table: ExportTable, format: 'csv' | 'xlsx'): Promise<TableFile> {
  const fileName = `${table.name}.${format}`;
  if (format === 'csv' && table.encoding === 'gb18030') return { body: iconv.encode(toCsv(table).slice(1), 'gb18030'), contentType: 'text/csv; charset=gb18030', fileName };
  if (format === 'csv') return { body: toCsv(table), contentType: 'text/csv; charset=utf-8', fileName };
  return { body: await toXlsx(table), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName };
}
