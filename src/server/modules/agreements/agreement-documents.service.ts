import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import { sniffMediaType } from '../../interop/media-type.ts';
import type { AgreementDocument } from '../../../shared/contracts/agreements.ts';
import { findAgreement } from './agreements.repo.ts';
import { deleteDocumentRow, findDocument, insertDocument } from './agreement-documents.repo.ts';
import { today } from './agreements.service.ts';

const ENTITY = 'agreement_document';

/** The agreement within the caller's reach, or 404. */
async function reachableAgreement(db: Scoped, id: number) {
  const agreement = await findAgreement(db, id, today());
  if (!agreement) throw notFound();
  return agreement;
}

/** Stores a signed document (PDF or image scan) with an agreement. */
export async function addAgreementDocument(
  ctx: RequestContext,
  options: { agreementId: number; fileName: string; content: Buffer },
): Promise<AgreementDocument> {
  const { agreementId, content } = options;
  const mediaType = sniffMediaType(content);
  if (!mediaType) throw invalidFields({ field: 'file', reason: 'file_type' });
  const fileName = basename(options.fileName.replaceAll('\\', '/')).slice(0, 255) || 'document';
  return ctx.transaction(async (tx) => {
    const agreement = await reachableAgreement(tx, agreementId);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const document = await insertDocument(tx, { agreementId, fileName, mediaType, sha256, content });
    await tx.audit({ action: 'create', entity: ENTITY, entityId: document.id, unitId: agreement.unitId, after: { agreementId, ...document } });
    return document;
  });
}

/** A document with its content, if its agreement is within the actor's reach. */
export async function getAgreementDocument(ctx: Scoped, options: { agreementId: number; documentId: number }) {
  await reachableAgreement(ctx, options.agreementId);
  const document = await findDocument(ctx, options.agreementId, options.documentId);
  if (!document) throw notFound();
  return document;
}

/** Removes a document from an agreement. */
export async function removeAgreementDocument(ctx: RequestContext, options: { agreementId: number; documentId: number }): Promise<void> {
  const { agreementId, documentId } = options;
  await ctx.transaction(async (tx) => {
    const agreement = await reachableAgreement(tx, agreementId);
    const document = await findDocument(tx, agreementId, documentId);
    if (!document) throw notFound();
    await deleteDocumentRow(tx, documentId);
    const { content: _content, ...before } = document;
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: documentId, unitId: agreement.unitId, before: { agreementId, ...before } });
  });
}
