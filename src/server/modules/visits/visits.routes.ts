import { z } from 'zod';
import { ANY_FILE, created, declareRoutes, del, file, fileResponse, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, storedFile, table } from '../../core/routes.ts';
import { IdParams, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import {
  InvitationLetterQuery,
  OverdueReports,
  OverdueReportsQuery,
  Visit,
  VISIT_FILE_MAX_BYTES,
  VisitDerivationQuery,
  VisitFile,
  VisitFileParams,
  VisitInput,
  VisitQuery,
  VisitTransition,
  VisitUpdate,
} from '../../../shared/contracts/visits.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listVisits } from './visits.repo.ts';
import { createVisit, deleteVisit, getOverdueReports, getVisit, transitionVisit, updateVisit } from './visits.service.ts';
import { addVisitFile, getVisitFile, removeVisitFile } from './visit-files.service.ts';
import { invitationLetter } from './invitation-letter.service.ts';
import { overdueReportsTable } from './overdue-reports-table.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Visits (来访): the workflow, overdue reports, invitation letters, photos and minutes. */
export const visitsRoutes = declareRoutes('visits', [
  get('/api/visits', { summary: 'List visits', ...policy('visit', 'read'), query: VisitQuery, response: { 200: pageOf(Visit) } }, async ({ ctx, query: { asOf, protocolThreshold, ...query } }) => {
    const { rows, total } = await listVisits(ctx, { asOf: asOf ?? officeToday(), protocolThreshold }, query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),

  get('/api/visits/overdue-reports', { summary: 'List visits whose report is overdue', ...policy('visit', 'read'), query: OverdueReportsQuery, response: jsonOrTable(OverdueReports) }, async ({ ctx, query }) => {
    const report = await getOverdueReports(ctx, { asOf: query.asOf });
    return query.format === 'json' ? report : table(overdueReportsTable(report, ctx.locale), query.format);
  }),

  get('/api/visits/:id', { summary: 'Read a visit', ...policy('visit', 'read'), params: IdParams, query: VisitDerivationQuery, response: { 200: Visit } }, async ({ ctx, params, query }) =>
    getVisit(ctx, { id: params.id, at: { asOf: query.asOf ?? officeToday(), protocolThreshold: query.protocolThreshold } }),
  ),

  post('/api/visits', { summary: 'Request a visit', ...policy('visit', 'create'), body: VisitInput, response: { 201: Visit } }, async ({ ctx, body }) => created(await createVisit(ctx, { input: body }))),

  patch('/api/visits/:id', { summary: 'Change a visit', ...policy('visit', 'update'), params: IdParams, body: VisitUpdate, response: { 200: Visit } }, async ({ ctx, params, body }) =>
    updateVisit(ctx, { id: params.id, input: body }),
  ),

  del('/api/visits/:id', { summary: 'Delete a visit', ...policy('visit', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteVisit(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  post('/api/visits/:id/transitions', { summary: 'Move a visit along its workflow', ...policy('visit', 'update'), params: IdParams, body: VisitTransition, response: { 200: Visit } }, async ({ ctx, params, body }) =>
    transitionVisit(ctx, { id: params.id, input: body }),
  ),

  get('/api/visits/:id/invitation-letter', { summary: "Render a visit's invitation letter as PDF", ...policy('visit', 'read'), params: IdParams, query: InvitationLetterQuery, response: fileResponse('application/pdf') }, async ({ ctx, params, query }) => {
    const letter = await invitationLetter(ctx, { id: params.id, memberId: query.memberId, lang: query.lang, date: query.date });
    return file({ body: letter.content, contentType: 'application/pdf', fileName: letter.fileName, disposition: 'inline' });
  }),

  post('/api/visits/:id/files', { summary: 'Upload a file to a visit', ...policy('visit', 'update'), params: IdParams, upload: { maxBytes: VISIT_FILE_MAX_BYTES }, response: { 201: VisitFile } }, async ({ ctx, params, file: { fileName, content } }) =>
    created(await addVisitFile(ctx, { visitId: params.id, fileName, content })),
  ),

  get('/api/visits/:id/files/:fileId', { summary: "Download a visit's file", ...policy('visit', 'read'), params: VisitFileParams, response: fileResponse(ANY_FILE) }, async ({ ctx, params }) =>
    storedFile(await getVisitFile(ctx, { visitId: params.id, fileId: params.fileId })),
  ),

  del('/api/visits/:id/files/:fileId', { summary: "Delete a visit's file", ...policy('visit', 'update'), params: VisitFileParams, response: NO_CONTENT }, async ({ ctx, params }) => {
    await removeVisitFile(ctx, { visitId: params.id, fileId: params.fileId });
    return noContent();
  }),
]);
