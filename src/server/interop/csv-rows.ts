/**
 * CSV as Excel and WPS write it in Shanghai, Paris and London: UTF-8 (with or without its
 * byte-order mark), GB18030/GBK, Windows-1252 or UTF-16, comma, semicolon or tab. The encoding
 * is detected (chardet) or given, decoded with iconv-lite, and the records read by csv-parse,
 * under the same limits as an xlsx (rows, blank ones included, cells, columns, text length, time).
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { CsvError, parse } from 'csv-parse/sync';
import { invalidFields } from '../core/errors.ts';
import { overLimit, ReadBudget, SPREADSHEET_LIMITS } from './spreadsheet-limits.ts';
import type { SpreadsheetRow } from './xlsx-rows.ts';

/** The encodings a CSV is read in, by the name shown to the user and accepted as an override. */
export const CSV_ENCODINGS = ['utf-8', 'gb18030', 'windows-1252', 'big5', 'utf-16le'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** Names an override may use for one of ours (GBK and GB2312 are subsets of GB18030; Latin-1 reads as Windows-1252). */
const ENCODING_NAMES: Record<string, CsvEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'iso-8859-15': 'windows-1252',
  big5: 'big5', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
};

/** One of our encodings by any of its names, or undefined. */
export function csvEncodingNamed(name: string): CsvEncoding | undefined {
  return ENCODING_NAMES[name.trim().toLowerCase()];
}

/** What chardet names, as one of ours. */
const DETECTED: Record<string, CsvEncoding> = {
  GB18030: 'gb18030', Big5: 'big5', 'windows-1252': 'windows-1252', 'ISO-8859-1': 'windows-1252', 'ISO-8859-15': 'windows-1252',
};

/**
 * How `content` reads as GB18030: null when it is not well-formed (a byte over 0x80 that opens
 * no pair or four-byte sequence of the right shape: "é," cannot be GB18030), else how many
 * of its pairs look like Chinese (both bytes over 0x80, as every GB2312 character is) and how
 * many like a Latin letter followed by ASCII ("é" then "e", which a pair may also be).
 */
function gb18030Shape(content: Buffer): { han: number; latin: number } | null {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < content.length; i += 1) {
    const b = content[i]!;
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return null;
    const t = content[i + 1];
    if (t === undefined) return null;
    if (t >= 0x30 && t <= 0x39) {
      const [t2, t3] = [content[i + 2], content[i + 3]];
      if (t2 === undefined || t3 === undefined || t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return null;
      han += 1;
      i += 3;
    } else if (t >= 0x40 && t <= 0xfe && t !== 0x7f) {
      if (t >= 0x80) han += 1;
      else latin += 1;
      i += 1;
    } else return null;
  }
  return { han, latin };
}

/**
 * The encoding a CSV file is in: its byte-order mark; else UTF-8 when it decodes as UTF-8;
 * else Windows-1252 when it cannot be GB18030, or when its high bytes look more like accented
 * letters than Chinese pairs; else GB18030 (what Chinese Excel and WPS write), unless chardet
 * is sure of Windows-1252 where the bytes do not tell. Big5 is read only when asked for: GBK
 * text is often valid Big5 too, and mistaking one for the other garbles every name.
 */
export function detectCsvEncoding(content: Buffer): CsvEncoding {
  if (content[0] === 0xff && content[1] === 0xfe) return 'utf-16le';
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return 'utf-8';
  // Checked without decoding (a whole file's text would be held for nothing).
  if (isUtf8(content)) return 'utf-8';
  // The first 64 kB tell as much as the whole file (cut at a line so no pair is split).
  const cut = content.lastIndexOf(0x0a, 65_536);
  const sample = content.length <= 65_536 || cut < 0 ? content.subarray(0, 65_536) : content.subarray(0, cut);
  const shape = gb18030Shape(sample);
  if (shape === null || shape.latin > shape.han) return 'windows-1252';
  if (shape.han > shape.latin) return 'gb18030';
  const guess = chardet.analyse(sample).find((g) => DETECTED[g.name]);
  return guess && DETECTED[guess.name] === 'windows-1252' && guess.confidence >= 50 ? 'windows-1252' : 'gb18030';
}

/**
 * The text of a CSV file in `encoding` (detected when not given), without a byte-order mark.
 * A file that is not UTF-8 read as UTF-8 is refused on `file` (`wrong_encoding`) rather than
 * read with replacement characters.
 */
