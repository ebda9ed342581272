/**
 * One of the ministry's files read whole, through the bounded spreadsheet reader every import
 * uses (size, rows, cells and time limits; CSV with or without its byte-order mark, decoded by
 * iconv-lite and read by csv-parse). Columns are recognised by their header text, never by their
 * position, so another year's file of the same shape reads without a change here; a file that
 * is not the ministry's shape is refused naming each bad line and why, and nothing is read from it.
 * Pure: the country names are matched by the function given.
 */
import { createHash } from 'node:crypto';
import { invalidFields, type FieldProblem } from '../../core/errors.ts';
import { csvEncodingNamed, detectCsvEncoding, type CsvEncoding } from '../../interop/csv-rows.ts';
import { openSpreadsheet } from '../../interop/spreadsheet-reader.ts';
import { looseKey } from '../imports/import-values.ts';
import type { MoeCategory, MoeFileKind } from '../../../shared/contracts/national-statistics.ts';
import type { CountryMatch } from './moe-country-names.ts';

/** One published row as stored. `line` is the row's number as a spreadsheet shows it (the header is line 1). */
export interface MoeRow {
  line: number;
  category: MoeCategory;
  levelCode: string;
  levelName: string | null;
  countryCode: string | null;
  moeCountryCode: string;
  moeCountryName: string;
  schoolCode: string;
  schoolName: string;
  departmentCode: string;
  departmentName: string;
  students: number;
  male: number;
  female: number;
  graduates: number;
}

/** A file read: which of the ministry's two it is, its year, how it was read, and its rows. */
export interface MoeFile {
  fileName: string;
  sha256: string;
  kind: MoeFileKind;
  year: string;
  encoding: string;
  rows: MoeRow[];
}

type Column = 'year' | 'schoolCode' | 'schoolName' | 'category' | 'levelCode' | 'levelName' | 'countryCode' | 'countryName' | 'departmentCode' | 'departmentName' | 'students' | 'male' | 'female' | 'graduates';

/** Each column by its header as the ministry publishes it (the level's name is headed "等級別" and "名稱" on two lines). */
const HEADERS: Readonly<Record<Column, string>> = {
  year: '學年度',
  schoolCode: '學校代碼',
  schoolName: '學校名稱',
  category: '類別',
  levelCode: '等級別',
  levelName: '等級別名稱',
  countryCode: '國別代碼',
  countryName: '國別名稱',
  departmentCode: '科系代碼',
  departmentName: '科系名稱',
  students: '學生總計',
  male: '男學生',
  female: '女學生',
  graduates: '上學年畢業生總計',
};
const COLUMN_BY_KEY = new Map((Object.entries(HEADERS) as Array<[Column, string]>).map(([column, header]) => [looseKey(header), column]));
/** The columns every file must have; the over_higher file also has 類別, which tells it apart. */
const REQUIRED: readonly Column[] = ['year', 'schoolCode', 'schoolName', 'levelCode', 'countryCode', 'countryName', 'departmentCode', 'departmentName', 'students', 'male', 'female'];
const COUNTS = ['students', 'male', 'female', 'graduates'] as const;
/** A file with more bad lines is refused on the first ones: enough to see what is wrong. */
const MAX_PROBLEMS = 20;

/** A problem on one line and column, as the refusal names it: `line.12.學生總計`. */
const at = (line: number, column: string | null, reason: string): FieldProblem => ({ field: column ? `line.${line}.${column}` : `line.${line}`, reason });

/**
 * A count as the ministry writes it: digits with a trailing space ("1 "), " -" or nothing for 0,
 * thousands with a comma; undefined when it is not a count.
 */
export function readCount(cell: string): number | undefined {
  const text = cell.normalize('NFKC').trim().replace(/,/g, '');
  if (text === '' || text === '-') return 0;
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** A level cell: "B" (the regular file) or "B 學士(四年)" (the over_higher file), as its code and name. */
function readLevel(cell: string): { code: string; name: string | null } | undefined {
  const m = /^([0-9A-Za-z]{1,2})(?:\s+(.+))?$/u.exec(cell.normalize('NFKC').trim());
  return m ? { code: m[1]!.toUpperCase(), name: m[2]?.trim() ?? null } : undefined;
}

/** The over_higher file's 類別: A 僑生 (overseas Chinese) or B 港澳生 (Hong Kong and Macao), by letter or by word. */
function readCategory(cell: string): 'A' | 'B' | undefined {
  const text = cell.normalize('NFKC').trim();
  if (/^A(\s|$)/i.test(text) || text.includes('僑生') || text.includes('侨生')) return 'A';
  if (/^B(\s|$)/i.test(text) || text.includes('港澳')) return 'B';
  return undefined;
}

/** The line of the first bytes that are not UTF-8, counted as lines of text (for the refusal). */
function firstLineNotUtf8(content: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start < content.length) {
    const end = content.indexOf(0x0a, start);
    const stop = end < 0 ? content.length : end;
    try {
      decoder.decode(content.subarray(start, stop));
    } catch {
      return line;
    }
    line += 1;
    start = stop + 1;
  }
  return 1;
}

/**
 * The encoding to read a CSV in. The ministry publishes UTF-8 (with its byte-order mark or
 * without): another encoding is read only when named (`encoding`), since Big5 and GB18030 text
 * can each pass for the other and a guess would garble every name. Undefined for an xlsx.
 */
