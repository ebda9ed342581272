import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { notFound } from '../../core/errors.ts';
import type { RequestContext } from '../../core/request-context.ts';
import type { Queryable } from '../../db/client.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { LOCALES, type Locale } from '../../../shared/contracts/common.ts';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentTemplate, type DocumentTemplateList } from '../../../shared/contracts/documents.ts';
import { invitationLetter } from '../visits/invitation-letter.service.ts';
import { builtinTemplate } from './builtin-templates.ts';
import { checkDocx } from './docx-limits.ts';
import { checkTemplate, fillTemplate } from './docx-fill.ts';
import { buildDocumentData, type DocumentRequest } from './document-data.ts';
import { deleteTemplateRow, findTemplateRow, listTemplateRows, upsertTemplateRow } from './documents.repo.ts';
import { convertToPdf, findSoffice } from './pdf-converter.ts';

const ENTITY = 'document_template';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Every kind and language, with the office's template where there is one; and whether PDFs can be made. */
export async function listDocumentTemplates(db: Queryable): Promise<DocumentTemplateList> {
  const stored = new Map((await listTemplateRows(db)).map((t) => [`${t.kind}/${t.lang}`, t]));
  return {
    items: DOCUMENT_KINDS.flatMap((kind) => LOCALES.map((lang) => ({ kind, lang, template: stored.get(`${kind}/${lang}`) ?? null }))),
    pdfAvailable: findSoffice() !== null,
  };
}

/**
 * Stores the office's template for a kind and language, replacing the one before: a .docx
 * within the limits whose placeholders are all the kind's (else 400/413 naming the tag or
 * the limit). Audited with the file's name, size and checksum, not its bytes.
 */
export async function uploadDocumentTemplate(ctx: RequestContext, options: { kind: DocumentKind; lang: Locale; fileName: string; content: Buffer }): Promise<DocumentTemplate> {
  const { kind, lang, content } = options;
  await checkDocx(content);
  const placeholders = checkTemplate(kind, content);
  const fileName = basename(options.fileName.replaceAll('\\', '/')).slice(0, 255) || `${kind}-${lang}.docx`;
  const sha256 = createHash('sha256').update(content).digest('hex');
  return ctx.transaction(async (tx) => {
    const before = await findTemplateRow(tx, kind, lang, true);
    const row = await upsertTemplateRow(tx, { kind, lang, fileName, sha256, placeholders, content });
    const { content: _content, ...shownBefore } = before ?? { content: null };
    await tx.audit({ action: before ? 'update' : 'create', entity: ENTITY, entityId: `${kind}/${lang}`, unitId: null, before: before ? shownBefore : null, after: row });
    return row;
  });
}

/** Removes the office's template of a kind and language: the built-in default is used again. */
export async function removeDocumentTemplate(ctx: RequestContext, options: { kind: DocumentKind; lang: Locale }): Promise<void> {
  await ctx.transaction(async (tx) => {
    const before = await findTemplateRow(tx, options.kind, options.lang, true);
    if (!before) throw notFound();
    await deleteTemplateRow(tx, options.kind, options.lang);
    const { content: _content, ...shown } = before;
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: `${options.kind}/${options.lang}`, unitId: null, before: shown });
  });
}

/** The template in use for a kind and language: the office's, else the built-in one (to start an own template from). */
export async function downloadDocumentTemplate(db: Queryable, options: { kind: DocumentKind; lang: Locale }): Promise<{ fileName: string; content: Buffer; builtin: boolean }> {
  const stored = await findTemplateRow(db, options.kind, options.lang);
  if (stored) return { fileName: stored.fileName, content: stored.content, builtin: false };
  return { fileName: `${options.kind}-${options.lang}.docx`, content: builtinTemplate(options.kind, options.lang), builtin: true };
}

/**
 * One document of `kind` from its record, as .docx or PDF: the office's template for the
 * language, else the built-in one. The invitation letter without an own template keeps its
 * built-in PDF in English and Chinese (visits/invitation-letter.ts).
 */
export async function produceDocument(
  ctx: RequestContext,
  options: { kind: DocumentKind; format: 'docx' | 'pdf'; request: Omit<DocumentRequest, 'date'> & { date?: string | undefined }; cipher: Cipher },
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const { kind, format } = options;
  const request: DocumentRequest = { ...options.request, date: options.request.date ?? officeToday() };
  const stored = await findTemplateRow(ctx, kind, request.lang);
  if (!stored && kind === 'invitation_letter' && format === 'pdf' && request.lang !== 'fr') {
    const letter = await invitationLetter(ctx, { id: request.recordId ?? 0, memberId: request.memberId, lang: request.lang, date: request.date });
    return { fileName: letter.fileName, contentType: 'application/pdf', content: letter.content };
  }
  const built = await buildDocumentData(ctx, kind, request, options.cipher);
  const docx = fillTemplate(kind, stored?.content ?? builtinTemplate(kind, request.lang), built.data);
  if (format === 'docx') return { fileName: `${built.fileName}.docx`, contentType: DOCX_MEDIA_TYPE, content: docx };
  return { fileName: `${built.fileName}.pdf`, contentType: 'application/pdf', content: await convertToPdf(docx) };
}
