/**
 * SQL of an import's records (migration 0049, import_records): one row a record, or a run of
 * consecutive ids created together, each at the version the import left it at.
 */
import type { Queryable } from '../../db/client.ts';
import type { WrittenEntity } from './import-adapters.ts';

/** A stored row of import_records. */
export interface StoredRun {
  entity: WrittenEntity;
  firstId: number;
  lastId: number;
  action: 'created' | 'updated';
  version: number;
  before?: Record<string, unknown>;
}

/** For each range `[firsts[i], lasts[i]]` of `table`: its rows, their lowest and highest version. */
export async function rangeVersions(db: Queryable, table: string, firsts: number[], lasts: number[]): Promise<Array<{ rows: number; low: number | null; high: number | null }>> {
  if (firsts.length === 0) return [];
  const { rows } = await db.query<{ n: number; rows: number; low: number | null; high: number | null }>(
    `SELECT r.n::int AS n, count(t.id)::int AS rows, min(t.version) AS low, max(t.version) AS high
     FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS r(first_id, last_id, n)
     LEFT JOIN ${table} t ON t.id BETWEEN r.first_id AND r.last_id
     GROUP BY r.n ORDER BY r.n`,
    [firsts, lasts],
  );
  return rows.map((r) => ({ rows: Number(r.rows), low: r.low === null ? null : Number(r.low), high: r.high === null ? null : Number(r.high) }));
}

/** Stores an import's records in the order written (position 1 first), in one statement. */
export async function insertImportRecords(db: Queryable, importId: number, runs: StoredRun[]): Promise<void> {
  if (runs.length === 0) return;
  await db.query(
    `INSERT INTO import_records (import_id, position, entity, first_id, last_id, action, version, before)
     SELECT $1, r.n, r.entity, r.first_id, r.last_id, r.action, r.version, r.before::jsonb
     FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::int[], $7::text[]) WITH ORDINALITY AS r(entity, first_id, last_id, action, version, before, n)`,
    [importId, runs.map((r) => r.entity), runs.map((r) => r.firstId), runs.map((r) => r.lastId), runs.map((r) => r.action), runs.map((r) => r.version), runs.map((r) => (r.before ? JSON.stringify(r.before) : null))],
  );
}

/** An import's stored records in the order written, or null when it kept none here (an import committed before migration 0049). */
export async function importRecordRuns(db: Queryable, importId: number): Promise<StoredRun[] | null> {
  const { rows } = await db.query<StoredRun>(
    `SELECT entity, first_id::float8 AS "firstId", last_id::float8 AS "lastId", action, version, before FROM import_records WHERE import_id = $1 ORDER BY position`,
    [importId],
  );
  if (rows.length === 0) return null;
  return rows.map((r) => (r.before ? r : { entity: r.entity, firstId: r.firstId, lastId: r.lastId, action: r.action, version: r.version }));
}
