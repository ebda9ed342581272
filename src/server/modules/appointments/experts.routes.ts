import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { fieldRights, policy } from '../../http/context.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import { ExpertDocumentInput, ExpertDocumentParams, ExpertDocumentUpdate, ExpertsQuery } from '../../../shared/contracts/appointments.ts';
import { createExpertDocument, deleteExpertDocument, listDocumentsOf, updateExpertDocument } from './expert-documents.service.ts';
import { getExpertsEngaged, getInboundRecord } from './experts.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Foreign experts: the figure "experts engaged", the expert's page, and the documents they need. */
export function expertsRoutes(app: App, { cipher }: ServerContext): void {
  const tags = ['experts'];

  app.get('/api/experts/engaged', { config: policy('appointment', 'read'), schema: { tags, querystring: ExpertsQuery } }, async (request) =>
    getExpertsEngaged(request.ctx!, { asOf: request.query.asOf }),
  );

  app.get('/api/people/:id/inbound-record', { config: policy('appointment', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getInboundRecord(request.ctx!, { personId: request.params.id, cipher }),
  );

  app.get('/api/people/:id/expert-documents', { config: policy('appointment', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    listDocumentsOf(request.ctx!, { personId: request.params.id, cipher }),
  );

  app.post(
    '/api/people/:id/expert-documents',
    { config: { ...policy('appointment', 'update'), ...fieldRights('expert_document') }, schema: { tags, params: IdParams, body: ExpertDocumentInput } },
    async (request, reply) => reply.status(201).send(await createExpertDocument(request.ctx!, { personId: request.params.id, input: request.body, cipher })),
  );

  app.patch(
    '/api/people/:id/expert-documents/:documentId',
    { config: { ...policy('appointment', 'update'), ...fieldRights('expert_document') }, schema: { tags, params: ExpertDocumentParams, body: ExpertDocumentUpdate } },
    async (request) =>
      updateExpertDocument(request.ctx!, { personId: request.params.id, id: request.params.documentId, input: request.body, cipher }),
  );

  app.delete(
    '/api/people/:id/expert-documents/:documentId',
    { config: policy('appointment', 'update'), schema: { tags, params: ExpertDocumentParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deleteExpertDocument(request.ctx!, { personId: request.params.id, id: request.params.documentId, version: request.query.version, cipher });
      return reply.status(204).send();
    },
  );
}
