import iconv from 'iconv-lite';
import { multipartFile } from './factories.ts';
import type { TestRole, TestServer } from './harness.ts';

/** Rows as a spreadsheet program writes them to CSV: quoted where needed, CRLF line ends. */
export function csvText(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

/** A CSV as Chinese Excel or WPS saves it: GBK. */
export function gbkCsv(rows: string[][]): Buffer {
  return iconv.encode(csvText(rows), 'gbk');
}

/** The query string of an import's per-row decisions. */
export function decisionsQuery(decisions: Record<number, unknown>): string {
  return `decisions=${encodeURIComponent(JSON.stringify(decisions))}`;
}

/** Uploads a file to a kind's preview or commit, as `role`, in `language`. */
export async function sendImport(
  t: TestServer,
  options: { kind: string; step: 'preview' | 'commit'; fileName: string; content: Buffer; query?: string; language?: string; as?: TestRole },
) {
  const { payload, headers } = multipartFile(options.fileName, options.content);
  const query = options.query ? `?${options.query}` : '';
  return (await t.as(options.as ?? 'officer')).post(`/api/imports/${options.kind}/${options.step}${query}`, payload, { ...headers, 'accept-language': options.language ?? 'en' });
}
