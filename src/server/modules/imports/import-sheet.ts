/**
 * A sheet read against a kind's import description: which column is which field (headers in
 * any of the three languages, or as a saved mapping says), and each row's cells read into the
 * contract's values, with every bad cell named by its column and reason. Pure: the dictionaries
 * and the institutions on file come in as readers.
 */
import type { FieldProblem } from '../../core/errors.ts';
import type { ImportColumn, ImportKind, ImportValue } from '../../../shared/contracts/imports.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { choiceReader, looseKey, readDate, readPartialDate, type DayOrder } from './import-values.ts';

/** A header cell and the field it was recognised as (null: a column the import leaves out). */
export interface HeaderMatch {
  index: number;
  header: string;
  field: string | null;
}

/** The columns of a sheet: each header's field, and what is wrong with the header row. */
export interface SheetColumns {
  headers: HeaderMatch[];
  byField: Map<string, number>;
  problems: FieldProblem[];
}

/** The keys a column is recognised by: its field, its label in each language, its aliases. */
function columnKeys(column: ImportColumn): string[] {
  return [column.field, ...Object.values(column.label), ...(column.aliases ?? [])].map(looseKey);
}

/**
 * Recognises the header row: `mapping` (a saved or given one, header → field, '' to leave a
 * column out) first, then the labels in en/zh/fr and the aliases; a template's header
 * "国家或地区 / Country or region / Pays ou région" by any of its parts. A required column
 * missing, or two columns taken for one field, is a problem on `columns.<field>`.
 */
export function recognizeColumns(kind: ImportKind, cells: readonly string[], mapping: Readonly<Record<string, string>> = {}): SheetColumns {
  const byKey = new Map<string, string>();
  for (const column of kind.columns) for (const key of columnKeys(column)) if (!byKey.has(key)) byKey.set(key, column.field);
  const mapped = new Map(Object.entries(mapping).map(([header, field]) => [looseKey(header), field]));
  const fields = new Set(kind.columns.map((c) => c.field));
  const headers: HeaderMatch[] = [];
  const byField = new Map<string, number>();
  const problems: FieldProblem[] = [];
  cells.forEach((cell, index) => {
    const header = cell.trim();
    if (header === '') return;
    let field: string | null = null;
    const given = mapped.get(looseKey(header));
    if (given !== undefined) field = given === '' ? null : given;
    else {
      for (const part of [header, ...header.split(/\s*[/|\n]\s*/)]) {
        const found = byKey.get(looseKey(part));
        if (found) {
          field = found;
          break;
        }
      }
    }
    if (field !== null && !fields.has(field)) {
      problems.push({ field: `columns.${header}`, reason: 'unknown_field' });
      field = null;
    }
    if (field !== null && byField.has(field)) {
      problems.push({ field: `columns.${field}`, reason: 'duplicate' });
      field = null;
    }
    if (field !== null) byField.set(field, index);
    headers.push({ index, header, field });
  });
  for (const column of kind.columns) if (column.required && !byField.has(column.field)) problems.push({ field: `columns.${column.field}`, reason: 'missing_column' });
  return { headers, byField, problems };
}

/** Looks a cell up in the office's dictionaries and on file. */
export interface CellReaders {
  country(cell: string): string | undefined;
  unit(cell: string): number | undefined;
  /** An institution by any name: its id, undefined when none, 'ambiguous' when several. */
  institution(cell: string): number | 'ambiguous' | undefined;
  dayOrder: DayOrder;
}

