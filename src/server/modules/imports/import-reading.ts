/**
 * A file read for an import one row at a time: its header recognised, its day order found, the
 * kind's records on file loaded, then each row read, checked against the kind's contract and
 * classified as it comes from the reader. Neither the preview nor the commit holds the file's
 * rows to classify them: the commit writes them batch by batch as they come (issue 11).
 */
import type { z } from 'zod';
import { invalidFields, parseOrThrow, reasonOf } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { csvEncodingNamed, type CsvEncoding } from '../../interop/csv-rows.ts';
import { openSpreadsheet } from '../../interop/spreadsheet-reader.ts';
import type { SpreadsheetLimits } from '../../interop/spreadsheet-limits.ts';
import type { SpreadsheetRow } from '../../interop/xlsx-rows.ts';
import { fieldReason } from '../../../shared/i18n/errors.ts';
import { ImportMappingInput, importChoicesOf, type ImportKindName, type ImportQuery, type RowClass } from '../../../shared/contracts/imports.ts';
import { importAdapter, type ImportAdapter, type KindState } from './import-adapters.ts';
import { InstitutionMatcher } from './import-matching.ts';
import { recognizeColumns, readRow, type HeaderMatch, type RowProblem } from './import-sheet.ts';
import { countryReader, DayOrderVote, unitReader, type DayOrder } from './import-values.ts';
import { countryEntries, findMapping, institutionsOnFile, unitEntries } from './imports.repo.ts';

type Options = z.output<typeof ImportQuery>;

/** A proposed match as the preview shows it. */
export interface PreviewMatch {
  id?: number;
  /** An earlier row of the same file. */
  row?: number;
  label: string;
  reason: string;
}

/** One row of a preview. */
export interface PreviewRow {
  rowNumber: number;
  class: RowClass;
  values: Record<string, unknown>;
  /** Fields filled by their column's default (an empty cell), left alone by an update. */
  defaulted: string[];
  matches: PreviewMatch[];
  problems: Array<RowProblem & { message: string }>;
  /** Rows that make one record together (a visit's visitors): the group's first row, and the record on file it is already. */
  group?: { first: number; onFile?: number };
}

/** What a file is, as read before its rows: the kind, format, encoding, day order and columns. */
export interface ImportFileSummary {
  kind: ImportKindName;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: CsvEncoding | null;
  dayOrder: DayOrder;
  headers: HeaderMatch[];
}

/** What a file would import, before anything is written. */
export interface ImportPreview extends ImportFileSummary {
  counts: Record<RowClass, number>;
  rows: PreviewRow[];
}

/** A file to import and how to read it. */
export interface ImportFile {
  kind: ImportKindName;
  fileName: string;
  content: Buffer;
  query: Options;
  cipher: Cipher;
  /** The reader's limits, when not the upload's (the import bench reads a 1,000,000-row file). */
  limits?: SpreadsheetLimits;
}

/** A row as read and classified; `checked`, when asked for, its values as the kind's `input` contract parsed them. */
export interface ClassifiedRow {
  row: PreviewRow;
  checked?: unknown;
}

/** A file opened for an import: what it is, the kind's state (its records on file, its matchers), and its rows as they are read. */
export interface OpenedImport {
  summary: ImportFileSummary;
  state: KindState;
  adapter: ImportAdapter;
  /** The data rows, known before the rows are classified when the dates had to be read first (for the day order). */
  rowsTotal?: number;
  /** Each data row classified as it is read; throws `file: empty_sheet` at the end when there was none. */
  rows: AsyncGenerator<ClassifiedRow, void, undefined>;
}

/** The mapping a preview or commit uses: a saved one by name, or one given whole as JSON. */
async function mappingOf(db: Queryable, kind: ImportKindName, options: Options): Promise<Record<string, string>> {
  if (options.mapping) {
    const saved = await findMapping(db, kind, options.mapping);
    if (!saved) throw invalidFields({ field: 'mapping', reason: 'unknown_mapping' });
    return saved.columns;
  }
  if (!options.columns) return {};
  try {
    return parseOrThrow(ImportMappingInput.shape.columns, JSON.parse(options.columns));
  } catch {
    throw invalidFields({ field: 'columns', reason: 'invalid_format' });
  }
}

function encodingOf(options: Options): CsvEncoding | undefined {
  if (!options.encoding) return undefined;
  const encoding = csvEncodingNamed(options.encoding);
  if (!encoding) throw invalidFields({ field: 'encoding', reason: 'unknown_encoding' });
  return encoding;
}

const blank = (row: SpreadsheetRow) => !row.cells.some((c) => c.trim() !== '');

/**
 * Opens a file for an import: the header row recognised (a missing column, no header: thrown
 * here, before any row), the day order found, the dictionaries and the kind's records on file
 * loaded. A file whose kind has dates, read without a day order given, is read once for its
 * dates first (only the two answers of `DayOrderVote` kept): the order is the whole file's;
 * so is a file of a kind with a row limit (attendees), counted before any row is classified.
 * The rows are then read and classified one at a time, as the caller asks for them.
 */
