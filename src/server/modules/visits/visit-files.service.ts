import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db, Queryable } from '../../db/client.ts';
import { invalidFields, notFound } from '../../core/errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf } from '../../policies/policies.ts';
import type { VisitFile } from '../../../shared/contracts/visits.ts';
import { sniffMediaType } from '../../interop/media-type.ts';
import { findVisit } from './visits.repo.ts';
import { deleteFileRow, findFile, insertFile } from './visit-files.repo.ts';
import { today } from './visits.service.ts';

const ENTITY = 'visit_file';

/** The visit within the actor's reach, or 404. */
async function reachableVisit(db: Queryable, actor: Actor, id: number) {
  const visit = await findVisit(db, id, scopeOf(actor), today());
  if (!visit) throw notFound();
  return visit;
}

/** Stores a photo or the signed minutes (PDF or image, read from its first bytes) with a visit. */
export async function addVisitFile(options: { actor: Actor; visitId: number; fileName: string; content: Buffer }, db: Db): Promise<VisitFile> {
  const { actor, visitId, content } = options;
  const mediaType = sniffMediaType(content);
  if (!mediaType) throw invalidFields({ field: 'file', reason: 'file_type' });
  const fileName = basename(options.fileName.replaceAll('\\', '/')).slice(0, 255) || 'file';
  return db.transaction(async (tx) => {
    const visit = await reachableVisit(tx, actor, visitId);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const file = await insertFile(tx, { visitId, fileName, mediaType, sha256, content });
    await recordAudit(tx, { actor, action: 'create', entity: ENTITY, entityId: file.id, unitId: visit.hostUnitId, after: { visitId, ...file } });
    return file;
  });
}

/** A file with its content, if its visit is within the actor's reach. */
export async function getVisitFile(options: { actor: Actor; visitId: number; fileId: number }, db: Queryable) {
  await reachableVisit(db, options.actor, options.visitId);
  const file = await findFile(db, options.visitId, options.fileId);
  if (!file) throw notFound();
  return file;
}

/** Removes a file from a visit. */
export async function removeVisitFile(options: { actor: Actor; visitId: number; fileId: number }, db: Db): Promise<void> {
  const { actor, visitId, fileId } = options;
  await db.transaction(async (tx) => {
    const visit = await reachableVisit(tx, actor, visitId);
    const file = await findFile(tx, visitId, fileId);
    if (!file) throw notFound();
    await deleteFileRow(tx, fileId);
    const { content: _content, ...before } = file;
    await recordAudit(tx, { actor, action: 'delete', entity: ENTITY, entityId: fileId, unitId: visit.hostUnitId, before: { visitId, ...before } });
  });
}
