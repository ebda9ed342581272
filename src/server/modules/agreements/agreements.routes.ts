import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { readUploadedFile, sendStoredFile, uploadBodyLimit } from '../../http/uploads.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import {
  AGREEMENT_DOCUMENT_MAX_BYTES,
  AgreementDocumentParams,
  AgreementInput,
  AgreementQuery,
  AgreementTransition,
  AgreementUpdate,
  RenewalWatchQuery,
} from '../../../shared/contracts/agreements.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listAgreements } from './agreements.repo.ts';
import {
  createAgreement,
  deleteAgreement,
  getAgreement,
  renewAgreement,
  transitionAgreement,
  updateAgreement,
} from './agreements.service.ts';
import { addAgreementDocument, getAgreementDocument, removeAgreementDocument } from './agreement-documents.service.ts';
import { renewalWatchTable } from './renewal-watch.ts';
import { unitNames } from '../units/units.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });
const VersionBody = z.object({ version: Versioned.shape.version });

/** Agreements: the lifecycle, renewals, the renewal watch and the signed documents. */
export function agreementsRoutes(app: App, { db }: ServerContext): void {
  const tags = ['agreements'];

  app.get('/api/agreements', { config: policy('agreement', 'read'), schema: { tags, querystring: AgreementQuery } }, async (request) => {
    const { asOf, dormantYears, ...query } = request.query;
    const { rows, total } = await listAgreements(request.ctx!, { asOf: asOf ?? officeToday(), dormantYears }, query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  });

  app.get(
    '/api/agreements/renewal-watch',
    { config: policy('agreement', 'read'), schema: { tags, querystring: RenewalWatchQuery } },
    async (request, reply) => {
      const { months, format } = request.query;
      const asOf = request.query.asOf ?? officeToday();
      const { rows } = await listAgreements(request.ctx!, { asOf, dormantYears: 2 }, {
        expiringWithinMonths: months,
        sort: 'termEndsOn',
        order: 'asc',
        page: 1,
        pageSize: 10000,
      });
      if (format === 'json') return { asOf, months, items: rows };
      return sendTable(reply, renewalWatchTable(rows, await unitNames(db, request.ctx!.locale), request.ctx!.locale, asOf), format);
    },
  );

  app.get('/api/agreements/:id', { config: policy('agreement', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getAgreement(request.ctx!, { id: request.params.id }),
  );

  app.post('/api/agreements', { config: policy('agreement', 'create'), schema: { tags, body: AgreementInput } }, async (request, reply) =>
    reply.status(201).send(await createAgreement(request.ctx!, { input: request.body })),
  );

  app.patch('/api/agreements/:id', { config: policy('agreement', 'update'), schema: { tags, params: IdParams, body: AgreementUpdate } }, async (request) =>
    updateAgreement(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/agreements/:id',
    { config: policy('agreement', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deleteAgreement(request.ctx!, { id: request.params.id, version: request.query.version });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/agreements/:id/transitions',
    { config: policy('agreement', 'update'), schema: { tags, params: IdParams, body: AgreementTransition } },
    async (request) => transitionAgreement(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.post(
    '/api/agreements/:id/renewal',
    { config: policy('agreement', 'create'), schema: { tags, params: IdParams, body: VersionBody } },
    async (request, reply) =>
      reply.status(201).send(await renewAgreement(request.ctx!, { id: request.params.id, version: request.body.version })),
  );

  app.post(
    '/api/agreements/:id/documents',
    {
      config: policy('agreement', 'update'),
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'] },
      // The multipart stream is limited by readUploadedFile; a declared length far beyond it is refused unread.
      bodyLimit: uploadBodyLimit(AGREEMENT_DOCUMENT_MAX_BYTES),
    },
    async (request, reply) => {
      const { fileName, content } = await readUploadedFile(request, AGREEMENT_DOCUMENT_MAX_BYTES);
      const document = await addAgreementDocument(request.ctx!, { agreementId: request.params.id, fileName, content });
      return reply.status(201).send(document);
    },
  );

  app.get(
    '/api/agreements/:id/documents/:documentId',
    { config: policy('agreement', 'read'), schema: { tags, params: AgreementDocumentParams } },
    async (request, reply) => {
      const document = await getAgreementDocument(request.ctx!, { agreementId: request.params.id, documentId: request.params.documentId });
      return sendStoredFile(reply, document);
    },
  );

  app.delete(
    '/api/agreements/:id/documents/:documentId',
    { config: policy('agreement', 'update'), schema: { tags, params: AgreementDocumentParams } },
    async (request, reply) => {
      await removeAgreementDocument(request.ctx!, { agreementId: request.params.id, documentId: request.params.documentId });
      return reply.status(204).send();
    },
  );
}
