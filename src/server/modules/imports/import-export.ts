/**
 * A kind's records exported in its import's shape: the template's columns, headed in the
 * caller's language, each cell written as the import reads it back — ISO dates, country and
 * unit codes, institutions by their English name, choices and statuses as their label — so that
 * the file imported into an empty database recreates the same records. The table is sent like
 * any list's (neutralised cells; CSV in UTF-8 with its mark, or GB18030 when asked).
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { ExportTable } from '../../interop/table-export.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { IMPORT_KINDS, type ImportColumn } from '../../../shared/contracts/imports.ts';
import type { ExportableImportKind, ExportEncoding } from '../../../shared/contracts/import-exports.ts';
import { EXPORT_ROWS, type ExportRow } from './import-export-kinds.ts';
import { institutionsOnFile, unitEntries } from './imports.repo.ts';

type Cell = string | number | null;

/** What a cell needs to name a record on file as the import finds it again. */
interface Names {
  unit: Map<number, string>;
  institution: Map<number, string>;
  locale: Locale;
}

/** Several values in one cell, as the import splits them. */
const LIST_SEPARATOR = '; ';

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * A value written as the column's import reads it; undefined when the import would refuse it (a
 * status the import does not take: such a record is left out of the file rather than make it fail).
 */
function cellOf(column: ImportColumn, value: unknown, names: Names): Cell | undefined {
  if (value === null || value === undefined || value === '') return null;
  const v = column.value;
  switch (v.is) {
    case 'integer':
      return typeof value === 'number' ? value : Number(value);
    case 'list':
    case 'countries':
      return Array.isArray(value) ? value.map(String).join(LIST_SEPARATOR) || null : text(value);
    case 'unit':
      return names.unit.get(Number(value)) ?? null;
    case 'institution':
      return names.institution.get(Number(value)) ?? null;
    case 'institutions':
      return Array.isArray(value) ? value.map((id) => names.institution.get(Number(id)) ?? '').filter(Boolean).join(LIST_SEPARATOR) || null : null;
    case 'choice': {
      const labels = v.options[String(value)];
      return labels ? labels[names.locale] : undefined;
    }
    default:
      return text(value);
  }
}

/** A row's cells in the kind's column order, or null when one of them is a value the import refuses. */
function cellsOf(columns: readonly ImportColumn[], row: ExportRow, names: Names): Cell[] | null {
  const cells: Cell[] = [];
  for (const column of columns) {
    const cell = cellOf(column, row[column.field], names);
    if (cell === undefined) return null;
    cells.push(cell);
  }
  return cells;
}

/**
 * The records of `kind` that the list's `filters` select within the caller's reach, as the
 * import's sheet: one header row (the caller's language), one row per record or per person of
 * a record made of several rows.
 */
export async function exportForImport(
  ctx: RequestContext,
  options: { kind: ExportableImportKind; filters: Record<string, unknown>; encoding: ExportEncoding },
): Promise<ExportTable> {
  const kind = IMPORT_KINDS[options.kind];
  const rowsOf = EXPORT_ROWS[options.kind] as unknown as (ctx: RequestContext, filters: Record<string, unknown>) => Promise<ExportRow[]>;
  const rows = await rowsOf(ctx, options.filters);
  const names: Names = {
    locale: ctx.locale,
    unit: new Map((await unitEntries(ctx)).map((u) => [u.id, u.code])),
    institution: new Map((await institutionsOnFile(ctx)).map((i) => [i.id, i.nameEn])),
  };
  return {
    name: `${options.kind}-for-import-${officeToday()}`,
    title: kind.one[ctx.locale],
    headings: kind.columns.map((c) => c.label[ctx.locale]),
    rows: rows.flatMap((row) => {
      const cells = cellsOf(kind.columns, row, names);
      return cells ? [cells] : [];
    }),
    encoding: options.encoding,
  };
}
