import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { readUploadedFile, sendStoredFile, uploadBodyLimit } from '../../http/uploads.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import {
  InvitationLetterQuery,
  OverdueReportsQuery,
  VISIT_FILE_MAX_BYTES,
  VisitDerivationQuery,
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
export function visitsRoutes(app: App, _context: ServerContext): void {
  const tags = ['visits'];

  app.get('/api/visits', { config: policy('visit', 'read'), schema: { tags, querystring: VisitQuery } }, async (request) => {
    const { asOf, protocolThreshold, ...query } = request.query;
    const { rows, total } = await listVisits(request.ctx!, { asOf: asOf ?? officeToday(), protocolThreshold }, query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  });

  app.get(
    '/api/visits/overdue-reports',
    { config: policy('visit', 'read'), schema: { tags, querystring: OverdueReportsQuery } },
    async (request, reply) => {
      const report = await getOverdueReports(request.ctx!, { asOf: request.query.asOf });
      if (request.query.format === 'json') return report;
      return sendTable(reply, overdueReportsTable(report, request.ctx!.locale), request.query.format);
    },
  );

  app.get('/api/visits/:id', { config: policy('visit', 'read'), schema: { tags, params: IdParams, querystring: VisitDerivationQuery } }, async (request) =>
    getVisit(request.ctx!, { id: request.params.id, at: { asOf: request.query.asOf ?? officeToday(), protocolThreshold: request.query.protocolThreshold } }),
  );

  app.post('/api/visits', { config: policy('visit', 'create'), schema: { tags, body: VisitInput } }, async (request, reply) =>
    reply.status(201).send(await createVisit(request.ctx!, { input: request.body })),
  );

  app.patch('/api/visits/:id', { config: policy('visit', 'update'), schema: { tags, params: IdParams, body: VisitUpdate } }, async (request) =>
    updateVisit(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/visits/:id',
    { config: policy('visit', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deleteVisit(request.ctx!, { id: request.params.id, version: request.query.version });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/visits/:id/transitions',
    { config: policy('visit', 'update'), schema: { tags, params: IdParams, body: VisitTransition } },
    async (request) => transitionVisit(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.get(
    '/api/visits/:id/invitation-letter',
    { config: policy('visit', 'read'), schema: { tags, params: IdParams, querystring: InvitationLetterQuery } },
    async (request, reply) => {
      const { lang, memberId } = request.query;
      const letter = await invitationLetter(request.ctx!, { id: request.params.id, memberId, lang });
      void reply.header('content-disposition', `inline; filename="${letter.fileName}"`);
      return reply.type('application/pdf').send(letter.content);
    },
  );

  app.post(
    '/api/visits/:id/files',
    {
      config: policy('visit', 'update'),
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'] },
      // The multipart stream is limited by readUploadedFile; a declared length far beyond it is refused unread.
      bodyLimit: uploadBodyLimit(VISIT_FILE_MAX_BYTES),
    },
    async (request, reply) => {
      const { fileName, content } = await readUploadedFile(request, VISIT_FILE_MAX_BYTES);
      return reply.status(201).send(await addVisitFile(request.ctx!, { visitId: request.params.id, fileName, content }));
    },
  );

  app.get('/api/visits/:id/files/:fileId', { config: policy('visit', 'read'), schema: { tags, params: VisitFileParams } }, async (request, reply) => {
    const file = await getVisitFile(request.ctx!, { visitId: request.params.id, fileId: request.params.fileId });
    return sendStoredFile(reply, file);
  });

  app.delete(
    '/api/visits/:id/files/:fileId',
    { config: policy('visit', 'update'), schema: { tags, params: VisitFileParams } },
    async (request, reply) => {
      await removeVisitFile(request.ctx!, { visitId: request.params.id, fileId: request.params.fileId });
      return reply.status(204).send();
    },
  );
}
