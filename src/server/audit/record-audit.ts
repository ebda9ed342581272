import type { Queryable } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'sign_in' | 'sign_out' | 'password_change' | 'token_create' | 'token_revoke' | 'export' | 'erase' | 'restore' | 'merge';

export interface AuditRecord {
  actor: Actor;
  action: AuditAction;
  entity: string;
  entityId: number | string;
  /** The unit the record belongs to, so that a coordinator's audit view stays in their unit. */
  unitId?: number | null;
  before?: object | null;
  after?: object | null;
}

/**
 * recordAudit's statement, one row: its parameters are the actor's id and label, the action, the
 * entity, its id (text), the unit, and the states before and after as JSON text. Exported so
 * that a bulk load (the demo's) can tell it apart and write many in one statement instead.
 */
export const AUDIT_INSERT = `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, unit_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

/**
 * Writes one audit row. Call it inside the transaction of the change itself, so that a
 * change and its audit row commit or fail together.
 */
export async function recordAudit(tx: Queryable, record: AuditRecord): Promise<void> {
  await tx.query(
    AUDIT_INSERT,
    [
      record.actor.userId || null,
      record.actor.email,
      record.action,
      record.entity,
      String(record.entityId),
      record.unitId ?? null,
      record.before ? JSON.stringify(record.before) : null,
      record.after ? JSON.stringify(record.after) : null,
    ],
  );
}

/**
 * Writes many audit rows by one actor in one statement (an import of thousands of records):
 * the same rows recordAudit writes one at a time, in the same transaction as the change.
 */
export async function recordAudits(tx: Queryable, actor: Actor, records: Array<Omit<AuditRecord, 'actor'>>): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    action: r.action,
    entity: r.entity,
    entity_id: String(r.entityId),
    unit_id: r.unitId ?? null,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, unit_id, before, after)
     SELECT $1, $2, r.action, r.entity, r.entity_id, r.unit_id, r.before, r.after
     FROM json_to_recordset($3::json) AS r(action text, entity text, entity_id text, unit_id bigint, before jsonb, after jsonb)`,
    [actor.userId || null, actor.email, JSON.stringify(rows)],
  );
}
