import type { Queryable } from '../../db/client.ts';
import { isoTimestamp } from '../../db/columns.ts';
import type { AgreementDocument } from '../../../shared/contracts/agreements.ts';

const COLUMNS = `id, file_name AS "fileName", media_type AS "mediaType", size_bytes AS "sizeBytes", sha256, ${isoTimestamp('created_at')} AS "createdAt"`;

/** Stores a document with its agreement. */
export async function insertDocument(
  db: Queryable,
  values: { agreementId: number; fileName: string; mediaType: string; sha256: string; content: Buffer },
): Promise<AgreementDocument> {
  const { rows } = await db.query<AgreementDocument>(
    `INSERT INTO agreement_documents (agreement_id, file_name, media_type, size_bytes, sha256, content)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [values.agreementId, values.fileName, values.mediaType, values.content.length, values.sha256, values.content],
  );
  return rows[0]!;
}

/** A document of an agreement, with its content when asked. */
export async function findDocument(
  db: Queryable,
  agreementId: number,
  documentId: number,
): Promise<(AgreementDocument & { content: Buffer }) | null> {
  const { rows } = await db.query<AgreementDocument & { content: Buffer }>(
    `SELECT ${COLUMNS}, content FROM agreement_documents WHERE agreement_id = $1 AND id = $2`,
    [agreementId, documentId],
  );
  return rows[0] ?? null;
}

/** Removes a document. */
export async function deleteDocumentRow(db: Queryable, documentId: number): Promise<void> {
  await db.query('DELETE FROM agreement_documents WHERE id = $1', [documentId]);
}
