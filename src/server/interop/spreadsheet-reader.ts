/**
 * The one way the server reads an uploaded spreadsheet (xlsx or CSV), whatever it imports:
 * every read is bounded by spreadsheet-limits.ts, and refused with 413 naming the limit it
 * passed, or 400 when it is not a spreadsheet we can read.
 */
import { DomainError, invalidFields } from '../core/errors.ts';
import { csvEncodingOf, csvRecordStream, type CsvEncoding } from './csv-rows.ts';
import { overLimit, ReadBudget, SPREADSHEET_LIMITS, unreadable, type SpreadsheetLimits } from './spreadsheet-limits.ts';
import { xlsxRows, type SpreadsheetRow } from './xlsx-rows.ts';

export type { SpreadsheetRow } from './xlsx-rows.ts';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function* bounded(rows: AsyncIterable<SpreadsheetRow> | Iterable<SpreadsheetRow>, budget: ReadBudget): AsyncGenerator<SpreadsheetRow> {
  try {
    for await (const row of rows) {
      const handedAt = Date.now();
      yield row;
      budget.notCounting(handedAt);
      await budget.yieldNow();
    }
  } catch (error) {
    // A damaged or foreign zip, broken XML: the reader's own errors mean nothing to the person uploading.
    if (error instanceof DomainError) throw error;
    throw unreadable();
  }
}

/** An uploaded spreadsheet opened for reading: what it is, the encoding a CSV was read in, and its rows. */
export interface OpenedSpreadsheet {
  format: 'xlsx' | 'csv';
  /** A CSV's encoding, detected or as given (shown to the user, who may override it); null for xlsx. */
  encoding: CsvEncoding | null;
  rows: AsyncIterable<SpreadsheetRow>;
}

/**
 * Opens an uploaded spreadsheet, told apart by its first bytes (not by the name the browser
 * gives): xlsx (its first worksheet) or CSV, in `encoding` or the one detected. Anything else
 * is 400 `file: spreadsheet_type`. Rows come as the file is read, so a caller that refuses a
 * row stops the reading there; `limits` may be lowered for a kind of record, never raised past
 * what ARCHITECTURE.md's memory budget allows.
 */
export function openSpreadsheet(content: Buffer, options: { limits?: SpreadsheetLimits; encoding?: CsvEncoding } = {}): OpenedSpreadsheet {
  const limits = options.limits ?? SPREADSHEET_LIMITS;
  if (content.length > limits.bytes) throw overLimit('spreadsheet_too_large');
  const budget = new ReadBudget(limits);
  if (content.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', encoding: null, rows: bounded(xlsxRows(content, budget), budget) };
  const utf16 = (content[0] === 0xff && content[1] === 0xfe) || options.encoding === 'utf-16le';
  if (content.subarray(0, 4).equals(OLE) || (!utf16 && content.includes(0))) throw invalidFields({ field: 'file', reason: 'spreadsheet_type' });
  // Read as a stream: the decoded text and the records are never held whole.
  const encoding = csvEncodingOf(content, options.encoding);
  return { format: 'csv', encoding, rows: bounded(csvRecordStream(content, encoding, budget), budget) };
}

/** The rows of an uploaded spreadsheet (see openSpreadsheet), the CSV's encoding detected. */
export function readSpreadsheet(content: Buffer, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): AsyncIterable<SpreadsheetRow> {
  return openSpreadsheet(content, { limits }).rows;
}
