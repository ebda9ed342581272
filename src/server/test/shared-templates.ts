/**
 * The PostgreSQL server the tests use is shared by every checkout on the machine, each with its
 * own schema digest: a run may drop another digest's template or demo copy only once no run has
 * used it for hours, or it pulls the database from under a run still going in another checkout.
 */
import type pg from 'pg';

const NOTE = 'interchange test database, last used ';
/** How long a template or demo copy nobody uses is kept. */
const UNUSED_FOR_MS = 6 * 3_600_000;

/** Marks `name` as used now (its comment), so that other checkouts' runs keep it. */
export async function markUsed(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`COMMENT ON DATABASE ${name} IS '${NOTE}${new Date().toISOString()}'`);
}

/** The databases whose name matches `pattern` (a regular expression), other than `keep`, that no run has used for hours. */
export async function unusedDatabases(admin: pg.Client, pattern: string, keep: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string; note: string | null }>(
    "SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname ~ $1 AND datname <> $2",
    [pattern, keep],
  );
  const now = Date.now();
  return rows
    .filter(({ note }) => {
      const used = note?.startsWith(NOTE) ? Date.parse(note.slice(NOTE.length)) : NaN;
      return !(now - used < UNUSED_FOR_MS);
    })
    .map((r) => r.datname);
}
