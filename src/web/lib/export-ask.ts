import { exportableAt, type ExportFormat } from '../../shared/contracts/exports.ts';

/** What `POST /api/exports` takes: the exportable's name, the file's format, the filters. */
export interface ExportAsk {
  what: string;
  format: ExportFormat;
  query: Record<string, string>;
}

/**
 * What a download link asks for, as a background export: its route's name, its `format`, and
 * every other parameter as the filters; null for a link no job prepares (it is followed as it is).
 */
export function exportAskOf(href: string): ExportAsk | null {
  const url = new URL(href, 'http://interchange.invalid');
  const what = exportableAt(url.pathname);
  const format = url.searchParams.get('format');
  if (!what || !format) return null;
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (key !== 'format') query[key] = value;
  return { what, format: format as ExportFormat, query };
}
