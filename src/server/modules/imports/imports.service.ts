/**
 * Importing a kind of record from a spreadsheet: the template, the preview (every row new, an
 * update, a possible duplicate or an error, with counts), and the commit, which writes every
 * row through the kind's own services in ONE transaction, so a file imports wholly or not at all.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DomainError, invalidFields, parseOrThrow, reasonOf, renamedByIndex, type FieldProblem } from '../../core/errors.ts';
import { requestContext, type RequestContext, type TxContext } from '../../core/request-context.ts';
import { auditUnderImport } from '../../audit/record-audit.ts';
import type { Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { csvEncodingNamed, type CsvEncoding } from '../../interop/csv-rows.ts';
import { openSpreadsheet } from '../../interop/spreadsheet-reader.ts';
import type { SpreadsheetLimits } from '../../interop/spreadsheet-limits.ts';
import { fieldReason } from '../../../shared/i18n/errors.ts';
import { roleMay } from '../../../shared/policies.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { ImportQuery} from '../../../shared/contracts/imports.ts';
import { IMPORT_KINDS, ImportMappingInput, importChoicesOf, type ImportKindName, type RowClass } from '../../../shared/contracts/imports.ts';
import type { z } from 'zod';
import { importAdapter, type KindState, type WrittenRecord } from './import-adapters.ts';
import { InstitutionMatcher } from './import-matching.ts';
import { recognizeColumns, readRow, templateHeader, type HeaderMatch, type RowProblem } from './import-sheet.ts';
import { countryReader, dayOrderOf, unitReader, type DayOrder } from './import-values.ts';
import { withVersions, withoutBefore } from './import-undo.ts';
import { savepoints } from './import-savepoints.ts';
import { countryEntries, findMapping, insertImport, institutionsOnFile, listMappings, recordOutcome, unitEntries, upsertMapping, type MappingRow } from './imports.repo.ts';

type Options = z.output<typeof ImportQuery>;

/** A proposed match as the preview shows it. */
export interface PreviewMatch {
  id?: number;
  /** An earlier row of the same file. */
  row?: number;
  label: string;
  reason: string;
}

/** One row of a preview. */
export interface PreviewRow {
  rowNumber: number;
  class: RowClass;
  values: Record<string, unknown>;
  /** Fields filled by their column's default (an empty cell), left alone by an update. */
  defaulted: string[];
  matches: PreviewMatch[];
  problems: Array<RowProblem & { message: string }>;
  /** Rows that make one record together (a visit's visitors): the group's first row, and the record on file it is already. */
  group?: { first: number; onFile?: number };
}

/** What a file would import, before anything is written. */
export interface ImportPreview {
  kind: ImportKindName;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: CsvEncoding | null;
  dayOrder: DayOrder;
  headers: HeaderMatch[];
  counts: Record<RowClass, number>;
  rows: PreviewRow[];
}

