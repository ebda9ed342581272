import type pg from 'pg';
import type { Db, Queryable } from '../server/db/client.ts';
import { AUDIT_INSERT, IMPORT_SETTING } from '../server/audit/record-audit.ts';

/** recordAudit's parameters, in its statement's order (AUDIT_INSERT). */
type AuditParams = [actorId: number | null, actorLabel: string, action: string, entity: string, entityId: string, unitId: number | null, before: string | null, after: string | null];

const WRITTEN_LATER: pg.QueryResult = { command: 'INSERT', rowCount: 1, oid: 0, rows: [], fields: [] };

/**
 * The audit rows of a bulk load, kept in their order and written in one statement each time
 * something is about to read the audit log, and at the end: the same rows recordAudit writes
 * one at a time (its `at` is the transaction's time either way), their ids in the same order.
 */
class AuditBatch {
  private waiting: AuditParams[] = [];

  constructor(private readonly tx: Queryable) {}

  readonly queryable: Queryable = {
    query: async (text, params) => {
      if (text === AUDIT_INSERT) {
        this.waiting.push(params as AuditParams);
        return WRITTEN_LATER as never;
      }
      // Before what reads or writes the audit log, and before the setting that names an import in its rows (IMPORT_SETTING) changes.
      if (/audit_log/i.test(text) || text.includes(IMPORT_SETTING)) await this.flush();
      return this.tx.query(text, params);
    },
  };

  async flush(): Promise<void> {
    if (this.waiting.length === 0) return;
    const rows = this.waiting.map(([actorId, actorLabel, action, entity, entityId, unitId, before, after]) => ({
      actor_id: actorId,
      actor_label: actorLabel,
      action,
      entity,
      entity_id: entityId,
      unit_id: unitId,
      before: before === null ? null : (JSON.parse(before) as unknown),
      after: after === null ? null : (JSON.parse(after) as unknown),
    }));
    this.waiting = [];
    await this.tx.query(
      `INSERT INTO audit_log (actor_id, actor_label, action, entity, entity_id, unit_id, before, after)
       SELECT r.actor_id, r.actor_label, r.action, r.entity, r.entity_id, r.unit_id, r.before, r.after
       FROM json_to_recordset($1::json) AS r(actor_id bigint, actor_label text, action text, entity text, entity_id text, unit_id bigint, before jsonb, after jsonb)`,
      [JSON.stringify(rows)],
    );
  }
}

/**
 * Service transactions committed together: more than one a commit saves a BEGIN, a COMMIT (a write
 * of the log) and an audit statement each, but not all of a stage in one, which would be slower
 * than one a record: every write statement adds to a row of figure_changes (migration 0034), and
 * the rollup cells' rows are written again and again; in one transaction none of their old versions
 * can be cleaned away, so each write walks longer chains of them.
 */
export const RECORDS_PER_COMMIT = 50;

/**
 * Runs `work`, a part of the demo's load that calls the services record by record, in
 * transactions of RECORDS_PER_COMMIT services' transactions each: the services write exactly
 * what they would in transactions of their own, but without a BEGIN, a COMMIT and an audit
 * statement for each record; the audit rows go in together before each commit (AuditBatch). A
 * failure undoes the batch it happens in and stops the load, as it did record by record.
 */
export function inBatches<T>(db: Db, work: (db: Db) => Promise<T>, recordsPerCommit = RECORDS_PER_COMMIT): Promise<T> {
  return db.transaction(async (tx) => {
    const audits = new AuditBatch(tx);
    let depth = 0;
    let done = 0;
    const batched: Db = {
      engine: db.engine,
      query: (text, params) => audits.queryable.query(text, params),
      // A service's transaction is part of the batch's (no BEGIN or COMMIT of its own, no savepoint).
      async transaction(serviceWork) {
        depth += 1;
        let result;
        try {
          result = await serviceWork(audits.queryable);
        } finally {
          depth -= 1;
        }
        // Committed between services only, never inside one that calls another.
        if (depth === 0 && ++done % recordsPerCommit === 0) {
          await audits.flush();
          await tx.query('COMMIT');
          await tx.query('BEGIN');
        }
        return result;
      },
      bulkLoad: (bulk) => bulk(),
      close: async () => undefined,
    };
    const result = await work(batched);
    await audits.flush();
    return result;
  });
}
