/**
 * The Taiwan Ministry of Education's files of 2023/24 (../shared/data, see its README) for the
 * national statistics tests, the README's independently computed facts read from its text (so
 * no test writes a figure of its own), and malformed copies made from the real files.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const DIR = new URL('../../../../shared/data/taiwan-moe-international-students/', import.meta.url);

/** The year's two files, as published (the regular file with a byte-order mark, the other without). */
export const MOE_FILES = {
  regular: new URL('112/112_regular.csv', DIR),
  overHigher: new URL('112/112_over_higher.csv', DIR),
};

const README = () => readFileSync(new URL('README.md', DIR), 'utf8');
const number = (text: string) => Number(text.replace(/,/g, ''));

function fact(pattern: RegExp): RegExpExecArray {
  const m = pattern.exec(README());
  if (!m) throw new Error(`the README no longer states ${pattern}`);
  return m;
}

/** The README's facts, in the shape `interchange import moe-tw --format json` prints them. */
export function readmeFacts() {
  const levels = fact(/By level: 學士\(四年\) ([\d,]+); 碩士 ([\d,]+); 博士 ([\d,]+); 學士\(二年\) ([\d,]+); 二專 ([\d,]+); 五專 ([\d,]+)\./);
  const regions = fact(/香港 ([\d,]+) \+ 澳門 ([\d,]+)/);
  return {
    year: fact(/academic year (\d+) \(2023\/24\) only/)[1]!,
    foreign: {
      students: number(fact(/Sum of 學生總計 = \*\*([\d,]+)\*\*/)[1]!),
      byLevel: { B: number(levels[1]!), M: number(levels[2]!), D: number(levels[3]!), C: number(levels[4]!), '2': number(levels[5]!), '5': number(levels[6]!) },
      countries: number(fact(/Distinct 國別名稱: (\d+)/)[1]!),
      vietnam: number(fact(/越南 ([\d,]+);/)[1]!),
    },
    overseasChinese: number(fact(/`A 僑生` ([\d,]+)/)[1]!),
    hongKong: number(regions[1]!),
    macao: number(regions[2]!),
  };
}

/** A file's records (the header first), read as csv-parse reads it. */
export function records(file: URL): string[][] {
  return parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
}

/** Records written back as CSV (a cell quoted when it holds a comma, a quote or a line break). */
export function csvOf(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${options.bom ? '\uFEFF' : ''}${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
