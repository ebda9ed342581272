/**
 * The rows of an xlsx's first worksheet under the limits of spreadsheet-limits.ts. Not
 * ExcelJS's streaming reader: it keeps every shared string with no bound, spools a worksheet
 * that comes before them to a temporary file of any size, inflates without limit and
 * numbers rows only as they come, so none of those could be bounded from outside it.
 */
import { overLimit, type ReadBudget } from './spreadsheet-limits.ts';
import { openWorkbook, parsePart, type WorkbookParts } from './xml-parts.ts';

/** A row of a sheet: its number as the spreadsheet shows it, and its cells as text (column A first). */
export interface SpreadsheetRow {
  rowNumber: number;
  cells: string[];
}

/** The shared strings, as Excel shows them (phonetic guides left out), each within the text limit, at most the limit's count. */
async function sharedStrings(parts: WorkbookParts, budget: ReadBudget): Promise<string[]> {
  const strings: string[] = [];
  if (!parts.sharedStrings) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const handlers = {
    open(name: string) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't') inText = current !== null && phonetic === 0;
    },
    text(text: string) {
      if (!inText || current === null) return;
      current += text;
      budget.text(current.length);
    },
    close(name: string) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
        if (strings.length > budget.limits.sharedStrings) throw overLimit('spreadsheet_too_many_shared_strings');
      }
    },
  };
  const own = { bytes: budget.limits.sharedStringsBytes, reason: 'spreadsheet_shared_strings_too_large' as const };
  for await (const _ of parsePart(parts, parts.sharedStrings, budget, handlers, own)) budget.checkTime();
  return strings;
}

/** The column of a cell reference ("C7" is 3); Infinity past XFD's width of letters, null without letters. */
function columnOf(reference: string | undefined): number | null {
  const letters = /^([A-Za-z]+)\d*$/.exec(reference ?? '')?.[1];
  if (!letters) return null;
  if (letters.length > 3) return Infinity;
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

interface Cell {
  column: number;
  type: string | undefined;
  value: string | null;
  inline: string | null;
}

/** A cell's value as the text a person sees in it, as the import read it through ExcelJS (styles ignored: a date is its serial number). */
function cellText(cell: Cell, strings: string[]): string {
  const value = cell.value;
  switch (cell.type) {
    case 's':
      return value === null ? '' : (strings[Number.parseInt(value, 10)] ?? '');
    case 'inlineStr':
      return cell.inline ?? value ?? '';
    case 'str':
      return value ?? '';
    case 'e':
      return '';
    case 'b':
      return value === null ? '' : String(Number.parseInt(value, 10) !== 0);
    case 'd': {
      const date = new Date(value ?? '');
      return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
    }
    default: {
      if (value === null) return '';
      const number = Number.parseFloat(value);
      return Number.isNaN(number) ? value.trim() : String(number);
    }
  }
}

/**
 * The rows of the first worksheet, one `<row>` at a time. A row's number (its `r`, else the
 * one after the last) is checked against the row limit before anything else, so the blank
 * rows before it count whether they are written or skipped; every cell counts toward the
 * cell limit, and a cell with a value toward the column limit. Reading stops at the end of
 * the sheet's data.
 */
async function* sheetRows(parts: WorkbookParts, strings: string[], budget: ReadBudget): AsyncGenerator<SpreadsheetRow> {
  if (!parts.sheet) return;
  const ready: SpreadsheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] | null = null;
  let lastColumn = 0;
  let cell: Cell | null = null;
  let into: 'value' | 'inline' | null = null;
  let inInline = false;
  let phonetic = 0;
  let done = false;
  const handlers = {
    open(name: string, attributes: Record<string, string>) {
      if (done) return;
      if (name === 'row') {
        const given = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
        if (!Number.isSafeInteger(given) || given <= rowNumber) throw new Error(`row ${attributes.r} out of order`);
        rowNumber = given;
        budget.row(rowNumber);
        cells = [];
        lastColumn = 0;
      } else if (name === 'c' && cells) {
        budget.cell();
        cell = { column: columnOf(attributes.r) ?? lastColumn + 1, type: attributes.t, value: null, inline: null };
        lastColumn = cell.column;
      } else if (name === 'v' && cell) {
        cell.value = '';
        into = 'value';
      } else if (name === 'is' && cell) {
        cell.inline = '';
        inInline = true;
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && inInline && phonetic === 0) into = 'inline';
    },
    text(text: string) {
      if (!cell || !into) return;
      const grown = (cell[into] ?? '') + text;
      budget.text(grown.length);
      cell[into] = grown;
    },
    close(name: string) {
      if (done) return;
      if (name === 'v' || name === 't') into = null;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'c' && cell && cells) {
        const text = cellText(cell, strings);
        if (text !== '') {
          budget.column(cell.column);
          cells[cell.column - 1] = text;
        }
        cell = null;
      } else if (name === 'row' && cells) {
        ready.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
        cells = null;
      } else if (name === 'sheetData') done = true;
    },
  };
  for await (const _ of parsePart(parts, parts.sheet, budget, handlers)) {
    for (const row of ready.splice(0)) {
      budget.checkTime();
      yield row;
    }
    if (done) return;
  }
}

/** The rows of an xlsx's first worksheet, within `budget`; anything that is not a readable workbook throws as it is (the caller names it). */
export async function* xlsxRows(content: Buffer, budget: ReadBudget): AsyncGenerator<SpreadsheetRow> {
  const parts = await openWorkbook(content, budget);
  try {
    const strings = await sharedStrings(parts, budget);
    yield* sheetRows(parts, strings, budget);
  } finally {
    parts.zip.close();
  }
}
