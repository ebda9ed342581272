import type { Locale } from '../../../shared/contracts/common.ts';

/**
 * The header row of an attendee list, in the words the import reads in each language (the server
 * also takes the other languages' headers, countries by code or name, and roles in words).
 */
const HEADERS: Record<Locale, readonly string[]> = {
  en: ['Name', 'Country or region', 'Institution', 'Role'],
  zh: ['姓名', '国家/地区', '单位', '角色'],
  fr: ['Nom', 'Pays', 'Établissement', 'Rôle'],
};

/**
 * A CSV template of the attendee list as a data address, for a plain download link. The byte-order
 * mark makes Excel read it as UTF-8, so Chinese and accented headers survive.
 */
export function attendeeTemplateUrl(locale: Locale): string {
  const text = `\uFEFF${HEADERS[locale].join(',')}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

/** Where one problem of a refused import is: a data row and its column, the header row, or the file. */
export type ImportProblemPlace = { kind: 'row'; row: number; column: string } | { kind: 'header'; column: string } | { kind: 'file' };

/** Reads the server's field path of an import problem ("rows.12.country", "columns.name", "file"). */
export function importProblemPlace(field: string): ImportProblemPlace {
  const row = /^rows\.(\d+)\.(\w+)$/.exec(field);
  if (row) return { kind: 'row', row: Number(row[1]), column: row[2]! };
  const column = /^columns\.(\w+)$/.exec(field);
  if (column) return { kind: 'header', column: column[1]! };
  return { kind: 'file' };
}
