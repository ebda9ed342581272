import { created, declareRoutes, del, file, fileResponse, get, NO_CONTENT, noContent, policy, post } from '../../core/routes.ts';
import { z } from 'zod';
import { DOCUMENT_TEMPLATE_MAX_BYTES, DocumentQuery, DocumentTemplate, DocumentTemplateList, DocumentTemplateParams, DocumentKind } from '../../../shared/contracts/documents.ts';
import { DOCX_MEDIA_TYPE, downloadDocumentTemplate, listDocumentTemplates, produceDocument, removeDocumentTemplate, uploadDocumentTemplate } from './documents.service.ts';

/** The office's .docx templates (the administrator's), and documents filled from records (whoever may read the record). */
export const documentsRoutes = declareRoutes('documents', [
  get('/api/document-templates', { summary: 'List document templates per kind and language', ...policy('document_template', 'read'), response: { 200: DocumentTemplateList } }, async ({ deps: { db } }) => listDocumentTemplates(db)),

  get('/api/document-templates/:kind/:lang', { summary: 'Download the template in use for a kind and language', ...policy('document_template', 'read'), params: DocumentTemplateParams, response: fileResponse(DOCX_MEDIA_TYPE) }, async ({ deps: { db }, params }) => {
    const template = await downloadDocumentTemplate(db, params);
    return file({ body: template.content, contentType: DOCX_MEDIA_TYPE, fileName: template.fileName, disposition: 'attachment', userNamed: !template.builtin });
  }),

  post(
    '/api/document-templates/:kind/:lang',
    { summary: 'Upload or replace the template of a kind and language', ...policy('document_template', 'update'), params: DocumentTemplateParams, upload: { maxBytes: DOCUMENT_TEMPLATE_MAX_BYTES, tooLarge: 'template_too_large' }, response: { 201: DocumentTemplate } },
    async ({ ctx, params, file: { fileName, content } }) => created(await uploadDocumentTemplate(ctx, { ...params, fileName, content })),
  ),

  del('/api/document-templates/:kind/:lang', { summary: 'Delete the template of a kind and language (the built-in one is used again)', ...policy('document_template', 'delete'), params: DocumentTemplateParams, response: NO_CONTENT }, async ({ ctx, params }) => {
    await removeDocumentTemplate(ctx, params);
    return noContent();
  }),

  // Reading a document is reading its record: the record's service checks the reader's reach.
  get('/api/documents/:kind', { summary: 'Fill a document from its record, as .docx or PDF', ...policy('document_template', 'read'), params: z.object({ kind: DocumentKind }), query: DocumentQuery, response: fileResponse(DOCX_MEDIA_TYPE, 'application/pdf') }, async ({ ctx, deps: { cipher }, params, query }) => {
    const { format, ...request } = query;
    const document = await produceDocument(ctx, { kind: params.kind, format, request, cipher });
    return file({ body: document.content, contentType: document.contentType, fileName: document.fileName, disposition: 'attachment' });
  }),
]);