function encodingOf(content: Buffer, given: string | undefined): CsvEncoding | undefined {
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return undefined;
  if (given !== undefined) {
    const named = csvEncodingNamed(given);
    if (!named) throw invalidFields({ field: 'encoding', reason: 'invalid_value' });
    return named;
  }
  const detected = detectCsvEncoding(content);
  if (detected !== 'utf-8') throw invalidFields(at(detected === 'utf-16le' ? 1 : firstLineNotUtf8(content), null, `not_utf8:${detected}`));
  // A byte-order mark says UTF-8 whatever follows: a line saved in another encoding is named.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw invalidFields(at(firstLineNotUtf8(content), null, 'bad_utf8'));
  }
  return 'utf-8';
}

/** Recognises the header row: each column by its text (spaces and line breaks inside ignored). */
function recognise(line: number, cells: readonly string[]): { index: Map<Column, number>; kind: MoeFileKind; problems: FieldProblem[] } {
  const index = new Map<Column, number>();
  const problems: FieldProblem[] = [];
  cells.forEach((cell, i) => {
    const column = COLUMN_BY_KEY.get(looseKey(cell));
    if (!column) return;
    if (index.has(column)) problems.push(at(line, HEADERS[column], 'duplicate_column'));
    else index.set(column, i);
  });
  const kind: MoeFileKind = index.has('category') ? 'over_higher' : 'regular';
  for (const column of REQUIRED) if (!index.has(column)) problems.push(at(line, HEADERS[column], 'missing_column'));
  return { index, kind, problems };
}

/**
 * Reads one of the ministry's files (its yearly `*_regular.csv` or `*_over_higher.csv`, or the
 * same table as xlsx). Refused, naming each line and its reason: a missing column, a count that
 * is not a number, a line of another year, a category or level that cannot be read, a file not
 * in UTF-8 when no encoding is given.
 */
export async function readMoeTwFile(content: Buffer, options: { fileName: string; encoding?: string | undefined; country: (name: string) => CountryMatch | undefined }): Promise<MoeFile> {
  const encoding = encodingOf(content, options.encoding);
  const sheet = openSpreadsheet(content, encoding ? { encoding } : {});
  let columns: ReturnType<typeof recognise> | undefined;
  const rows: MoeRow[] = [];
  const problems: FieldProblem[] = [];
  let year: string | undefined;
  for await (const { rowNumber: line, cells } of sheet.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (!columns) {
      columns = recognise(line, cells);
      if (columns.problems.length > 0) throw invalidFields(...columns.problems);
      continue;
    }
    const { index, kind } = columns;
    const cell = (column: Column): string => {
      const i = index.get(column);
      return i === undefined ? '' : (cells[i] ?? '').normalize('NFKC').trim();
    };
    const bad = (column: Column, reason: string) => problems.push(at(line, HEADERS[column], reason));
    const before = problems.length;
    const rowYear = cell('year').replace(/^0+(?=\d)/, '');
    if (rowYear === '') bad('year', 'required');
    else if (!/^\d{1,4}$/.test(rowYear)) bad('year', `not_a_year:${rowYear}`);
    else if (year === undefined) year = rowYear;
    else if (rowYear !== year) bad('year', `other_year:${rowYear}`);
    const counts = {} as Record<(typeof COUNTS)[number], number>;
    for (const column of COUNTS) {
      const value = readCount(cell(column));
      if (value === undefined) bad(column, `not_a_count:${cell(column)}`);
      else counts[column] = value;
    }
    const level = readLevel(cell('levelCode'));
    if (!level) bad('levelCode', cell('levelCode') === '' ? 'required' : `unknown_level:${cell('levelCode')}`);
    for (const column of ['schoolCode', 'schoolName', 'countryName', 'departmentName'] as const) if (cell(column) === '') bad(column, 'required');
    const match = cell('countryName') === '' ? undefined : options.country(cell('countryName'));
    let category: MoeCategory = 'foreign';
    if (kind === 'over_higher') {
      const letter = readCategory(cell('category'));
      if (!letter) bad('category', `unknown_category:${cell('category')}`);
      else if (letter === 'B') {
        if (match?.code === 'HK') category = 'hong_kong';
        else if (match?.code === 'MO') category = 'macao';
        else bad('countryName', `not_hong_kong_or_macao:${cell('countryName')}`);
      } else category = 'overseas_chinese';
    } else if (match?.code === 'HK') category = 'hong_kong';
    else if (match?.code === 'MO') category = 'macao';
    if (problems.length >= MAX_PROBLEMS) break;
    if (problems.length > before || !level) continue;
    rows.push({
      line,
      category,
      levelCode: level.code,
      levelName: cell('levelName') || level.name,
      countryCode: match?.code ?? null,
      moeCountryCode: cell('countryCode'),
      moeCountryName: cell('countryName'),
      schoolCode: cell('schoolCode'),
      schoolName: cell('schoolName'),
      departmentCode: cell('departmentCode'),
      departmentName: cell('departmentName'),
      ...counts,
    });
  }
  if (problems.length > 0) throw invalidFields(...problems);
  if (!columns || year === undefined) throw invalidFields({ field: 'file', reason: 'no_data_rows' });
  return { fileName: options.fileName, sha256: createHash('sha256').update(content).digest('hex'), kind: columns.kind, year, encoding: sheet.encoding ?? 'xlsx', rows };
}