export function decodeCsvFile(content: Buffer, encoding: CsvEncoding = detectCsvEncoding(content)): { text: string; encoding: CsvEncoding } {
  if (encoding === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, ''), encoding };
    } catch {
      throw invalidFields({ field: 'file', reason: 'wrong_encoding' });
    }
  }
  return { text: iconv.decode(content, encoding).replace(/^\uFEFF/, ''), encoding };
}

/** The text of a CSV file, in the encoding detected. */
export function decodeCsv(content: Buffer): string {
  return decodeCsvFile(content).text;
}

/**
 * A CSV file's encoding, checked before any row is read: one detected, or one given that the
 * file can be read in (a file that is not UTF-8 given as UTF-8 is `file: wrong_encoding`).
 */
export function csvEncodingOf(content: Buffer, encoding?: CsvEncoding): CsvEncoding {
  if (encoding === undefined) return detectCsvEncoding(content);
  if (encoding === 'utf-8' && !isUtf8(content)) throw invalidFields({ field: 'file', reason: 'wrong_encoding' });
  return encoding;
}

/** The separator of the header line: Excel writes ';' where the decimal mark is a comma (French settings). */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((s) => [s, firstLine.split(s).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * csv-parse's options for both readers: records split on any line ending, ragged rows kept; and
 * the check each record passes as it ends (rows, columns, cells, a cell's length against the
 * file's limits), called by the reader on each record csv-parse gives (not as csv-parse's
 * on_record, for which it builds an object of its position for every record).
 */
function boundedOptions(delimiter: string, budget: ReadBudget) {
  const { limits } = budget;
  let rowNumber = 0;
  return {
    options: {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // A record's whole text; each cell is held to Excel's limit as the record ends.
      max_record_size: limits.textChars * limits.columns,
    },
    check(record: string[]): string[] {
      rowNumber += 1;
      budget.row(rowNumber);
      if (record.length > limits.columns) throw overLimit('spreadsheet_too_many_columns');
      for (const cell of record) {
        budget.cell();
        if (cell.length > limits.textChars) throw overLimit('spreadsheet_text_too_long');
      }
      return record;
    },
  };
}

/**
 * The records of a CSV text, with quoted fields (separators, quotes and line breaks inside),
 * numbered from 1; every record counts toward the row limit, blank ones too. The limits are
 * checked by csv-parse as it reads (a field's length) and on each record as it ends.
 */
export function* csvRecords(text: string, budget: ReadBudget = new ReadBudget(SPREADSHEET_LIMITS)): Generator<SpreadsheetRow> {
  let records: string[][];
  try {
    const bounded = boundedOptions(separatorOf(text), budget);
    // Checked as csv-parse reads (on_record): a file past a limit stops there, not after the whole text is parsed.
    records = parse(text, { ...bounded.options, on_record: bounded.check }) as string[][];
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') throw overLimit('spreadsheet_text_too_long');
    throw error;
  }
  for (let i = 0; i < records.length; i += 1) yield { rowNumber: i + 1, cells: records[i]! };
}

/**
 * How much of a file is decoded at a time when its records are streamed: small, since csv-parse
 * reads a whole chunk's records before the reader checks them against the limits (a file of
 * blank lines past the row limit is refused after one chunk's records, not a megabyte's).
 */
const CHUNK_BYTES = 1 << 16;

/**
 * The records of a CSV file as csvRecords reads them, streamed: the file decoded a chunk at a
 * time (iconv-lite's decoder, the byte-order mark dropped) into csv-parse's stream, so neither
 * the whole text nor every record is held at once (memory does not follow the file). Read with
 * the same options and limits as csvRecords; `encoding` as csvEncodingOf returns it.
 */
export async function* csvRecordStream(content: Buffer, encoding: CsvEncoding, budget: ReadBudget = new ReadBudget(SPREADSHEET_LIMITS)): AsyncGenerator<SpreadsheetRow> {
  const head = iconv.decode(content.subarray(0, 65_536), encoding).replace(/^\uFEFF/, '');
  const bounded = boundedOptions(separatorOf(head), budget);
  const parser = parseStream(bounded.options);
  function* text(): Generator<string> {
    const decoder = iconv.getDecoder(encoding);
    for (let at = 0; at < content.length; at += CHUNK_BYTES) {
      const chunk = decoder.write(content.subarray(at, at + CHUNK_BYTES));
      if (chunk) yield chunk;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }
  const source = Readable.from(text(), { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n += 1;
      yield { rowNumber: n, cells: bounded.check(record) };
    }
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') throw overLimit('spreadsheet_text_too_long');
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}
