import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { DomainError } from '../server/core/errors.ts';
import { systemContext } from '../server/core/request-context.ts';
import type { Cipher } from '../server/security/personal-data.ts';
import { commitImport, previewImport, type ImportPreview } from '../server/modules/imports/imports.service.ts';
import { undoImport } from '../server/modules/imports/import-undo.ts';
import { IMPORT_KINDS, ImportQuery, ON_DUPLICATE, type ImportKindName } from '../shared/contracts/imports.ts';
import { errorMessage, fieldReason } from '../shared/i18n/errors.ts';
import { openReadyDb } from './open-ready-db.ts';
import { runMoeTwImport } from './import-moe-tw-command.ts';

/** The kind of `interchange import` that reads the Taiwan ministry's statistics files. */
export const MOE_TW = 'moe-tw';

/** The options of `interchange import`, as commander gives them. */
export interface ImportCommandOptions {
  mapping?: string;
  encoding?: string;
  dayFirst?: boolean;
  monthFirst?: boolean;
  dryRun?: boolean;
  onDuplicate: string;
  format: string;
  /** attendees: the conference every row is added to (its number), instead of a Conference column. */
  conference?: string;
}

type Parsed = { kind: ImportKindName; query: ReturnType<typeof ImportQuery.parse>; dryRun: boolean; format: 'text' | 'json' };

/**
 * The options checked, or what is wrong with them. `--mapping` is a saved mapping's name, or a
 * JSON file ({ "<header>": "<field>" }) when a file of that name exists.
 */
export function parseImportOptions(kind: string, options: ImportCommandOptions): Parsed | { problem: string } {
  if (!(kind in IMPORT_KINDS)) return { problem: `KIND: "${kind}" is not one of ${[...Object.keys(IMPORT_KINDS), MOE_TW].join(', ')}` };
  if (!(ON_DUPLICATE as readonly string[]).includes(options.onDuplicate)) return { problem: `--on-duplicate: "${options.onDuplicate}" is not one of ${ON_DUPLICATE.join(', ')}` };
  if (options.format !== 'text' && options.format !== 'json') return { problem: `--format: "${options.format}" is not one of text, json` };
  if (options.dayFirst && options.monthFirst) return { problem: '--day-first and --month-first: give one of them' };
  if (options.conference !== undefined && kind !== 'attendees') return { problem: '--conference: only an import of attendees is added to a conference' };
  let mapping: { mapping?: string; columns?: string } = {};
  if (options.mapping !== undefined) mapping = existsSync(options.mapping) ? { columns: readFileSync(options.mapping, 'utf8') } : { mapping: options.mapping };
  const query = ImportQuery.safeParse({
    ...mapping,
    encoding: options.encoding,
    dayFirst: options.dayFirst ? 'true' : options.monthFirst ? 'false' : undefined,
    onDuplicate: options.onDuplicate,
    conference: options.conference,
  });
  if (!query.success) return { problem: `${query.error.issues[0]?.path.join('.')}: ${query.error.issues[0]?.message}` };
  return { kind: kind as ImportKindName, query: query.data, dryRun: !!options.dryRun, format: options.format };
}

function countsLine(preview: ImportPreview): string {
  const c = preview.counts;
  return `${c.new + c.update + c.duplicate + c.error} rows: ${c.new} new, ${c.update} update, ${c.duplicate} possible duplicate, ${c.error} error`;
}

/**
 * Previews a file (and, unless `dryRun`, commits it) as the system, printing the counts per
 * class, each bad cell and each proposed match; the exit code is 1 when nothing was imported
 * for a reason (bad rows, a refused file).
 */
