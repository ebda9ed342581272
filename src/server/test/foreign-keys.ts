import type { Queryable } from '../db/client.ts';

/**
 * Every `table.column` of the database with a foreign key to `table`, read from
 * information_schema: what a merge must move, so that a test fails when a new one is added.
 */
export async function foreignKeysTo(db: Queryable, table: string): Promise<string[]> {
  const { rows } = await db.query<{ ref: string }>(
    `SELECT DISTINCT kcu.table_name || '.' || kcu.column_name AS ref
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
     JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_schema = tc.constraint_schema AND ccu.constraint_name = tc.constraint_name
     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND ccu.table_name = $1
     ORDER BY 1`,
    [table],
  );
  return rows.map((r) => r.ref);
}

/** How many rows still name `id` through any foreign key to `table`. */
export async function rowsNaming(db: Queryable, table: string, id: number): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const ref of await foreignKeysTo(db, table)) {
    const [t, c] = ref.split('.');
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE ${c} = $1`, [id]);
    if (rows[0]!.n) found[ref] = rows[0]!.n;
  }
  return found;
}