export async function openImport(ctx: RequestContext, options: ImportFile, keepChecked = false): Promise<OpenedImport> {
  const { kind: name, query } = options;
  const adapter = importAdapter(name, { cipher: options.cipher });
  const { kind } = adapter;
  const encoding = encodingOf(query);
  const open = () => openSpreadsheet(options.content, { ...(encoding ? { encoding } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  const opened = open();
  const reading = opened.rows[Symbol.asyncIterator]();
  let header: SpreadsheetRow | undefined;
  for (let next = await reading.next(); !next.done; next = await reading.next()) {
    if (blank(next.value)) continue;
    header = next.value;
    break;
  }
  if (!header) throw invalidFields({ field: 'file', reason: 'empty_sheet' });
  const columns = recognizeColumns(kind, header.cells, await mappingOf(ctx, name, query));
  if (columns.byField.size === 0) throw invalidFields({ field: 'file', reason: 'no_header' });
  if (columns.problems.length) throw invalidFields(...columns.problems);

  const dateColumns = kind.columns.filter((c) => c.value.is === 'date').map((c) => columns.byField.get(c.field)).filter((i): i is number => i !== undefined);
  const findDayOrder = query.dayFirst === undefined && dateColumns.length > 0;
  let dayOrder: DayOrder = query.dayFirst === 'false' ? 'month-first' : 'day-first';
  let rowsTotal: number | undefined;
  // A first reading, the rows dropped as read, when the dates must say their order (the whole file's), or when the kind
  // takes a bounded number of rows (counted before any is classified: matching 20,000 rows of one name is quadratic).
  if (findDayOrder || kind.maxRows !== undefined) {
    const vote = new DayOrderVote();
    let count = -1;
    for await (const row of open().rows) {
      if (blank(row)) continue;
      count += 1;
      if (count > 0 && findDayOrder) for (const i of dateColumns) vote.add(row.cells[i] ?? '');
    }
    if (findDayOrder) dayOrder = vote.order ?? 'day-first';
    rowsTotal = count;
    if (rowsTotal === 0) throw invalidFields({ field: 'file', reason: 'empty_sheet' });
    if (kind.maxRows !== undefined && rowsTotal > kind.maxRows) throw invalidFields({ field: 'file', reason: 'too_many_rows' });
  }
  const country = countryReader(await countryEntries(ctx));
  const unit = unitReader(await unitEntries(ctx));
  const needsInstitutions = kind.columns.some((c) => (c.value.is === 'institution' || c.value.is === 'institutions') && columns.byField.has(c.field));
  const institutionMatcher = needsInstitutions
    ? new InstitutionMatcher((await institutionsOnFile(ctx)).map((i) => ({ id: i.id, countryCode: i.countryCode, names: [i.nameEn, i.nameZh, i.nameFr, i.nameLocal, ...i.otherNames].filter((n): n is string => !!n) })))
    : undefined;
  const readers = {
    country,
    unit,
    dayOrder,
    institution(cell: string) {
      const found = institutionMatcher?.find([cell]) ?? [];
      return found.length === 1 ? found[0]!.id : found.length > 1 ? ('ambiguous' as const) : undefined;
    },
  };
  const state = await adapter.prepare(ctx, importChoicesOf(kind, query));
  const message = (p: RowProblem) => ({ ...p, message: fieldReason(p.reason, ctx.locale) });
  const headerOf = (field: string) => columns.headers.find((h) => h.field === field)?.header ?? field;

  const classify = (row: SpreadsheetRow): ClassifiedRow => {
    const read = readRow(kind, columns, row, readers);
    if (read.problems.length) return { row: { rowNumber: row.rowNumber, class: 'error', values: read.values, defaulted: read.defaulted, matches: [], problems: read.problems.map(message) } };
    // The contract's own checks (lengths, formats), named by the file's column.
    const checked = adapter.input.safeParse(adapter.toInput ? adapter.toInput(read.values) : read.values);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        return message({ field, column: headerOf(field), reason: reasonOf(issue as Parameters<typeof reasonOf>[0]) });
      });
      return { row: { rowNumber: row.rowNumber, class: 'error', values: read.values, defaulted: read.defaulted, matches: [], problems } };
    }
    const classified = state.classify(row.rowNumber, read.values);
    if (classified.class === 'error') {
      const problems = (classified.problems ?? []).map((p) => message({ field: p.field, column: headerOf(p.field), reason: p.reason }));
      return { row: { rowNumber: row.rowNumber, class: 'error', values: read.values, defaulted: read.defaulted, matches: [], problems } };
    }
    const matches = classified.matches.map((m) => (m.id < 0 ? { row: -m.id, label: `#${-m.id}`, reason: 'same_row_in_file' } : { id: m.id, label: state.label(m.id), reason: m.reason }));
    return {
      row: { rowNumber: row.rowNumber, class: classified.class, values: read.values, defaulted: read.defaulted, matches, problems: [], ...(classified.group ? { group: classified.group } : {}) },
      ...(keepChecked ? { checked: checked.data } : {}),
    };
  };

  async function* rows(): AsyncGenerator<ClassifiedRow, void, undefined> {
    let count = 0;
    for (let next = await reading.next(); !next.done; next = await reading.next()) {
      if (blank(next.value)) continue;
      count += 1;
      if (kind.maxRows !== undefined && count > kind.maxRows) throw invalidFields({ field: 'file', reason: 'too_many_rows' });
      yield classify(next.value);
    }
    if (count === 0) throw invalidFields({ field: 'file', reason: 'empty_sheet' });
  }

  return {
    summary: { kind: name, fileName: options.fileName, format: opened.format, encoding: opened.encoding, dayOrder, headers: columns.headers },
    state,
    adapter,
    ...(rowsTotal !== undefined ? { rowsTotal } : {}),
    rows: rows(),
  };
}
