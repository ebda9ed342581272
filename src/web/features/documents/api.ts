import type { Locale } from '../../../shared/contracts/common.ts';
import type { DocumentKind, DocumentQuery, DocumentTemplate, DocumentTemplateList } from '../../../shared/contracts/documents.ts';
import { api, apiFile, toQuery } from '../../lib/api.ts';
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


/**
 * Fetch a document and hand it to the browser as a download under the server's file name; a
 * refusal (no nominees, a visit not approved) is thrown for the dialog to say in words.
 */
export async function downloadDocument(kind: DocumentKind, query: DocumentQuery): Promise<void> {
  const { blob, fileName } = await apiFile(`/documents/${kind}${toQuery({ ...query })}`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName ?? `${kind}.${query.format ?? 'docx'}`;
  document.body.append(a);
  a.click();
  a.remove();
  // the click has started the download; the address is no longer needed
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
