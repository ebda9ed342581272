import type { Locale } from '../../../shared/contracts/common.ts';
import type { DocumentKind, DocumentQuery, DocumentTemplate, DocumentTemplateList } from '../../../shared/contracts/documents.ts';
import { api, toQuery } from '../../lib/api.ts';
import { fileForm, useApiGet, useWrite } from '../../lib/api-query.ts';

const KEY = ['document-templates'] as const;

/** Each kind and language with the office's template, if any, and whether PDFs can be made. */
export const useDocumentTemplates = () => useApiGet<DocumentTemplateList>(KEY, '/document-templates');

/** Upload or replace a template (the administrator's). */
export const useUploadTemplate = () =>
  useWrite((vars: { kind: DocumentKind; lang: Locale; file: File }) => api.upload<DocumentTemplate>(`/document-templates/${vars.kind}/${vars.lang}`, fileForm(vars.file)), () => [KEY]);

/** Delete a template: the built-in one is used again. */
export const useDeleteTemplate = () => useWrite((vars: { kind: DocumentKind; lang: Locale }) => api.del(`/document-templates/${vars.kind}/${vars.lang}`), () => [KEY]);

/** Where the template in use for a kind and language is downloaded from. */
export const templateUrl = (kind: DocumentKind, lang: Locale) => `/api/document-templates/${kind}/${lang}`;

/** Where a document filled from its record is downloaded from (the browser sends the session cookie). */
export const documentUrl = (kind: DocumentKind, query: DocumentQuery) => `/api/documents/${kind}${toQuery({ ...query })}`;
