/**
 * The rows of an uploaded spreadsheet, one at a time: xlsx through exceljs's streaming
 * reader (its in-memory workbook costs ~15 KB a row), CSV through a small RFC 4180 reader
 * that accepts what Excel writes in Shanghai and in Paris (UTF-8 or GB18030, comma or
 * semicolon).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, invalidFields } from '../../http/errors.ts';
import type { SheetRow } from './attendee-import.ts';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** A cell's value as the text a person sees in it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  try {
    yield* xlsxRowsUnchecked(content);
  } catch (error) {
    // A damaged or foreign zip: the reader's own errors mean nothing to the person uploading.
    if (error instanceof AppError) throw error;
    throw invalidFields({ field: 'file', reason: 'spreadsheet_unreadable' });
  }
}

async function* xlsxRowsUnchecked(content: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield { rowNumber: row.number, cells: values.map(cellText) };
    }
    // The first sheet is the list.
    return;
  }
}

/** The text of a CSV file: UTF-8 (with or without its byte-order mark), else GB18030 as Excel saves it in Chinese Windows. */
export function decodeCsv(content: Buffer): string {
  // Excel's "Unicode text" is UTF-16 with a byte-order mark (and tabs).
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

/** The separator of the header line: Excel writes ';' where the decimal mark is a comma (French settings). */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((s) => [s, firstLine.split(s).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** The records of a CSV text, with quoted fields (separators, quotes and line breaks inside), numbered from 1. */
export function* csvRecords(text: string): Generator<SheetRow> {
  const sep = separatorOf(text);
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let rowNumber = 1;
  let i = 0;
  const end = () => {
    cells.push(cell);
    const row = { rowNumber, cells };
    cells = [];
    cell = '';
    rowNumber += 1;
    return row;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      yield end();
      i += 1;
    } else if (ch === '\n' || ch === '\r') yield end();
    else cell += ch;
    i += 1;
  }
  if (cell !== '' || cells.length) yield end();
}

/**
 * The rows of an uploaded attendee list, xlsx or CSV, told apart by their first bytes (not
 * by the name the browser gives). Anything else is refused as `file: spreadsheet_type`.
 */
export function sheetRows(content: Buffer): AsyncIterable<SheetRow> {
  if (content.subarray(0, 4).equals(ZIP)) return xlsxRows(content);
  const utf16 = content[0] === 0xff && content[1] === 0xfe;
  if (content.subarray(0, 4).equals(OLE) || (!utf16 && content.includes(0))) throw invalidFields({ field: 'file', reason: 'spreadsheet_type' });
  const text = decodeCsv(content).replace(/^\uFEFF/, '');
  return (async function* () {
    yield* csvRecords(text);
  })();
}
