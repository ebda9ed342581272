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

/** The setting audit_log.import_id's default reads (migration 0043). */
export const IMPORT_SETTING = 'interchange.import_id';

/**
 * Makes every audit row written from here to the end of `tx`'s transaction name the import
 * `importId` (audit_log.import_id, whose default reads this setting), or, with null, none
 * again: the records an import's commit writes through their services, recordAudits or
 * auditRowsFrom are named without being told. Local to the transaction (set_config's third
 * argument), so the next one on the connection starts without it; an import's commit clears it
 * at its end all the same, for a caller whose transaction holds more than the import (the
 * demo's batches). Call it before any savepoint, so that no rollback to one undoes it.
 */
export async function auditUnderImport(tx: Queryable, importId: number | null): Promise<void> {
  await tx.query(`SELECT set_config('${IMPORT_SETTING}', $1, true)`, [importId === null ? '' : String(importId)]);
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
  // One typed array a column (unnest), not one JSON document of every row: the server reads
  // arrays of text without building a record per row from JSON.
  const n = records.length;
  const actions = new Array<string>(n);
  const entities = new Array<string>(n);
  const ids = new Array<string>(n);
  const units = new Array<number | null>(n);
  const befores = new Array<string | null>(n);
  const afters = new Array<string | null>(n);
  for (let i = 0; i < n; i += 1) {
    const r = records[i]!;
    actions[i] = r.action;
    entities[i] = r.entity;
    ids[i] = String(r.entityId);
    units[i] = r.unitId ?? null;
    befores[i] = r.before ? JSON.stringify(r.before) : null;
    afters[i] = r.after ? JSON.stringify(r.after) : null;
  }
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, unit_id, before, after)
     SELECT $1, $2, r.action, r.entity, r.entity_id, r.unit_id, r.before::jsonb, r.after::jsonb
     FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[]) AS r(action, entity, entity_id, unit_id, before, after)`,
    [actor.userId || null, actor.email, actions, entities, ids, units, befores, afters],
  );
}

/**
 * The audit's part of one statement that creates many records: a CTE `name` writing one
 * 'create' audit row for each row of `source` by one actor (`actorId`, `actorLabel`: SQL of two
 * parameters), its entity `entity` (SQL text), its id `source`.id, its unit `source`.unit_id,
 * its values after `after` (SQL of a jsonb built from the row, the same object the service's
 * own audit row holds). The same rows recordAudits writes, without the rows going to the
 * client and back as JSON.
 */
export function auditRowsFrom(name: string, source: string, values: { actorId: string; actorLabel: string; entity: string; after: string }): string {
  return `${name} AS (
      INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, unit_id, before, after)
      SELECT ${values.actorId}, ${values.actorLabel}, 'create', ${values.entity}, id::text, unit_id, NULL, ${values.after} FROM ${source})`;
}
