import { z } from 'zod';
import { created, declareRoutes, del, fieldRights, get, NO_CONTENT, noContent, patch, policy, post } from '../../core/routes.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import { ExpertDocument, ExpertDocumentInput, ExpertDocumentParams, ExpertDocumentUpdate, ExpertsEngaged, ExpertsQuery, InboundRecord } from '../../../shared/contracts/appointments.ts';
import { createExpertDocument, deleteExpertDocument, listDocumentsOf, updateExpertDocument } from './expert-documents.service.ts';
import { getExpertsEngaged, getInboundRecord } from './experts.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Foreign experts: the figure "experts engaged", the expert's page, and the documents they need. */
export const expertsRoutes = declareRoutes('experts', [
  get('/api/experts/engaged', { summary: 'Count the foreign experts engaged at a date', ...policy('appointment', 'read'), query: ExpertsQuery, response: { 200: ExpertsEngaged } }, async ({ ctx, query }) => getExpertsEngaged(ctx, { asOf: query.asOf })),

  get('/api/people/:id/inbound-record', { summary: "Read an expert's inbound record", ...policy('appointment', 'read'), params: IdParams, response: { 200: InboundRecord } }, async ({ ctx, deps: { cipher }, params }) =>
    getInboundRecord(ctx, { personId: params.id, cipher }),
  ),

  get('/api/people/:id/expert-documents', { summary: "List an expert's documents", ...policy('appointment', 'read'), params: IdParams, response: { 200: z.array(ExpertDocument) } }, async ({ ctx, deps: { cipher }, params }) =>
    listDocumentsOf(ctx, { personId: params.id, cipher }),
  ),

  post(
    '/api/people/:id/expert-documents',
    { summary: 'Add a document to an expert', ...policy('appointment', 'update'), ...fieldRights('expert_document'), params: IdParams, body: ExpertDocumentInput, response: { 201: ExpertDocument } },
    async ({ ctx, deps: { cipher }, params, body }) => created(await createExpertDocument(ctx, { personId: params.id, input: body, cipher })),
  ),

  patch(
    '/api/people/:id/expert-documents/:documentId',
    { summary: "Change an expert's document", ...policy('appointment', 'update'), ...fieldRights('expert_document'), params: ExpertDocumentParams, body: ExpertDocumentUpdate, response: { 200: ExpertDocument } },
    async ({ ctx, deps: { cipher }, params, body }) => updateExpertDocument(ctx, { personId: params.id, id: params.documentId, input: body, cipher }),
  ),

  del(
    '/api/people/:id/expert-documents/:documentId',
    { summary: "Delete an expert's document", ...policy('appointment', 'update'), params: ExpertDocumentParams, query: VersionQuery, response: NO_CONTENT },
    async ({ ctx, deps: { cipher }, params, query }) => {
      await deleteExpertDocument(ctx, { personId: params.id, id: params.documentId, version: query.version, cipher });
      return noContent();
    },
  ),
]);
