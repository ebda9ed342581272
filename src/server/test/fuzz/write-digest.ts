import type { Db } from '../../db/client.ts';

/**
 * Columns a request touches without writing anything of the office's: when a session or a
 * token was last seen. Those tables are digested by their rows and revocations only. A failed
 * sign-in or password check must be counted, refused or not: the throttle's own tables are
 * left out, and so is the per-address request limit's, which counts every request it sees.
 */
const TOUCHED: Record<string, string> = {
  sessions: 'count(*)::text',
  api_tokens: "count(*) || ':' || count(revoked_at)",
};
const LEFT_OUT = new Set(['sign_in_accounts', 'sign_in_attempts', 'rate_limit_hits']);

/**
 * A query whose value changes whenever any row of any table is inserted, updated or deleted:
 * per table, its row count and the newest writing transaction (max xmin).
 */
async function digestQuery(db: Db): Promise<string> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  // An aggregate, so that each part is one row even for an empty table; coalesce, so that it is never null.
  const parts = rows.filter(({ name }) => !LEFT_OUT.has(name)).map(({ name }) => `'${name}=' || coalesce((SELECT ${TOUCHED[name] ?? "count(*) || ':' || coalesce(max(xmin::text::bigint), 0)"} FROM "${name}" LIMIT 1), '?')`);
  return `SELECT ${parts.join(" || ' ' || ")} AS digest`;
}

/** Watches for writes around a request: before() it, and after() says what changed (null: nothing). */
export interface WriteWatch {
  before(): Promise<void>;
  /** What changed since before(), as "table=rows:xmin" parts; null when nothing did. */
  after(): Promise<string | null>;
  /** The request was allowed to write: the next before() starts afresh. */
  wrote(): void;
}

/**
 * A watch over every table. Cheap on the common path: a row can only be written by a
 * transaction that was given an id, so when the next transaction id has not moved, nothing
 * was written and the tables are not read; when it has, the full digest is compared.
 */
export async function writeWatch(db: Db): Promise<WriteWatch> {
  const sql = await digestQuery(db);
  const nextXid = async () => (await db.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x')).rows[0]!.x;
  const full = async () => (await db.query<{ digest: string }>(sql)).rows[0]!.digest;
  let state: { xid: string; digest: string } | null = null;
  return {
    async before() {
      if (!state) state = { xid: await nextXid(), digest: await full() };
    },
    async after() {
      if (!state) throw new Error('after() without before()');
      const xid = await nextXid();
      if (xid === state.xid) return null;
      const digest = await full();
      const previous = new Set(state.digest.split(' '));
      state = { xid, digest };
      const changed = digest.split(' ').filter((part) => !previous.has(part));
      return changed.length ? changed.join(' ') : null;
    },
    wrote() {
      state = null;
    },
  };
}
