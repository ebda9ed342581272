import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { invalidFields, notFound } from '../../core/errors.ts';
import type { RequestContext, Scoped } from '../../core/request-context.ts';
import type { VisitFile } from '../../../shared/contracts/visits.ts';
import { sniffMediaType } from '../../interop/media-type.ts';
import { findVisit } from './visits.repo.ts';
import { deleteFileRow, findFile, insertFile } from './visit-files.repo.ts';
import { today } from './visits.service.ts';

const ENTITY = 'visit_file';

/** The visit within the actor's reach, or 404. */
async function reachableVisit(db: Scoped, id: number) {
  const visit = await findVisit(db, id, today());
  if (!visit) throw notFound();
  return visit;
}

/** Stores a photo or the signed minutes (PDF or image, read from its first bytes) with a visit. */
export async function addVisitFile(ctx: RequestContext, options: { visitId: number; fileName: string; content: Buffer }): Promise<VisitFile> {
  const { visitId, content } = options;
  const mediaType = sniffMediaType(content);
  if (!mediaType) throw invalidFields({ field: 'file', reason: 'file_type' });
  const fileName = basename(options.fileName.replaceAll('\\', '/')).slice(0, 255) || 'file';
  return ctx.transaction(async (tx) => {
    const visit = await reachableVisit(tx, visitId);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const file = await insertFile(tx, { visitId, fileName, mediaType, sha256, content });
    await tx.audit({ action: 'create', entity: ENTITY, entityId: file.id, unitId: visit.hostUnitId, after: { visitId, ...file } });
    return file;
  });
}

/** A file with its content, if its visit is within the actor's reach. */
export async function getVisitFile(ctx: Scoped, options: { visitId: number; fileId: number }) {
  await reachableVisit(ctx, options.visitId);
  const file = await findFile(ctx, options.visitId, options.fileId);
  if (!file) throw notFound();
  return file;
}

/** Removes a file from a visit. */
export async function removeVisitFile(ctx: RequestContext, options: { visitId: number; fileId: number }): Promise<void> {
  const { visitId, fileId } = options;
  await ctx.transaction(async (tx) => {
    const visit = await reachableVisit(tx, visitId);
    const file = await findFile(tx, visitId, fileId);
    if (!file) throw notFound();
    await deleteFileRow(tx, fileId);
    const { content: _content, ...before } = file;
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: fileId, unitId: visit.hostUnitId, before: { visitId, ...before } });
  });
}
