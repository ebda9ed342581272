import { accepted, ANY_FILE, declareRoutes, file, fileResponse, get, post, signedIn } from '../core/routes.ts';
import { IdParams } from '../../shared/contracts/common.ts';
import { ExportList, ExportRequest, ExportView } from '../../shared/contracts/exports.ts';
import { getExport, getExportFile, listExports, requestExport } from './exports.service.ts';

/**
 * Files prepared in the background (a list's CSV or Excel, a report's PDF): asked for, watched
 * and downloaded by their owner alone. Whether the caller may have the file at all is the
 * exported route's own policy, checked when it is asked for and again when the job makes it.
 */
export const exportsRoutes = declareRoutes('exports', [
  post(
    '/api/exports',
    { summary: 'Ask for a list export or a report to be prepared in the background', ...signedIn, body: ExportRequest, response: { 202: ExportView }, description: 'Answers 202 with the export; its job makes the same file as the synchronous route, in the caller\'s reach and language.' },
    async ({ ctx, body }) => accepted(await requestExport(ctx, { input: body })),
  ),
  get('/api/exports', { summary: "List the caller's recent exports", ...signedIn, response: { 200: ExportList } }, async ({ ctx }) => listExports(ctx)),
  get('/api/exports/:id', { summary: 'Read where an export stands', ...signedIn, params: IdParams, response: { 200: ExportView } }, async ({ ctx, params }) => getExport(ctx, { id: params.id })),
  get('/api/exports/:id/file', { summary: "Download an export's file", ...signedIn, params: IdParams, response: fileResponse(ANY_FILE) }, async ({ ctx, params }) => {
    const made = await getExportFile(ctx, { id: params.id });
    return file({ body: made.content, contentType: made.contentType, fileName: made.fileName, disposition: 'attachment', userNamed: true });
  }),
]);
