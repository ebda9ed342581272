import { basename } from 'node:path';
import type { Db } from '../server/db/client.ts';
import { DomainError } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import { importMoeTw } from '../server/modules/national-statistics/national-statistics.service.ts';
import { errorMessage, fieldReason } from '../shared/i18n/errors.ts';

/** The Taiwan ministry's files given to `interchange import moe-tw`, read. */
export interface MoeTwCommandInput {
  files: Array<{ file: string; content: Buffer }>;
  encoding?: string | undefined;
  format: 'text' | 'json';
}

/**
 * Imports the ministry's files of one year as the system, all of them or none, and prints the
 * year's figures as the database holds them after the commit (JSON with `--format json`); a
 * refused file prints each bad line and why, and exits 1.
 */
export async function runMoeTwImport(db: Db, input: MoeTwCommandInput): Promise<{ out: string; exitCode: number }> {
  try {
    const { files, summary } = await importMoeTw(systemContext(db), { files: input.files.map((f) => ({ fileName: basename(f.file), content: f.content })), encoding: input.encoding });
    if (input.format === 'json') return { out: JSON.stringify(summary), exitCode: 0 };
    const f = summary.foreign;
    const lines = files.map((file) => `${file.fileName}: ${file.fileKind}, year ${file.year}, ${file.rows} lines (${file.encoding}), sha256 ${file.sha256}`);
    lines.push(`year ${summary.year}: ${f.students} foreign students from ${f.countries} countries (${Object.entries(f.byLevel).map(([level, n]) => `${level} ${n}`).join(', ')})`);
    lines.push(`overseas Chinese ${summary.overseasChinese}, Hong Kong ${summary.hongKong}, Macao ${summary.macao}`);
    if (f.unmatched.length > 0) lines.push(`names the countries list does not know (kept): ${f.unmatched.join(', ')}`);
    return { out: lines.join('\n'), exitCode: 0 };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const lines = [`${errorMessage(error.code, 'en')} Nothing imported.`];
    for (const f of error.extra.fields ?? []) lines.push(`${f.field}: ${fieldReason(f.reason, 'en')}`);
    return { out: lines.join('\n'), exitCode: 1 };
  }
}
