import type { Queryable } from '../client.ts';

/**
 * Tables a backup leaves out, with why: what a restored server should not inherit. Sessions
 * and one-time sign-in states would keep someone signed in on a machine they never used; the
 * throttles count a past hour's failures; pg-boss's schema is the running queue (the outbox,
 * which is the office's record of messages, is kept). Prepared files are copies of lists and
 * reports made for a download and kept a week, their jobs in that queue: not the office's record.
 * The figures' change counter only ever grows: a restore's writes raise it, where the backup's
 * value could bring back one a running server keeps other figures under. The search's entries
 * (migration 0045) are made from the records by triggers as the restore writes them.
 */
const LEFT_OUT = new Set(['schema_migrations', 'sessions', 'oidc_sign_in_states', 'sign_in_attempts', 'sign_in_accounts', 'rate_limit_hits', 'prepared_files', 'figure_changes', 'search_entries']);

/** A table as a backup writes and a restore reads it. */
export interface BackupTable {
  name: string;
  columns: string[];
  /** Columns that point into the same table (a unit's parent): restored once every row is in. */
  selfReferences: string[];
  /** Identity columns, whose sequence a restore moves past the highest value restored. */
  identities: string[];
  /** The primary key's columns, the order rows are written in (all columns when there is none). */
  orderBy: string[];
  /** JSON columns that may not be null: a restore reads their JSON null back as null (json_populate_recordset gives SQL NULL). */
  jsonNotNull: string[];
}

/**
 * The public schema's tables, less those left out, each after every table it references, so
 * that a restore satisfies each foreign key as it inserts. A cycle between tables (none today)
 * stops the backup rather than writing a file that cannot be restored.
 */
export async function backupTables(q: Queryable): Promise<BackupTable[]> {
  const { rows } = await q.query<{ name: string; columns: string[]; identities: string[]; jsonNotNull: string[]; key: string[] | null }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns,
            array_remove(array_agg(CASE WHEN a.attidentity <> '' THEN a.attname::text END ORDER BY a.attnum), NULL) AS identities,
            array_remove(array_agg(CASE WHEN a.attnotnull AND a.atttypid IN ('json'::regtype, 'jsonb'::regtype) THEN a.attname::text END ORDER BY a.attnum), NULL) AS "jsonNotNull",
            (SELECT array_agg(k.attname::text ORDER BY array_position(i.indkey, k.attnum))
               FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
              WHERE i.indrelid = c.oid AND i.indisprimary) AS key
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY c.oid, c.relname`,
  );
  const references = await q.query<{ child: string; parent: string; columns: string[] }>(
    `SELECT ch.relname AS child, pa.relname AS parent,
            array(SELECT attname::text FROM pg_attribute WHERE attrelid = f.conrelid AND attnum = ANY (f.conkey)) AS columns
       FROM pg_constraint f
       JOIN pg_class ch ON ch.oid = f.conrelid JOIN pg_namespace n ON n.oid = ch.relnamespace AND n.nspname = 'public'
       JOIN pg_class pa ON pa.oid = f.confrelid
      WHERE f.contype = 'f'`,
  );
  const tables = new Map(
    rows
      .filter((r) => !LEFT_OUT.has(r.name))
      .map((r) => [r.name, { name: r.name, columns: r.columns, identities: r.identities, jsonNotNull: r.jsonNotNull, orderBy: r.key ?? r.columns, selfReferences: [] as string[] }]),
  );
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const ref of references.rows) {
    const table = tables.get(ref.child);
    if (!table) continue;
    if (ref.child === ref.parent) table.selfReferences.push(...ref.columns);
    else if (tables.has(ref.parent)) parents.get(ref.child)!.add(ref.parent);
  }
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.size) {
    const ready = [...tables.keys()].filter((name) => !placed.has(name) && [...parents.get(name)!].every((p) => placed.has(p))).sort();
    if (ready.length === 0) throw new Error(`the tables ${[...tables.keys()].filter((n) => !placed.has(n)).join(', ')} reference each other in a cycle`);
    for (const name of ready) {
      placed.add(name);
      ordered.push(tables.get(name)!);
    }
  }
  return ordered;
}

/** A name quoted for SQL (every name here comes from the catalogue, quoted all the same). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
