import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { unitScopeSql } from '../../db/scope.ts';
import type { ExpertDocument } from '../../../shared/contracts/appointments.ts';

/** A document as stored: its number still encrypted. */
export type ExpertDocumentRow = Omit<ExpertDocument, 'number'> & { numberEnc: string | null };

const WRITABLE = {
  personId: 'person_id',
  appointmentId: 'appointment_id',
  kind: 'kind',
  numberEnc: 'number_enc',
  issuedOn: 'issued_on',
  expiresOn: 'expires_on',
  notes: 'notes',
};

export type ExpertDocumentValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

/** A document belongs to its appointment's unit, else to its person's. */
const UNIT = 'coalesce(a.unit_id, p.unit_id)';

const COLUMNS = selectList({
  id: 'd.id',
  ...Object.fromEntries(Object.entries(WRITABLE).map(([f, c]) => [f, `d.${c}`])),
  unitId: UNIT,
  version: 'd.version',
  createdAt: isoTimestamp('d.created_at'),
  updatedAt: isoTimestamp('d.updated_at'),
});

const FROM = 'expert_documents d JOIN people p ON p.id = d.person_id LEFT JOIN appointments a ON a.id = d.appointment_id';

/** A person's documents within the caller's reach, by expiry. */
export async function listExpertDocuments(db: Scoped, personId: number): Promise<ExpertDocumentRow[]> {
  const { scope } = db;
  const params = scope !== null ? [personId, scope] : [personId];
  const { rows } = await db.query<ExpertDocumentRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE d.person_id = $1 ${scope !== null ? `AND ${unitScopeSql(UNIT, 2)}` : ''}
      ORDER BY d.expires_on NULLS LAST, d.id`,
    params,
  );
  return rows;
}

/** One document of a person within the caller's reach, or null; `lock` for an update. */
export async function findExpertDocument(db: Scoped, personId: number, id: number, lock = false): Promise<ExpertDocumentRow | null> {
  const { scope } = db;
  const params = scope !== null ? [id, personId, scope] : [id, personId];
  if (lock) await db.query('SELECT 1 FROM expert_documents WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<ExpertDocumentRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE d.id = $1 AND d.person_id = $2 ${scope !== null ? `AND ${unitScopeSql(UNIT, 3)}` : ''}`,
    params,
  );
  return rows[0] ?? null;
}

/** Inserts a document. */
export async function insertExpertDocument(db: Queryable, values: ExpertDocumentValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO expert_documents (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateExpertDocumentRow(db: Queryable, id: number, values: ExpertDocumentValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE expert_documents SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes a document. */
export async function deleteExpertDocumentRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM expert_documents WHERE id = $1', [id]);
}

/** The appointing unit of an appointment of this person, or undefined when it is not theirs (or not there). */
export async function appointmentUnitOf(db: Queryable, appointmentId: number, personId: number): Promise<number | undefined> {
  const { rows } = await db.query<{ unitId: number }>('SELECT unit_id AS "unitId" FROM appointments WHERE id = $1 AND person_id = $2', [appointmentId, personId]);
  return rows[0]?.unitId;
}

/** The unit a person's record belongs to (null: the office's), or undefined when there is no such person. */
export async function personUnitOf(db: Queryable, personId: number): Promise<number | null | undefined> {
  const { rows } = await db.query<{ unitId: number | null }>('SELECT unit_id AS "unitId" FROM people WHERE id = $1', [personId]);
  return rows.length ? rows[0]!.unitId : undefined;
}
