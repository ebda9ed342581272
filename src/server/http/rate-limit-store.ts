import type { Queryable } from '../db/client.ts';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

/**
 * A store for @fastify/rate-limit kept in the database (`rate_limit_hits`), so that every
 * server process on one database counts the same hits: an address limited on one is limited
 * on all. Fixed windows, one atomic upsert per hit; keys are namespaced by route.
 */
export function databaseRateLimitStore(db: Queryable): new (options?: unknown) => object {
  class DatabaseStore {
    constructor(
      _options?: unknown,
      private readonly route = 'global',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const id = `${this.route} ${key}`;
      db.query<Result>(
        `INSERT INTO rate_limit_hits AS r (key, window_start, hits) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           window_start = CASE WHEN r.window_start + $2 * interval '1 millisecond' <= now() THEN now() ELSE r.window_start END,
           hits = CASE WHEN r.window_start + $2 * interval '1 millisecond' <= now() THEN 1 ELSE r.hits + 1 END
         RETURNING hits AS current, GREATEST(0, ceil(extract(epoch FROM (window_start + $2 * interval '1 millisecond' - now())) * 1000))::int AS ttl`,
        [id, timeWindow],
      ).then(
        (r) => {
          callback(null, r.rows[0]!);
          // Windows long past are of no further use: cleared now and then, not on every hit.
          if (Math.random() < 0.01) void db.query(`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`).catch(() => undefined);
        },
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { routeInfo?: { method?: unknown; url?: unknown } }): DatabaseStore {
      const info = routeOptions.routeInfo ?? {};
      return new DatabaseStore(undefined, `${String(info.method ?? '')} ${String(info.url ?? '')}`.trim() || 'global');
    }
  }
  return DatabaseStore;
}