export async function runImport(db: Db, cipher: Cipher, options: Parsed & { file: string; content: Buffer }): Promise<{ out: string; exitCode: number }> {
  const ctx = systemContext(db);
  const input = { kind: options.kind, fileName: basename(options.file), content: options.content, query: options.query, cipher };
  const lines: string[] = [];
  try {
    // Only the rows it prints are kept (bad ones and possible duplicates): a large file's preview stays small.
    const preview = await previewImport(ctx, input, (row) => row.class === 'error' || row.class === 'duplicate');
    const outcome = options.dryRun || preview.counts.error > 0 ? undefined : await commitImport(ctx, input);
    if (options.format === 'json') {
      const { summary: _s, ...written } = outcome ?? { summary: null };
      return { out: JSON.stringify({ encoding: preview.encoding, dayOrder: preview.dayOrder, counts: preview.counts, ...(outcome ? { written } : {}) }, null, 2), exitCode: preview.counts.error > 0 ? 1 : 0 };
    }
    lines.push(`${input.fileName}: ${preview.format}${preview.encoding ? ` (${preview.encoding})` : ''}, dates ${preview.dayOrder}`);
    lines.push(countsLine(preview));
    for (const row of preview.rows) {
      for (const p of row.problems) lines.push(`row ${row.rowNumber}, ${p.column}: ${fieldReason(p.reason, 'en')}`);
      if (row.class === 'duplicate') lines.push(`row ${row.rowNumber} may be ${row.matches.map((m) => `${m.label} (${m.reason})`).join(' or ')}`);
    }
    if (preview.counts.error > 0) {
      lines.push('nothing imported: correct the rows above and run again');
      return { out: lines.join('\n'), exitCode: 1 };
    }
    if (outcome) lines.push(`imported (#${outcome.importId}): ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged, ${outcome.skipped} skipped`);
    else lines.push('dry run: nothing written');
    return { out: lines.join('\n'), exitCode: 0 };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    lines.push(`${errorMessage(error.code, 'en')} Nothing imported.`);
    for (const f of error.extra.fields ?? []) lines.push(`${f.field}: ${fieldReason(f.reason, 'en')}`);
    return { out: lines.join('\n'), exitCode: 1 };
  }
}

/** `interchange import moe-tw FILE…`: the Taiwan ministry's statistics files of one year, wholly or not at all. */
async function importMoeTwCommand(config: Config, files: string[], options: ImportCommandOptions): Promise<void> {
  const problem =
    options.format !== 'text' && options.format !== 'json' ? `--format: "${options.format}" is not one of text, json` : files.find((f) => !existsSync(f)) ? `FILE: "${files.find((f) => !existsSync(f))}" does not exist` : null;
  if (problem) {
    console.error(problem);
    process.exitCode = 1;
    return;
  }
  const { db } = await openReadyDb(config);
  try {
    const input = { files: files.map((file) => ({ file, content: readFileSync(file) })), encoding: options.encoding, format: options.format as 'text' | 'json' };
    const { out, exitCode } = await runMoeTwImport(db, input);
    console.log(out);
    process.exitCode = exitCode;
  } finally {
    await db.close();
  }
}

/** `interchange import KIND FILE`: a spreadsheet's rows into the database, wholly or not at all (`moe-tw` takes a year's files). */
export async function importCommand(config: Config, kind: string, files: string[], options: ImportCommandOptions): Promise<void> {
  if (kind === MOE_TW) return importMoeTwCommand(config, files, options);
  if (files.length !== 1) {
    console.error(`FILE: ${kind} takes one file, not ${files.length}`);
    process.exitCode = 1;
    return;
  }
  const file = files[0]!;
  const parsed = parseImportOptions(kind, options);
  if ('problem' in parsed) {
    console.error(parsed.problem);
    process.exitCode = 1;
    return;
  }
  if (!existsSync(file)) {
    console.error(`FILE: "${file}" does not exist`);
    process.exitCode = 1;
    return;
  }
  const { db, cipher } = await openReadyDb(config);
  try {
    const { out, exitCode } = await runImport(db, cipher, { ...parsed, file, content: readFileSync(file) });
    console.log(out);
    process.exitCode = exitCode;
  } finally {
    await db.close();
  }
}

/** Undoes import `id` as the system, printing what it deleted or, refused, which records changed since. */
export async function runUndoImport(db: Db, cipher: Cipher, id: number): Promise<{ out: string; exitCode: number }> {
  try {
    const done = await undoImport(systemContext(db), { id, cipher });
    const records = done.outcome.records ?? [];
    return { out: `import #${id} undone: ${records.length} records deleted (${records.map((r) => `${r.entity} ${r.id}`).join(', ')})`, exitCode: 0 };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const lines = [`${errorMessage(error.code, 'en')} Nothing undone.`];
    for (const f of error.extra.fields ?? []) lines.push(`${f.field}: ${fieldReason(f.reason, 'en')}`);
    return { out: lines.join('\n'), exitCode: 1 };
  }
}

/** `interchange undo-import ID`: an import taken back as a whole. */
export async function undoImportCommand(config: Config, id: string): Promise<void> {
  if (!/^\d+$/.test(id)) {
    console.error(`ID: "${id}" is not an import's number`);
    process.exitCode = 1;
    return;
  }
  const { db, cipher } = await openReadyDb(config);
  try {
    const { out, exitCode } = await runUndoImport(db, cipher, Number(id));
    console.log(out);
    process.exitCode = exitCode;
  } finally {
    await db.close();
  }
}