/** What a commit did. */
export interface ImportOutcome {
  importId: number;
  /** The records written, each with its kind (a visit import creates people and visits). */
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

/** The mapping a preview or commit uses: a saved one by name, or one given whole as JSON. */
async function mappingOf(db: Queryable, kind: ImportKindName, options: Options): Promise<Record<string, string>> {
  if (options.mapping) {
    const saved = await findMapping(db, kind, options.mapping);
    if (!saved) throw invalidFields({ field: 'mapping', reason: 'unknown_mapping' });
    return saved.columns;
  }
  if (!options.columns) return {};
  try {
    return parseOrThrow(ImportMappingInput.shape.columns, JSON.parse(options.columns));
  } catch {
    throw invalidFields({ field: 'columns', reason: 'invalid_format' });
  }
}

function encodingOf(options: Options): CsvEncoding | undefined {
  if (!options.encoding) return undefined;
  const encoding = csvEncodingNamed(options.encoding);
  if (!encoding) throw invalidFields({ field: 'encoding', reason: 'unknown_encoding' });
  return encoding;
}

/** A file to import and how to read it. */
export interface ImportFile {
  kind: ImportKindName;
  fileName: string;
  content: Buffer;
  query: Options;
  cipher: Cipher;
  /** The reader's limits, when not the upload's (the import bench reads a 1,000,000-row file). */
  limits?: SpreadsheetLimits;
}

/** The file read and every row classified; `state` kept for a commit. */
async function readFile(
  ctx: RequestContext,
  options: ImportFile,
  keepChecked = false,
): Promise<{ preview: ImportPreview; state: KindState; checked: Map<number, unknown> }> {
  const { kind: name, query } = options;
  const adapter = importAdapter(name, { cipher: options.cipher });
  const { kind } = adapter;
  const opened = openSpreadsheet(options.content, { encoding: encodingOf(query), ...(options.limits ? { limits: options.limits } : {}) });
  const sheet: Array<{ rowNumber: number; cells: string[] }> = [];
  for await (const row of opened.rows) if (row.cells.some((c) => c.trim() !== '')) sheet.push(row);
  const [header, ...data] = sheet;
  if (!header) throw invalidFields({ field: 'file', reason: 'empty_sheet' });
  const columns = recognizeColumns(kind, header.cells, await mappingOf(ctx, name, query));
  if (columns.byField.size === 0) throw invalidFields({ field: 'file', reason: 'no_header' });
  if (columns.problems.length) throw invalidFields(...columns.problems);
  if (data.length === 0) throw invalidFields({ field: 'file', reason: 'empty_sheet' });
  if (kind.maxRows !== undefined && data.length > kind.maxRows) throw invalidFields({ field: 'file', reason: 'too_many_rows' });

  const dateColumns = kind.columns.filter((c) => c.value.is === 'date').map((c) => columns.byField.get(c.field)).filter((i): i is number => i !== undefined);
  const dayOrder: DayOrder =
    query.dayFirst !== undefined ? (query.dayFirst === 'true' ? 'day-first' : 'month-first') : (dayOrderOf(data.flatMap((r) => dateColumns.map((i) => r.cells[i] ?? ''))) ?? 'day-first');
  const country = countryReader(await countryEntries(ctx));
  const unit = unitReader(await unitEntries(ctx));
  const needsInstitutions = kind.columns.some((c) => (c.value.is === 'institution' || c.value.is === 'institutions') && columns.byField.has(c.field));
  const institutionMatcher = needsInstitutions
    ? new InstitutionMatcher((await institutionsOnFile(ctx)).map((i) => ({ id: i.id, countryCode: i.countryCode, names: [i.nameEn, i.nameZh, i.nameFr, i.nameLocal, ...i.otherNames].filter((n): n is string => !!n) })))
    : undefined;
  const readers = {
    country,
    unit,
    dayOrder,
    institution(cell: string) {
      const found = institutionMatcher?.find([cell]) ?? [];
      return found.length === 1 ? found[0]!.id : found.length > 1 ? ('ambiguous' as const) : undefined;
    },
  };
  const state = await adapter.prepare(ctx, importChoicesOf(kind, query));
  const message = (p: RowProblem) => ({ ...p, message: fieldReason(p.reason, ctx.locale) });
  const headerOf = (field: string) => columns.headers.find((h) => h.field === field)?.header ?? field;
  // Each valid row's values as the contract parsed them, by row number, for a commit (its set-based writes take them as they are).
  const checkedRows = new Map<number, unknown>();
  const rows: PreviewRow[] = data.map((row) => {
    const read = readRow(kind, columns, row, readers);
    if (read.problems.length) return { rowNumber: row.rowNumber, class: 'error', values: read.values, defaulted: read.defaulted, matches: [], problems: read.problems.map(message) };
    // The contract's own checks (lengths, formats), named by the file's column.
    const checked = adapter.input.safeParse(adapter.toInput ? adapter.toInput(read.values) : read.values);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        return message({ field, column: headerOf(field), reason: reasonOf(issue as Parameters<typeof reasonOf>[0]) });
      });
      return { rowNumber: row.rowNumber, class: 'error', values: read.values, defaulted: read.defaulted, matches: [], problems };
    }
    if (keepChecked) checkedRows.set(row.rowNumber, checked.data);
    const classified = state.classify(row.rowNumber, read.values);
    if (classified.class === 'error') {
      const problems = (classified.problems ?? []).map((p) => message({ field: p.field, column: headerOf(p.field), reason: p.reason }));
      return { rowNumber: row.rowNumber, class: 'error', values: read.values, defaulted: read.defaulted, matches: [], problems };
    }
    const matches = classified.matches.map((m) => (m.id < 0 ? { row: -m.id, label: `#${-m.id}`, reason: 'same_row_in_file' } : { id: m.id, label: state.label(m.id), reason: m.reason }));
    return { rowNumber: row.rowNumber, class: classified.class, values: read.values, defaulted: read.defaulted, matches, problems: [], ...(classified.group ? { group: classified.group } : {}) };
  });
  const counts: Record<RowClass, number> = { new: 0, update: 0, duplicate: 0, error: 0 };
  for (const r of rows) counts[r.class] += 1;
  return {
    preview: { kind: name, fileName: options.fileName, format: opened.format, encoding: opened.encoding, dayOrder, headers: columns.headers, counts, rows },
    state,
    checked: checkedRows,
  };
}

