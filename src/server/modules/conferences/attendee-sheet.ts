/**
 * The rows of an uploaded attendee list, through the server's one bounded spreadsheet
 * reader (interop/spreadsheet-reader.ts), with its limits.
 */
import { readSpreadsheet } from '../../interop/spreadsheet-reader.ts';
import type { SheetRow } from './attendee-import.ts';

export { csvRecords, decodeCsv } from '../../interop/csv-rows.ts';

/** The rows of an attendee list, xlsx or CSV; over any of the reader's limits it is refused with 413 naming the limit. */
export function sheetRows(content: Buffer): AsyncIterable<SheetRow> {
  return readSpreadsheet(content);
}
