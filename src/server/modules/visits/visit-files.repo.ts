import type { Queryable } from '../../db/client.ts';
import { isoTimestamp } from '../../db/columns.ts';
import type { VisitFile } from '../../../shared/contracts/visits.ts';

const COLUMNS = `id, file_name AS "fileName", media_type AS "mediaType", size_bytes AS "sizeBytes", sha256, ${isoTimestamp('created_at')} AS "createdAt"`;

/** Stores a photo or the signed minutes with a visit. */
export async function insertFile(
  db: Queryable,
  values: { visitId: number; fileName: string; mediaType: string; sha256: string; content: Buffer },
): Promise<VisitFile> {
  const { rows } = await db.query<VisitFile>(
    `INSERT INTO visit_files (visit_id, file_name, media_type, size_bytes, sha256, content)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [values.visitId, values.fileName, values.mediaType, values.content.length, values.sha256, values.content],
  );
  return rows[0]!;
}

/** A file of a visit, with its content. */
export async function findFile(db: Queryable, visitId: number, fileId: number): Promise<(VisitFile & { content: Buffer }) | null> {
  const { rows } = await db.query<VisitFile & { content: Buffer }>(`SELECT ${COLUMNS}, content FROM visit_files WHERE visit_id = $1 AND id = $2`, [visitId, fileId]);
  return rows[0] ?? null;
}

/** Removes a file. */
export async function deleteFileRow(db: Queryable, fileId: number): Promise<void> {
  await db.query('DELETE FROM visit_files WHERE id = $1', [fileId]);
}
