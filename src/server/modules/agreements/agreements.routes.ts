import { z } from 'zod';
import { ANY_FILE, created, declareRoutes, del, fileResponse, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, storedFile, table } from '../../core/routes.ts';
import { IdParams, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import {
  AGREEMENT_DOCUMENT_MAX_BYTES,
  Agreement,
  AgreementDocument,
  AgreementDocumentParams,
  AgreementInput,
  AgreementQuery,
  AgreementTransition,
  AgreementUpdate,
  RenewalWatch,
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
export const agreementsRoutes = declareRoutes('agreements', [
  get('/api/agreements', { summary: 'List agreements', ...policy('agreement', 'read'), query: AgreementQuery, response: { 200: pageOf(Agreement) } }, async ({ ctx, query: { asOf, dormantYears, ...query } }) => {
    const { rows, total } = await listAgreements(ctx, { asOf: asOf ?? officeToday(), dormantYears }, query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),

  get('/api/agreements/renewal-watch', { summary: 'List agreements due for renewal', ...policy('agreement', 'read'), query: RenewalWatchQuery, response: jsonOrTable(RenewalWatch) }, async ({ ctx, deps: { db }, query: { months, format, asOf: givenAsOf } }) => {
    const asOf = givenAsOf ?? officeToday();
    const { rows } = await listAgreements(ctx, { asOf, dormantYears: 2 }, {
      expiringWithinMonths: months,
      sort: 'termEndsOn',
      order: 'asc',
      page: 1,
      pageSize: 10000,
    });
    if (format === 'json') return { asOf, months, items: rows };
    return table(renewalWatchTable(rows, await unitNames(db, ctx.locale), ctx.locale, asOf), format);
  }),

  get('/api/agreements/:id', { summary: 'Read an agreement', ...policy('agreement', 'read'), params: IdParams, response: { 200: Agreement } }, async ({ ctx, params }) => getAgreement(ctx, { id: params.id })),

  post('/api/agreements', { summary: 'Create an agreement', ...policy('agreement', 'create'), body: AgreementInput, response: { 201: Agreement } }, async ({ ctx, body }) => created(await createAgreement(ctx, { input: body }))),

  patch('/api/agreements/:id', { summary: 'Change an agreement', ...policy('agreement', 'update'), params: IdParams, body: AgreementUpdate, response: { 200: Agreement } }, async ({ ctx, params, body }) =>
    updateAgreement(ctx, { id: params.id, input: body }),
  ),

  del('/api/agreements/:id', { summary: 'Delete an agreement', ...policy('agreement', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteAgreement(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  post('/api/agreements/:id/transitions', { summary: 'Move an agreement along its workflow', ...policy('agreement', 'update'), params: IdParams, body: AgreementTransition, response: { 200: Agreement } }, async ({ ctx, params, body }) =>
    transitionAgreement(ctx, { id: params.id, input: body }),
  ),

  post('/api/agreements/:id/renewal', { summary: 'Renew an agreement as a new agreement', ...policy('agreement', 'create'), params: IdParams, body: VersionBody, response: { 201: Agreement } }, async ({ ctx, params, body }) =>
    created(await renewAgreement(ctx, { id: params.id, version: body.version })),
  ),

  post(
    '/api/agreements/:id/documents',
    { summary: "Upload an agreement's signed document", ...policy('agreement', 'update'), params: IdParams, upload: { maxBytes: AGREEMENT_DOCUMENT_MAX_BYTES }, response: { 201: AgreementDocument } },
    async ({ ctx, params, file: { fileName, content } }) => created(await addAgreementDocument(ctx, { agreementId: params.id, fileName, content })),
  ),

  get('/api/agreements/:id/documents/:documentId', { summary: "Download an agreement's document", ...policy('agreement', 'read'), params: AgreementDocumentParams, response: fileResponse(ANY_FILE) }, async ({ ctx, params }) =>
    storedFile(await getAgreementDocument(ctx, { agreementId: params.id, documentId: params.documentId })),
  ),

  del('/api/agreements/:id/documents/:documentId', { summary: "Delete an agreement's document", ...policy('agreement', 'update'), params: AgreementDocumentParams, response: NO_CONTENT }, async ({ ctx, params }) => {
    await removeAgreementDocument(ctx, { agreementId: params.id, documentId: params.documentId });
    return noContent();
  }),
]);
