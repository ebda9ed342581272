/**
 * What one spreadsheet read may cost, whatever the file claims about itself. Every limit is
 * checked while reading (not only on the sizes a zip declares), and passing one stops the
 * read at once with 413 naming it; nothing is written. ARCHITECTURE.md ("Spreadsheet
 * imports") states the memory budget these numbers keep to.
 */
import { DomainError, invalidFields } from '../core/errors.ts';

/** The file itself, xlsx or CSV. */
export const SPREADSHEET_MAX_BYTES = 10 * 1024 * 1024;
/** All the parts of an xlsx together once inflated: the central directory's sizes, and the bytes actually inflated. */
export const SPREADSHEET_MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** The parts of an xlsx (an Excel workbook has about fifteen). */
export const SPREADSHEET_MAX_PARTS = 1_000;
/** The shared-strings part once inflated: the strings are the one thing kept in memory for the whole read. */
export const SPREADSHEET_MAX_SHARED_STRINGS_BYTES = 16 * 1024 * 1024;
/** Distinct texts of an xlsx. */
export const SPREADSHEET_MAX_SHARED_STRINGS = 100_000;
/** One text (a shared string, a cell, anything between two tags): Excel's own limit for a cell. */
export const SPREADSHEET_MAX_TEXT_CHARS = 32_767;
/** Rows up to the last one, blank rows included (they cost reading time like any other). */
export const SPREADSHEET_MAX_ROWS = 100_000;
/** Columns up to the last one with a value. */
export const SPREADSHEET_MAX_COLUMNS = 1_000;
/** Cells, empty ones included. */
export const SPREADSHEET_MAX_CELLS = 1_000_000;
/** Wall time of the read, from the first byte to the last row. */
export const SPREADSHEET_MAX_READ_MS = 15_000;

/** The limits of one read; an import may lower them for its kind of record. */
export interface SpreadsheetLimits {
  bytes: number;
  inflatedBytes: number;
  parts: number;
  sharedStringsBytes: number;
  sharedStrings: number;
  textChars: number;
  rows: number;
  columns: number;
  cells: number;
  readMs: number;
}

export const SPREADSHEET_LIMITS: SpreadsheetLimits = {
  bytes: SPREADSHEET_MAX_BYTES,
  inflatedBytes: SPREADSHEET_MAX_INFLATED_BYTES,
  parts: SPREADSHEET_MAX_PARTS,
  sharedStringsBytes: SPREADSHEET_MAX_SHARED_STRINGS_BYTES,
  sharedStrings: SPREADSHEET_MAX_SHARED_STRINGS,
  textChars: SPREADSHEET_MAX_TEXT_CHARS,
  rows: SPREADSHEET_MAX_ROWS,
  columns: SPREADSHEET_MAX_COLUMNS,
  cells: SPREADSHEET_MAX_CELLS,
  readMs: SPREADSHEET_MAX_READ_MS,
};

/** The reason codes of the limits (messages in src/shared/i18n/errors.ts). */
export type SpreadsheetLimitReason =
  | 'spreadsheet_too_large'
  | 'spreadsheet_inflated_too_large'
  | 'spreadsheet_too_many_parts'
  | 'spreadsheet_shared_strings_too_large'
  | 'spreadsheet_too_many_shared_strings'
  | 'spreadsheet_text_too_long'
  | 'spreadsheet_too_many_rows'
  | 'spreadsheet_too_many_columns'
  | 'spreadsheet_too_many_cells'
  | 'spreadsheet_too_slow';

/**
 * 413 whose code is the limit passed (`spreadsheet_too_many_rows`…), on `file` with the same
 * reason: the file is refused for its size, not its content, and a client can tell which
 * limit without reading the message.
 */
export const overLimit = (reason: SpreadsheetLimitReason): DomainError => new DomainError(reason, 'too_large', { fields: [{ field: 'file', reason }] });

/** 400 on `file`: not a spreadsheet we can read (a damaged or foreign zip, broken XML). */
export const unreadable = (): DomainError => invalidFields({ field: 'file', reason: 'spreadsheet_unreadable' });

/** The running counts of one read, checked against its limits as they grow. */
export class ReadBudget {
  private deadline: number;
  private cells = 0;
  private lastYield = Date.now();

  constructor(readonly limits: SpreadsheetLimits) {
    this.deadline = Date.now() + limits.readMs;
  }

  /** Refuses once the wall time is spent; called at least once per chunk and per row. */
  checkTime(): void {
    if (Date.now() > this.deadline) throw overLimit('spreadsheet_too_slow');
  }

  /**
   * Leaves out of the wall time what the reader's caller spent on a row since `handedAt` (an
   * import classifies and writes each row as it is read): the limit is on the reading.
   */
  notCounting(handedAt: number): void {
    this.deadline += Date.now() - handedAt;
  }

  /** A row by its number as the spreadsheet shows it: the blank rows before it count. */
  row(rowNumber: number): void {
    if (rowNumber > this.limits.rows) throw overLimit('spreadsheet_too_many_rows');
    this.checkTime();
  }

  /** One more cell, empty or not. */
  cell(): void {
    this.cells += 1;
    if (this.cells > this.limits.cells) throw overLimit('spreadsheet_too_many_cells');
  }

  /** A column that holds a value, by its number from 1. */
  column(column: number): void {
    if (column > this.limits.columns) throw overLimit('spreadsheet_too_many_columns');
  }

  /** A text, wherever it is. */
  text(length: number): void {
    if (length > this.limits.textChars) throw overLimit('spreadsheet_text_too_long');
  }

  /**
   * Lets other requests run every 20 ms of reading: a read is synchronous work between its
   * awaits, and a CSV's rows come without any I/O.
   */
  async yieldNow(): Promise<void> {
    if (Date.now() - this.lastYield < 20) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.lastYield = Date.now();
    this.checkTime();
  }
}
