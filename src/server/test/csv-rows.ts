import { csvRecords } from '../interop/csv-rows.ts';

/**
 * The rows of cells of an export's CSV, read by the imports' own CSV reader (byte-order mark
 * removed): what an export writes is what an import of it would read.
 */
export function csvRows(text: string): string[][] {
  return [...csvRecords(text.replace(/^\uFEFF/, ''))].map((record) => record.cells);
}
