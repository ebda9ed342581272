import type { Queryable } from './client.ts';

/** The kinds of record that can be merged into another (table `record_merges`, migration 0030). */
export type MergedEntity = 'institution' | 'person';

/**
 * Notes that `mergedId` is now `intoId`, and re-points the records merged into `mergedId`
 * before, so each old id names the record that holds everything now.
 */
export async function recordMerge(tx: Queryable, entity: MergedEntity, mergedId: number, intoId: number): Promise<void> {
  await tx.query('UPDATE record_merges SET into_id = $3 WHERE entity = $1 AND into_id = $2', [entity, mergedId, intoId]);
  await tx.query('INSERT INTO record_merges (entity, merged_id, into_id) VALUES ($1, $2, $3)', [entity, mergedId, intoId]);
}

/** The record an old id was merged into, or null (never merged, or no such id). */
export async function mergedInto(db: Queryable, entity: MergedEntity, id: number): Promise<number | null> {
  const { rows } = await db.query<{ intoId: number }>('SELECT into_id AS "intoId" FROM record_merges WHERE entity = $1 AND merged_id = $2', [entity, id]);
  return rows[0]?.intoId ?? null;
}

/** The ids merged into `id`: their history is the survivor's too. */
export async function idsMergedInto(db: Queryable, entity: string, id: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>('SELECT merged_id AS id FROM record_merges WHERE entity = $1 AND into_id = $2 ORDER BY merged_id', [entity, id]);
  return rows.map((r) => r.id);
}