/** What a file would import: every row classified, with counts per class; nothing is written. */
export async function previewImport(
  ctx: RequestContext,
  options: ImportFile,
): Promise<ImportPreview> {
  return (await readFile(ctx, options)).preview;
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

/**
 * Writes a file's rows through the kind's services in one transaction: new rows created,
 * updates applied, possible duplicates as decided per row (create, skip, or merge into a
 * record) or else by `onDuplicate`. A file with a bad row, or with undecided duplicates under
 * `fail`, writes nothing; so does any error in the middle. The import is recorded and audited
 * with its file's name and digest and the records it created and changed.
 */
export async function commitImport(
  ctx: RequestContext,
  options: ImportFile & { onProgress?: ImportProgress;
    /** Runs in the import's transaction once it is recorded (a draft marked committed with it, or neither). */
    onRecorded?: (tx: TxContext, importId: number, counts: { created: number; updated: number; unchanged: number; skipped: number }) => Promise<void> },
): Promise<ImportOutcome & { preview: ImportPreview }> {
  const { preview, state, checked } = await readFile(ctx, options, true);
  const decisions = decisionsOf(options.query);
  const errors: FieldProblem[] = preview.rows
    .filter((r) => r.class === 'error' && decisions.get(r.rowNumber) !== 'skip')
    .flatMap((r) => r.problems.map((p) => ({ field: `rows.${r.rowNumber}.${p.column}`, reason: p.reason })));
  if (errors.length) throw invalidFields(...errors.slice(0, MAX_REPORTED));
  const undecided = preview.rows.filter((r) => r.class === 'duplicate' && !decisions.has(r.rowNumber));
  if (options.query.onDuplicate === 'fail' && undecided.length)
    throw new DomainError('import_duplicates', 'conflict', { fields: undecided.slice(0, MAX_REPORTED).map((r) => ({ field: `rows.${r.rowNumber}`, reason: 'possible_duplicate' })) });

  // What each row does: the user's decision, else its class's default.
  const actions = new Map<number, Decision>();
  for (const row of preview.rows) {
    const decided = decisions.get(row.rowNumber);
    const first = row.matches.find((m) => m.id !== undefined)?.id;
    if (decided !== undefined) actions.set(row.rowNumber, decided);
    else if (row.class === 'new') actions.set(row.rowNumber, 'create');
    else if (row.class === 'update' && first !== undefined) actions.set(row.rowNumber, first);
    else if (row.class === 'duplicate' && options.query.onDuplicate === 'update' && first !== undefined) actions.set(row.rowNumber, first);
    else actions.set(row.rowNumber, 'skip');
  }
  // Importing is creating; changing a record on file needs the right to change it (an institution is the office's).
  const updates = [...actions].filter(([, a]) => typeof a === 'number');
  if (updates.length && !roleMay(ctx.actor.role, IMPORT_KINDS[options.kind].entity, 'update'))
    throw new DomainError('forbidden', 'forbidden', { fields: updates.slice(0, MAX_REPORTED).map(([row]) => ({ field: `rows.${row}`, reason: 'not_allowed' })) });

  const entity = state.entity ?? (IMPORT_KINDS[options.kind].entity as WrittenRecord['entity']);
  const columnOf = (field: string) => preview.headers.find((h) => h.field === field.split('.')[0])?.header ?? field;
  const outcome = { created: [] as number[], updated: [] as Array<{ id: number; before: Record<string, unknown> }>, unchanged: [] as number[], skipped: 0, records: [] as WrittenRecord[] };
  const fileSha256 = createHash('sha256').update(options.content).digest('hex');
  const importId = await ctx.transaction(async (tx) => {
    // The import's row first, so that every audit row its records get names it (audit_log.import_id).
    const id = await insertImport(tx, { kind: options.kind, fileName: options.fileName, fileSha256, actorId: ctx.actor.userId || null, unitId: ctx.scope });
    await auditUnderImport(tx, id);
    const inner = requestContext(ctx.actor, savepoints(tx, ctx.db.engine), ctx.locale);
    if (state.commitRows) {
      const rows = preview.rows.map((r) => ({ rowNumber: r.rowNumber, values: r.values, defaulted: r.defaulted, action: actions.get(r.rowNumber)! }));
      const done = await state.commitRows(inner, rows, columnOf);
      await options.onProgress?.(rows.length, rows.length);
      outcome.records = done.records;
      outcome.created = done.records.filter((r) => r.action === 'created').map((r) => r.id);
      outcome.updated = done.records.flatMap((r) => (r.action === 'updated' ? [{ id: r.id, before: r.before ?? {} }] : []));
      outcome.skipped = done.skipped;
      outcome.unchanged = done.unchanged;
    } else {
      // Rows to create, held until CREATE_BATCH of them (or a row that is not a create) when the kind creates set-based.
      const batch: PreviewRow[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        try {
          const ids = await state.createMany!(inner, batch.map((r) => r.values), batch.map((r) => checked.get(r.rowNumber)));
          for (const id of ids) outcome.created.push(id);
        } catch (error) {
          throw renamedByIndex(error, (index, field) => `rows.${batch[Number(index)]?.rowNumber ?? index}.${columnOf(field)}`);
        }
        batch.length = 0;
      };
      for (const [index, row] of preview.rows.entries()) {
        if (index > 0 && index % PROGRESS_EVERY === 0) await options.onProgress?.(index - batch.length, preview.rows.length);
        const action = actions.get(row.rowNumber)!;
        if (action === 'create' && state.createMany) {
          batch.push(row);
          if (batch.length >= CREATE_BATCH) await flush();
          continue;
        }
        await flush();
        try {
          if (action === 'skip') outcome.skipped += 1;
          else if (action === 'create') outcome.created.push(await state.create(inner, row.values));
          else {
            const before = await state.update(inner, action, Object.fromEntries(Object.entries(row.values).filter(([field]) => !row.defaulted.includes(field))));
            if (before) outcome.updated.push({ id: action, before });
            else outcome.unchanged.push(action);
          }
        } catch (error) {
          // The service's own refusal, named by the row it came from.
          if (error instanceof DomainError && error.extra.fields?.length)
            throw new DomainError(error.code, error.kind, { ...error.extra, fields: error.extra.fields.map((f) => ({ ...f, field: `rows.${row.rowNumber}.${columnOf(f.field)}` })) });
          throw error;
        }
      }
      await flush();
      outcome.records = [...outcome.created.map((id) => ({ entity, id, action: 'created' as const })), ...outcome.updated.map(({ id, before }) => ({ entity, id, action: 'updated' as const, before }))];
      await options.onProgress?.(preview.rows.length, preview.rows.length);
    }
    const records = await withVersions(tx, outcome.records);
    const stored = { ...outcome, updated: outcome.updated.map((u) => u.id), records };
    await recordOutcome(tx, id, stored);
    // The audit row names what was written; each update's own audit row holds its values before.
    await tx.audit({ action: 'create', entity: `${IMPORT_KINDS[options.kind].entity}_import`, entityId: id, unitId: ctx.scope, after: { kind: options.kind, fileName: options.fileName, fileSha256, ...stored, records: records.map(withoutBefore) } });
    await options.onRecorded?.(tx, id, { created: outcome.created.length, updated: outcome.updated.length, unchanged: outcome.unchanged.length, skipped: outcome.skipped });
    await auditUnderImport(tx, null);
    return id;
  });
  return {
    importId, records: outcome.records.map(withoutBefore), created: outcome.created.length, updated: outcome.updated.length, unchanged: outcome.unchanged.length, skipped: outcome.skipped, preview,
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
