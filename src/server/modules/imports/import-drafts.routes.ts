import { z } from 'zod';
import { created, declareRoutes, get, patch, policy, post, signedIn, type RouteDeclaration } from '../../core/routes.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { SPREADSHEET_MAX_BYTES } from '../../interop/spreadsheet-limits.ts';
import { IMPORT_KINDS, ImportDraftPreview, ImportDraftRowsPage, ImportDraftRowsQuery, ImportQuery, type ImportKindName } from '../../../shared/contracts/imports.ts';
import { ImportDraftUpdate, ImportDraftView } from '../../../shared/contracts/import-drafts.ts';
import { commitImportDraft, createImportDraft, discardImportDraft, getImportDraft, importDraftRows, previewImportDraft, updateImportDraft } from './import-drafts.service.ts';

const upload = { maxBytes: SPREADSHEET_MAX_BYTES, tooLarge: 'spreadsheet_too_large' };
const Version = z.object({ version: z.number().int().positive() });
/** A draft with its preview (counts and the first page of its rows), as an upload, a read of the preview or a save answers it. */
const DraftWithPreview = z.object({ draft: ImportDraftView, preview: ImportDraftPreview });

/** Uploading a file of one kind as a draft: importing is creating its records, so it is under the kind's create policy. */
function draftRoute(name: ImportKindName): RouteDeclaration {
  return post(`/api/imports/${name}/drafts`, { summary: `Upload a ${name} file as an import draft: stored with its preview, committed later`, ...policy(IMPORT_KINDS[name].entity, 'create'), query: ImportQuery, upload, response: { 201: DraftWithPreview } }, async ({ ctx, deps: { cipher }, query, file: f }) =>
    created(await createImportDraft(ctx, { kind: name, fileName: f.fileName, content: f.content, query, cipher })),
  );
}

/**
 * Import drafts: an upload kept until it is committed (as a background job) or discarded. A
 * draft is its uploader's: anyone else is answered 404 (the administrator may read and discard it).
 */
export const importDraftsRoutes = declareRoutes('imports', [
  ...(Object.keys(IMPORT_KINDS) as ImportKindName[]).map(draftRoute),
  get('/api/imports/drafts/:id', { summary: 'Read an import draft: its status, decisions, counts and commit progress', ...signedIn, params: IdParams, response: { 200: ImportDraftView } }, async ({ ctx, params }) =>
    getImportDraft(ctx, { id: params.id }),
  ),
  get('/api/imports/drafts/:id/preview', { summary: "Read an import draft's preview again: its counts and the first page of its rows", ...signedIn, params: IdParams, response: { 200: DraftWithPreview } }, async ({ ctx, deps: { cipher }, params }) =>
    previewImportDraft(ctx, { id: params.id, cipher }),
  ),
  get('/api/imports/drafts/:id/rows', { summary: "Page through an import draft's preview rows, of one class (new, update, duplicate, error) or all", ...signedIn, params: IdParams, query: ImportDraftRowsQuery, response: { 200: ImportDraftRowsPage } }, async ({ ctx, deps: { cipher }, params, query }) =>
    importDraftRows(ctx, { id: params.id, query, cipher }),
  ),
  patch('/api/imports/drafts/:id', { summary: "Save an import draft's decisions per row and its reading options", ...signedIn, params: IdParams, body: ImportDraftUpdate, response: { 200: DraftWithPreview } }, async ({ ctx, deps: { cipher }, params, body }) =>
    updateImportDraft(ctx, { id: params.id, input: body, cipher }),
  ),
  post('/api/imports/drafts/:id/commit', { summary: 'Commit an import draft as a background job, wholly or not at all', ...signedIn, params: IdParams, body: Version, response: { 200: ImportDraftView } }, async ({ ctx, deps: { cipher }, params, body }) =>
    commitImportDraft(ctx, { id: params.id, version: body.version, cipher }),
  ),
  post('/api/imports/drafts/:id/discard', { summary: 'Discard an import draft waiting for a decision', ...signedIn, params: IdParams, body: Version, response: { 200: ImportDraftView } }, async ({ ctx, params, body }) =>
    discardImportDraft(ctx, { id: params.id, version: body.version }),
  ),
]);
