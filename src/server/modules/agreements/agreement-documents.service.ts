import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db, Queryable } from '../../db/client.ts';
import { invalidFields, notFound } from '../../core/errors.ts';
import { sniffMediaType } from '../../interop/media-type.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf } from '../../policies/policies.ts';
import type { AgreementDocument } from '../../../shared/contracts/agreements.ts';
import { findAgreement } from './agreements.repo.ts';
import { deleteDocumentRow, findDocument, insertDocument } from './agreement-documents.repo.ts';
import { today } from './agreements.service.ts';

const ENTITY = 'agreement_document';

/** The agreement within the actor's reach, or 404. */
async function reachableAgreement(db: Queryable, actor: Actor, id: number) {
  const agreement = await findAgreement(db, id, scopeOf(actor), today());
  if (!agreement) throw notFound();
  return agreement;
}

/** Stores a signed document (PDF or image scan) with an agreement. */
export async function addAgreementDocument(
  options: { actor: Actor; agreementId: number; fileName: string; content: Buffer },
  db: Db,
): Promise<AgreementDocument> {
  const { actor, agreementId, content } = options;
  const mediaType = sniffMediaType(content);
  if (!mediaType) throw invalidFields({ field: 'file', reason: 'file_type' });
  const fileName = basename(options.fileName.replaceAll('\\', '/')).slice(0, 255) || 'document';
  return db.transaction(async (tx) => {
    const agreement = await reachableAgreement(tx, actor, agreementId);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const document = await insertDocument(tx, { agreementId, fileName, mediaType, sha256, content });
    await recordAudit(tx, { actor, action: 'create', entity: ENTITY, entityId: document.id, unitId: agreement.unitId, after: { agreementId, ...document } });
    return document;
  });
}

/** A document with its content, if its agreement is within the actor's reach. */
export async function getAgreementDocument(options: { actor: Actor; agreementId: number; documentId: number }, db: Queryable) {
  await reachableAgreement(db, options.actor, options.agreementId);
  const document = await findDocument(db, options.agreementId, options.documentId);
  if (!document) throw notFound();
  return document;
}

/** Removes a document from an agreement. */
export async function removeAgreementDocument(options: { actor: Actor; agreementId: number; documentId: number }, db: Db): Promise<void> {
  const { actor, agreementId, documentId } = options;
  await db.transaction(async (tx) => {
    const agreement = await reachableAgreement(tx, actor, agreementId);
    const document = await findDocument(tx, agreementId, documentId);
    if (!document) throw notFound();
    await deleteDocumentRow(tx, documentId);
    const { content: _content, ...before } = document;
    await recordAudit(tx, { actor, action: 'delete', entity: ENTITY, entityId: documentId, unitId: agreement.unitId, before: { agreementId, ...before } });
  });
}
