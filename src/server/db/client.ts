import pg from 'pg';
import { statementNames } from './embedded/named-statements.ts';

// Dates stay 'YYYY-MM-DD' strings and bigint ids become numbers: our ids never pass 2^53.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Anything that runs SQL: the pool, or the client of an open transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export type Engine = 'embedded' | 'postgresql';

/** The connection pool's state, for metrics. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** The database as the rest of the server sees it: one interface for both engines. */
export interface Db extends Queryable {
  engine: Engine;
  /** Runs `work` in one transaction; rolls back on any error. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, a bulk load into an empty database (the demo's), with commits that need not
   * reach the disk one by one, everything durable once it ends (the embedded engine's flush
   * per commit would make the demo's first load slower); on PostgreSQL, just `work`.
   */
  bulkLoad<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Connections open, idle, and requests waiting for one (absent on a stand-in). */
  poolStats?(): PoolStats;
  /** `text` as a named prepared statement, parsed and planned once per connection (absent on a stand-in): see queryPrepared. */
  queryPrepared?<R extends pg.QueryResultRow = pg.QueryResultRow>(name: string, text: string, params: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * Runs a statement sent on every request (the caller's session or token) as a named prepared
 * statement where `q` is the pool, so that PostgreSQL parses and plans it once per connection
 * rather than on every request (issue 17: a quarter of a millisecond of its CPU a request);
 * as a plain query on a transaction's client or a stand-in. `name` must be unique to `text`.
 */
export function queryPrepared<R extends pg.QueryResultRow = pg.QueryResultRow>(q: Queryable, name: string, text: string, params: unknown[]): Promise<pg.QueryResult<R>> {
  const db = q as Partial<Db>;
  return db.queryPrepared ? db.queryPrepared<R>(name, text, params) : q.query<R>(text, params);
}

/**
 * Connects to PostgreSQL at `url`. The embedded engine gets a pool of one connection:
 * PGlite has one session, and its socket (embedded/wire-server.ts) takes one connection.
 */
export function connectDb(url: string, engine: Engine, onClose?: () => Promise<void>, bulkLoad?: Db['bulkLoad']): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: engine === 'embedded' ? 1 : 10,
    idleTimeoutMillis: 0,
  });
  pool.on('error', () => undefined);
  // A terminated backend can emit 'error' more than once (its FATAL message, then the closed
  // socket); pg-pool's own listener on a checked-out client takes only the first, and a second
  // unheard would end the process. The failure still reaches whoever queries the connection.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // The embedded engine's queries are prepared once on its one connection (named-statements.ts).
  const names = engine === 'embedded' ? statementNames() : null;
  const named = (on: pg.Pool | pg.PoolClient): Queryable =>
    names ? { query: (text, params) => on.query(names.config(text, params)) } : on;
  const pooled = named(pool);
  return {
    engine,
    query: (text, params) => pooled.query(text, params),
    async transaction(work) {
      const client = await pool.connect();
      // A connection that dies while checked out (a terminated backend, the embedded database's
      // process gone) says so with an 'error' event, which would end the whole process unheard;
      // the transaction's next query fails instead, and the connection is not reused.
      let broken: Error | undefined;
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(named(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    queryPrepared: (name, text, params) => pool.query({ name, text, values: params }),
    bulkLoad: bulkLoad ?? ((work) => work()),
    async close() {
      await pool.end();
      await onClose?.();
    },
  };
}
