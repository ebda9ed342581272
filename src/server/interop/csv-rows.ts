/**
 * CSV as Excel writes it in Shanghai and in Paris (UTF-8 or GB18030, comma or semicolon):
 * a small RFC 4180 reader, under the same limits as an xlsx (rows, blank ones included,
 * cells, columns, text length, time).
 */
import { overLimit, ReadBudget, SPREADSHEET_LIMITS } from './spreadsheet-limits.ts';
import type { SpreadsheetRow } from './xlsx-rows.ts';

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

/**
 * The records of a CSV text, with quoted fields (separators, quotes and line breaks inside),
 * numbered from 1; every record counts toward the row limit, blank ones too, and the limits
 * are checked as the text is read, not once a record is whole.
 */
export function* csvRecords(text: string, budget: ReadBudget = new ReadBudget(SPREADSHEET_LIMITS)): Generator<SpreadsheetRow> {
  const { limits } = budget;
  const sep = separatorOf(text);
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let rowNumber = 1;
  let i = 0;
  const endCell = () => {
    budget.cell();
    cells.push(cell);
    if (cells.length > limits.columns) throw overLimit('spreadsheet_too_many_columns');
    cell = '';
  };
  const end = () => {
    budget.row(rowNumber);
    endCell();
    const row = { rowNumber, cells };
    cells = [];
    rowNumber += 1;
    return row;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if ((i & 0xffff) === 0) budget.checkTime();
    if (cell.length > limits.textChars) throw overLimit('spreadsheet_text_too_long');
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
    else if (ch === sep) endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      yield end();
      i += 1;
    } else if (ch === '\n' || ch === '\r') yield end();
    else cell += ch;
    i += 1;
  }
  if (cell.length > limits.textChars) throw overLimit('spreadsheet_text_too_long');
  if (cell !== '' || cells.length) yield end();
}
