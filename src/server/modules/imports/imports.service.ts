/**
 * Importing a kind of record from a spreadsheet: the template, the preview (every row new, an
 * update, a possible duplicate or an error, with counts), and the commit, which writes every
 * row through the kind's own services in ONE transaction, so a file imports wholly or not at all.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { DomainError, invalidFields, renamedByIndex, type FieldProblem } from '../../core/errors.ts';
import { requestContext, type RequestContext, type TxContext } from '../../core/request-context.ts';
import { auditUnderImport } from '../../audit/record-audit.ts';
import { roleMay } from '../../../shared/policies.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { ImportMappingInput, ImportQuery } from '../../../shared/contracts/imports.ts';
import { IMPORT_KINDS, type ImportKindName, type RowClass } from '../../../shared/contracts/imports.ts';
import type { RowToCommit, WrittenRecord } from './import-adapters.ts';
import { withoutBefore } from './import-undo.ts';
import { openImport, type ImportFile, type ImportFileSummary, type ImportPreview, type PreviewRow } from './import-reading.ts';
import { templateHeader } from './import-sheet.ts';
import { LISTED_RECORDS, WrittenRuns, keepWritten } from './import-written.ts';
import { savepoints } from './import-savepoints.ts';
import { findMapping, insertImport, listMappings, recordOutcome, upsertMapping, type MappingRow } from './imports.repo.ts';

type Options = z.output<typeof ImportQuery>;

export type { ImportFile, ImportFileSummary, ImportPreview, PreviewMatch, PreviewRow } from './import-reading.ts';

/** What a commit did. */
export interface ImportOutcome {
  importId: number;
  /**
   * The records written, each with its kind (a visit import creates people and visits), when
   * there are at most LISTED_RECORDS of them; else none listed here (the counts say how many):
   * every one is kept in import_records, read by the undo and the import's page.
   */
  records: WrittenRecord[];
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** The template of a kind: one header row in `locale` first, then the other two languages. */
export async function importTemplate(options: { kind: ImportKindName; locale: Locale }): Promise<Buffer> {
  const kind = IMPORT_KINDS[options.kind];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(kind.one[options.locale]);
  sheet.addRow(kind.columns.map((c) => templateHeader(c, options.locale)));
  sheet.getRow(1).font = { bold: true };
  kind.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(14, templateHeader(c, options.locale).length + 2);
    // Dates and codes stay text: Excel would turn 2019-03-05 into its own date and 0123 into 123.
    sheet.getColumn(i + 1).numFmt = '@';
  });
  if (kind.guide) {
    // How rows make records, when a row is not one record (a visit's visitors).
    const guide = book.addWorksheet({ en: 'How to fill it in', zh: '填写说明', fr: 'Mode d’emploi' }[options.locale]);
    guide.getColumn(1).width = 120;
    guide.getCell('A1').value = kind.guide[options.locale];
    guide.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * What a file would import: every row classified, with counts per class; nothing is written.
 * `keep` says which rows the answer lists (all by default, as the web shows them); the others
 * are counted and dropped as they are read, so a caller that lists only errors and possible
 * duplicates (the CLI) holds no more than those whatever the file's size.
 */
export async function previewImport(ctx: RequestContext, options: ImportFile, keep: (row: PreviewRow) => boolean = () => true): Promise<ImportPreview> {
  const opened = await openImport(ctx, options);
  const counts: Record<RowClass, number> = { new: 0, update: 0, duplicate: 0, error: 0 };
  const rows: PreviewRow[] = [];
  for await (const { row } of opened.rows) {
    counts[row.class] += 1;
    if (keep(row)) rows.push(row);
  }
  return { ...opened.summary, counts, rows };
}

type Decision = 'create' | 'skip' | number;

function decisionsOf(options: Options): Map<number, Decision> {
  if (!options.decisions) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(options.decisions);
  } catch {
    throw invalidFields({ field: 'decisions', reason: 'invalid_format' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidFields({ field: 'decisions', reason: 'invalid_format' });
  const out = new Map<number, Decision>();
  for (const [row, d] of Object.entries(parsed)) {
    if (!/^\d+$/.test(row) || !(d === 'create' || d === 'skip' || (typeof d === 'number' && Number.isSafeInteger(d) && d > 0)))
      throw invalidFields({ field: `decisions.${row}`, reason: 'invalid_value' });
    out.set(Number(row), d as Decision);
  }
  return out;
}

/** Told how many of a commit's rows are written, every PROGRESS_EVERY rows and at the end (a background commit's progress bar). */
export type ImportProgress = (rowsDone: number, rowsTotal: number) => Promise<void>;

/** How often a commit reports its progress, in rows. */
export const PROGRESS_EVERY = 200;

/** Rows a kind that creates set-based (createMany) creates in one go. */
const CREATE_BATCH = 10_000;

/** At most this many problems are reported: a wrong file would otherwise answer with thousands. */
const MAX_REPORTED = 100;

/** A commit's file as read: what it is, its counts per class and its rows. */
export interface ImportSummary extends ImportFileSummary {
  counts: Record<RowClass, number>;
  rowsTotal: number;
}

/**
 * Writes a file's rows through the kind's services in one transaction: new rows created,
 * updates applied, possible duplicates as decided per row (create, skip, or merge into a
 * record) or else by `onDuplicate`. A file with a bad row, or with undecided duplicates under
 * `fail`, writes nothing; so does any error in the middle. The import is recorded and audited
 * with its file's name and digest and the records it created and changed.
 *
 * The file is read once, each row classified and written as it comes: a kind that creates
 * set-based gets CREATE_BATCH rows at a time, written while the next ones are read; only what
 * matching needs of the rows before (their keys, in the kind's matchers) and the records'
 * ids stay until the end, so memory does not follow the file (a kind whose record is made of
 * several rows, `commitRows`, still gets them all at once). A refusal found on the way stops
 * the writing, the rest is read to name every bad row as before, and the transaction is
 * rolled back: a bad last row writes nothing.
 */
export async function commitImport(
  ctx: RequestContext,
  options: ImportFile & { onProgress?: ImportProgress;
    /** The rows the file holds, when known (a draft's preview counted them): the progress's total. */
    rowsTotal?: number;
    /** Rows a set-based kind creates at a time (CREATE_BATCH; a test makes it small to commit a file in several batches). */
    batchRows?: number;
    /** Records listed in the answer and the import's audit row at most (LISTED_RECORDS; a test makes it small). */
    listedRecords?: number;
    /** Runs in the import's transaction once it is recorded (a draft marked committed with it, or neither). */
    onRecorded?: (tx: TxContext, importId: number, counts: { created: number; updated: number; unchanged: number; skipped: number }) => Promise<void> },
): Promise<ImportOutcome & { summary: ImportSummary }> {
  const decisions = decisionsOf(options.query);
  const opened = await openImport(ctx, options, true);
  const { state, summary } = opened;
  const kind = IMPORT_KINDS[options.kind];
  const mayUpdate = roleMay(ctx.actor.role, kind.entity, 'update');
  const entity = state.entity ?? (kind.entity as WrittenRecord['entity']);
  const columnOf = (field: string) => summary.headers.find((h) => h.field === field.split('.')[0])?.header ?? field;
  const counts: Record<RowClass, number> = { new: 0, update: 0, duplicate: 0, error: 0 };
  let rowsRead = 0;
  const total = () => Math.max(options.rowsTotal ?? opened.rowsTotal ?? 0, rowsRead);
  // Refusals found while reading, in the order they are answered; MAX_REPORTED of each at most.
  const badCells: FieldProblem[] = [];
  const undecided: FieldProblem[] = [];
  const forbidden: FieldProblem[] = [];
  let refusal: unknown;
  const refused = () => badCells.length > 0 || undecided.length > 0 || forbidden.length > 0 || refusal !== undefined;
  // The records written, as runs of consecutive ids (not one object a record: a million rows make a few hundred runs).
  const written = new WrittenRuns();
  const outcome = { created: 0, updated: [] as number[], unchanged: [] as number[], skipped: 0 };
  const created = (recordId: number) => {
    outcome.created += 1;
    written.add({ entity, id: recordId, action: 'created' });
  };
  let answered: WrittenRecord[] = [];
  const fileSha256 = createHash('sha256').update(options.content).digest('hex');
  const importId = await ctx.transaction(async (tx) => {
    // The import's row first, so that every audit row its records get names it (audit_log.import_id).
    const id = await insertImport(tx, { kind: options.kind, fileName: options.fileName, fileSha256, actorId: ctx.actor.userId || null, unitId: ctx.scope });
    await auditUnderImport(tx, id);
    const inner = requestContext(ctx.actor, savepoints(tx, ctx.db.engine), ctx.locale);
    // A kind whose record is made of several rows gets its rows (values and action only) at the end.
    const together: RowToCommit[] = [];
    // Rows to create, held until CREATE_BATCH of them (or a row that is not a create) when the kind creates set-based.
    let batch: PreviewRow[] = [];
    let batchChecked: unknown[] = [];
    // The batch being written while the next rows are read, and the rows written.
    let writing: Promise<void> | undefined;
    let done = 0;
    const settle = async () => {
      if (writing) await writing;
      writing = undefined;
    };
    const flush = async () => {
      await settle();
      const rows = batch;
      const checked = batchChecked;
      batch = [];
      batchChecked = [];
      if (rows.length === 0 || refused()) return;
      // On PostgreSQL the batch is written while the next rows are read: the server's time overlaps the reading. The
      // embedded engine runs in this thread, so there it is awaited (overlapping would only slow the reading down).
      writing = state.createMany!(inner, rows.map((r) => r.values), checked).then(
        (ids) => {
          for (const one of ids) created(one);
          done += rows.length;
        },
        (error: unknown) => {
          refusal ??= renamedByIndex(error, (index, field) => `rows.${rows[Number(index)]?.rowNumber ?? index}.${columnOf(field)}`);
        },
      );
      if (ctx.db.engine !== 'postgresql') await settle();
    };
    // Any way out of the loop waits for the batch being written: the transaction ends after its statements, never between them.
    try {
      for await (const { row, checked } of opened.rows) {
        rowsRead += 1;
        counts[row.class] += 1;
        if (rowsRead % PROGRESS_EVERY === 0) await options.onProgress?.(done, total());
        const decided = decisions.get(row.rowNumber);
        if (row.class === 'error' && decided !== 'skip' && row.problems.length) {
          for (const p of row.problems) if (badCells.length < MAX_REPORTED) badCells.push({ field: `rows.${row.rowNumber}.${p.column}`, reason: p.reason });
          continue;
        }
        if (row.class === 'duplicate' && decided === undefined && options.query.onDuplicate === 'fail') {
          if (undecided.length < MAX_REPORTED) undecided.push({ field: `rows.${row.rowNumber}`, reason: 'possible_duplicate' });
          continue;
        }
        // What the row does: the user's decision, else its class's default.
        const first = row.matches.find((m) => m.id !== undefined)?.id;
        const action: Decision =
          decided !== undefined ? decided
          : row.class === 'new' ? 'create'
          : (row.class === 'update' || (row.class === 'duplicate' && options.query.onDuplicate === 'update')) && first !== undefined ? first
          : 'skip';
        // Importing is creating; changing a record on file needs the right to change it (an institution is the office's).
        if (typeof action === 'number' && !mayUpdate) {
          if (forbidden.length < MAX_REPORTED) forbidden.push({ field: `rows.${row.rowNumber}`, reason: 'not_allowed' });
          continue;
        }
        if (refused()) continue;
        if (state.commitRows) {
          together.push({ rowNumber: row.rowNumber, values: row.values, defaulted: row.defaulted, action });
          continue;
        }
        if (action === 'create' && state.createMany) {
          batch.push(row);
          batchChecked.push(checked);
          if (batch.length >= (options.batchRows ?? CREATE_BATCH)) await flush();
          continue;
        }
        await flush();
        await settle();
        if (refused()) continue;
        try {
          if (action === 'skip') outcome.skipped += 1;
          else if (action === 'create') created(await state.create(inner, row.values));
          else {
            const before = await state.update(inner, action, Object.fromEntries(Object.entries(row.values).filter(([field]) => !row.defaulted.includes(field))));
            if (before) {
              outcome.updated.push(action);
              written.add({ entity, id: action, action: 'updated', before });
            } else outcome.unchanged.push(action);
          }
          done += 1;
        } catch (error) {
          // The service's own refusal, named by the row it came from; kept until the file is read (a bad cell after it is answered first).
          if (!(error instanceof DomainError)) throw error;
          refusal = error.extra.fields?.length
            ? new DomainError(error.code, error.kind, { ...error.extra, fields: error.extra.fields.map((f) => ({ ...f, field: `rows.${row.rowNumber}.${columnOf(f.field)}` })) })
            : error;
        }
      }
      await flush();
    } finally {
      await settle();
    }
    if (badCells.length) throw invalidFields(...badCells);
    if (undecided.length) throw new DomainError('import_duplicates', 'conflict', { fields: undecided });
    if (forbidden.length) throw new DomainError('forbidden', 'forbidden', { fields: forbidden });
    if (refusal !== undefined) throw refusal;
    if (state.commitRows) {
      const rows = await state.commitRows(inner, together, columnOf);
      await options.onProgress?.(rowsRead, rowsRead);
      for (const r of rows.records) {
        written.add(r);
        if (r.action === 'created') outcome.created += 1;
        else outcome.updated.push(r.id);
      }
      outcome.skipped = rows.skipped;
      outcome.unchanged = rows.unchanged;
    } else await options.onProgress?.(rowsRead, rowsRead);
    // The records in import_records (migration 0049), not in the outcome: listed there only when few.
    const recordRuns = await keepWritten(tx, id, written);
    const listed = written.listed(options.listedRecords ?? LISTED_RECORDS);
    const tally = { created: outcome.created, updated: outcome.updated.length, unchanged: outcome.unchanged.length, skipped: outcome.skipped };
    // The ids created and updated are listed when few (the import's page and metrics read the counts otherwise).
    const ids = listed ? { created: listed.filter((r) => r.action === 'created').map((r) => r.id), updated: outcome.updated } : {};
    const stored = { ...ids, unchanged: outcome.unchanged.length <= (options.listedRecords ?? LISTED_RECORDS) ? outcome.unchanged : undefined, skipped: outcome.skipped, createdCount: tally.created, updatedCount: tally.updated, unchangedCount: tally.unchanged, recordRuns };
    await recordOutcome(tx, id, stored);
    // The audit row names what was written (runs of ids); each record's own audit row holds its values, each update's its values before.
    await tx.audit({ action: 'create', entity: `${kind.entity}_import`, entityId: id, unitId: ctx.scope, after: { kind: options.kind, fileName: options.fileName, fileSha256, ...stored, records: listed ? listed.map(withoutBefore) : written.runs.map(({ before: _before, ...run }) => run) } });
    answered = listed ? listed.map(withoutBefore) : [];
    await options.onRecorded?.(tx, id, tally);
    await auditUnderImport(tx, null);
    return id;
  });
  return {
    importId, records: answered, created: outcome.created, updated: outcome.updated.length, unchanged: outcome.unchanged.length, skipped: outcome.skipped,
    summary: { ...summary, counts, rowsTotal: rowsRead },
  };
}

/** The saved mappings of a kind. */
export async function getMappings(ctx: RequestContext, options: { kind: ImportKindName }): Promise<MappingRow[]> {
  return listMappings(ctx, options.kind);
}

/** Saves a mapping under its name (replacing one of that name), audited. */
export async function saveMapping(ctx: RequestContext, options: { kind: ImportKindName; input: z.output<typeof ImportMappingInput> }): Promise<MappingRow> {
  const { kind, input } = options;
  const fields = new Set(IMPORT_KINDS[kind].columns.map((c) => c.field));
  const bad = Object.entries(input.columns).filter(([, field]) => field !== '' && !fields.has(field));
  if (bad.length) throw invalidFields(...bad.map(([header]) => ({ field: `columns.${header}`, reason: 'unknown_field' })));
  return ctx.transaction(async (tx) => {
    const before = await findMapping(tx, kind, input.name, true);
    const row = await upsertMapping(tx, { kind, name: input.name, columns: input.columns, createdBy: ctx.actor.userId || null });
    await tx.audit({ action: before ? 'update' : 'create', entity: 'import_mapping', entityId: row.id, before, after: row });
    return row;
  });
}
