import { created, declareRoutes, file, fileResponse, get, policy, post, table, TABLE_TYPES, XLSX_TYPE, type RouteDeclaration } from '../../core/routes.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { getImport, undoImport } from './import-undo.ts';
import { SPREADSHEET_MAX_BYTES } from '../../interop/spreadsheet-limits.ts';
import { IMPORT_KINDS, ImportCommitResult, ImportMapping, ImportMappingInput, ImportMappingList, ImportPreviewResult, ImportQuery, ImportRecord, type ImportKindName } from '../../../shared/contracts/imports.ts';
import { commitImport, getMappings, importTemplate, previewImport, saveMapping } from './imports.service.ts';
import { EXPORTABLE_IMPORT_KINDS, IMPORT_EXPORT_QUERIES, type ExportableImportKind } from '../../../shared/contracts/import-exports.ts';
import { exportForImport } from './import-export.ts';

const upload = { maxBytes: SPREADSHEET_MAX_BYTES, tooLarge: 'spreadsheet_too_large' };

/** The routes of one kind: importing is creating its records, so each is under the kind's create policy. */
function kindRoutes(name: ImportKindName): RouteDeclaration[] {
  const may = policy(IMPORT_KINDS[name].entity, 'create');
  const base = `/api/imports/${name}`;
  return [
    get(`${base}/template`, { summary: `Download the ${name} import template (xlsx, headers in the caller's language first)`, ...may, response: fileResponse(XLSX_TYPE) }, async ({ ctx }) =>
      file({ body: await importTemplate({ kind: name, locale: ctx.locale }), contentType: XLSX_TYPE, fileName: `${name}-template.xlsx`, disposition: 'attachment' }),
    ),
    post(`${base}/preview`, { summary: `Preview an import of ${name}: every row classified, nothing written`, ...may, query: ImportQuery, upload, response: { 200: ImportPreviewResult } }, async ({ ctx, deps: { cipher }, query, file: f }) =>
      previewImport(ctx, { kind: name, fileName: f.fileName, content: f.content, query, cipher }),
    ),
    post(`${base}/commit`, { summary: `Import ${name} from a spreadsheet, wholly or not at all`, ...may, query: ImportQuery, upload, response: { 201: ImportCommitResult } }, async ({ ctx, deps: { cipher }, query, file: f }) => {
      const { summary, ...outcome } = await commitImport(ctx, { kind: name, fileName: f.fileName, content: f.content, query, cipher });
      return created({ ...outcome, counts: summary.counts, encoding: summary.encoding });
    }),
    get(`${base}/mappings`, { summary: `List the saved column mappings of ${name} imports`, ...may, response: { 200: ImportMappingList } }, async ({ ctx }) => ({ items: await getMappings(ctx, { kind: name }) })),
    post(`${base}/mappings`, { summary: `Save a column mapping of ${name} imports by name`, ...may, body: ImportMappingInput, response: { 201: ImportMapping } }, async ({ ctx, body }) =>
      created(await saveMapping(ctx, { kind: name, input: body })),
    ),
  ];
}

/**
 * A kind's records as its import's file, under the kind's list policy (`read`) and scope, with
 * the list's filters: what an import into an empty database makes the same records again.
 */
function exportRoute(name: ExportableImportKind): RouteDeclaration {
  return get(
    `/api/imports/${name}/export`,
    { summary: `Export ${name} in the import's shape (CSV or Excel), with the list's filters`, ...policy(IMPORT_KINDS[name].entity, 'read'), query: IMPORT_EXPORT_QUERIES[name], response: { 200: TABLE_TYPES } },
    async ({ ctx, query }) => {
      const { format, encoding, ...filters } = query as { format: 'csv' | 'xlsx'; encoding: 'utf-8' | 'gb18030' } & Record<string, unknown>;
      return table(await exportForImport(ctx, { kind: name, filters, encoding }), format);
    },
  );
}

/** Imports: a template, a preview and a commit per kind of record, and its saved column mappings; each kind's records exported in its import's shape. */
export const importsRoutes = declareRoutes('imports', [
  ...(Object.keys(IMPORT_KINDS) as ImportKindName[]).flatMap(kindRoutes),
  ...EXPORTABLE_IMPORT_KINDS.map(exportRoute),
  get('/api/imports/history/:id', { summary: 'Read a committed import: its file, what it wrote, whether it was undone', ...policy('import', 'read'), params: IdParams, response: { 200: ImportRecord } }, async ({ ctx, params }) =>
    getImport(ctx, { id: params.id }),
  ),
  post('/api/imports/history/:id/undo', { summary: 'Undo an import: delete what it created, restore what it updated, if none has changed since', ...policy('import', 'delete'), params: IdParams, response: { 200: ImportRecord } }, async ({ ctx, deps: { cipher }, params }) =>
    undoImport(ctx, { id: params.id, cipher }),
  ),
]);