/** Splits a cell holding several values (aliases): ; ； | or a line break. */
function listOf(cell: string): string[] {
  return cell
    .split(/[;；|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Each list of choices' reader, built once (building it folds every label: the most of a row's reading time when built per cell). */
const choiceReaders = new WeakMap<object, (cell: string) => string | undefined>();

function readChoice(value: Extract<ImportValue, { is: 'choice' }>, cell: string): string | undefined {
  let reader = choiceReaders.get(value);
  if (!reader) choiceReaders.set(value, (reader = choiceReader(value.options, value.aliases)));
  return reader(cell);
}

/** One cell read as its column says: the value, or the reason it cannot be read. */
function readCell(column: ImportColumn, cell: string, readers: CellReaders): { value: unknown } | { reason: string } {
  const v = column.value;
  switch (v.is) {
    case 'text':
      return { value: cell };
    case 'list':
      return { value: listOf(cell) };
    case 'url':
      return { value: /^[a-z][a-z0-9+.-]*:\/\//i.test(cell) ? cell : `http://${cell}` };
    case 'date': {
      const date = readDate(cell, readers.dayOrder);
      return date ? { value: date } : { reason: 'unreadable_date' };
    }
    case 'country': {
      const code = readers.country(cell);
      return code ? { value: code } : { reason: 'unknown_country' };
    }
    case 'partial-date': {
      const partial = readPartialDate(cell, readers.dayOrder);
      return partial ? { value: partial } : { reason: 'unreadable_date' };
    }
    case 'countries': {
      const codes: string[] = [];
      for (const name of listOf(cell)) {
        const code = readers.country(name);
        if (!code) return { reason: 'unknown_country' };
        if (!codes.includes(code)) codes.push(code);
      }
      return { value: codes };
    }
    case 'integer': {
      // Thousands written with a comma, a space or a narrow space; a spreadsheet's 12.0 is 12.
      const text = cell.normalize('NFKC').replace(/[,\s\u202f]/g, '').replace(/\.0+$/, '');
      return /^-?\d{1,15}$/.test(text) ? { value: Number(text) } : { reason: 'not_a_whole_number' };
    }
    case 'unit': {
      const id = readers.unit(cell);
      return id !== undefined ? { value: id } : { reason: 'unknown_unit' };
    }
    case 'institution': {
      const id = readers.institution(cell);
      if (id === 'ambiguous') return { reason: 'ambiguous_institution' };
      return id !== undefined ? { value: id } : { reason: 'unknown_institution' };
    }
    case 'institutions': {
      const ids: number[] = [];
      for (const name of listOf(cell)) {
        const id = readers.institution(name);
        if (id === 'ambiguous') return { reason: 'ambiguous_institution' };
        if (id === undefined) return { reason: 'unknown_institution' };
        if (!ids.includes(id)) ids.push(id);
      }
      return { value: ids };
    }
    case 'choice': {
      const choice = readChoice(v, cell);
      return choice ? { value: choice } : { reason: 'invalid_value' };
    }
  }
}

/** A data row read: the values of its non-empty cells by field, and its problems by column. */
export interface ReadRow {
  rowNumber: number;
  values: Record<string, unknown>;
  /** The fields whose value is the column's default (an empty cell): an update leaves them as they are. */
  defaulted: string[];
  problems: RowProblem[];
}

/** A bad cell: the row, the field, the column as the file heads it, the reason code. */
export interface RowProblem {
  field: string;
  column: string;
  reason: string;
}

/**
 * A cell as it was before an export neutralised it: Interchange's exports (and offices that know
 * Excel) write a text beginning with = + - @ a tab or a carriage return after an apostrophe, so
 * that no spreadsheet runs it as a formula; the apostrophe is not part of the name.
 */
export function readBack(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Each field's column header, found once per sheet (not per row and column). */
const headerOfField = new WeakMap<SheetColumns, Map<string, string>>();

/** Reads one data row by the recognised columns; an empty cell is left out, a required one missing is a problem. */
export function readRow(kind: ImportKind, columns: SheetColumns, row: { rowNumber: number; cells: readonly string[] }, readers: CellReaders): ReadRow {
  const values: Record<string, unknown> = {};
  const defaulted: string[] = [];
  const problems: RowProblem[] = [];
  let headers = headerOfField.get(columns);
  if (!headers) headerOfField.set(columns, (headers = new Map(kind.columns.map((c) => [c.field, columns.headers.find((h) => h.index === columns.byField.get(c.field))?.header ?? c.label.en]))));
  for (const column of kind.columns) {
    const index = columns.byField.get(column.field);
    const header = headers.get(column.field) ?? column.label.en;
    const cell = index === undefined ? '' : readBack((row.cells[index] ?? '').trim());
    if (cell === '') {
      if (column.default !== undefined) {
        values[column.field] = column.default;
        defaulted.push(column.field);
      }
      else if (column.required) problems.push({ field: column.field, column: header, reason: 'required' });
      continue;
    }
    const read = readCell(column, cell, readers);
    if ('reason' in read) problems.push({ field: column.field, column: header, reason: read.reason });
    else values[column.field] = read.value;
  }
  return { rowNumber: row.rowNumber, values, defaulted, problems };
}

/** The header of a column in the template: the user's language first, then the other two. */
export function templateHeader(column: ImportColumn, locale: Locale): string {
  const order: Locale[] = [locale, ...(['en', 'zh', 'fr'] as const).filter((l) => l !== locale)];
  return order.map((l) => column.label[l]).filter((label, i, all) => all.indexOf(label) === i).join(' / ');
}
