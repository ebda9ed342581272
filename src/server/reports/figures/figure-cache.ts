import type { Db, Queryable } from '../../db/client.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { FigureSet } from '../../../shared/contracts/reports.ts';
import { computeFigureSet } from './figure-set.ts';
import { keepAnswer } from '../../core/kept-answers.ts';

/** How many figure sets a server keeps per database: a few readers' (the school's, each coordinator's unit) on a few dates. */
export const FIGURE_CACHE_SIZE = 16;

/**
 * The figures' change counter (migration 0034): it rises, in the writer's own transaction, with
 * every statement that writes a table the figures read, so two reads that find the same value
 * found the same figures' tables.
 */
export async function figureChanges(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ changes: string }>('SELECT sum(changes)::text AS changes FROM figure_changes');
  return rows[0]!.changes;
}

/** The least recently read entries go first when a set is added beyond `size`. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string, value: V): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }
}

/** How many reads a database's sets answered from the cache, and how many they computed. */
export interface FigureCacheStats {
  kept: number;
  computed: number;
}

/** Each database's sets (tests and the CLI open several databases in one process), and its counts. */
const caches = new WeakMap<Db, { sets: Lru<Promise<FigureSet>>; stats: FigureCacheStats }>();

function cacheOf(db: Db): { sets: Lru<Promise<FigureSet>>; stats: FigureCacheStats } {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { sets: new Lru(FIGURE_CACHE_SIZE), stats: { kept: 0, computed: 0 } }));
  return cache;
}

/** The reads answered from the cache and computed so far on `db`: whether a read was computed again is seen, not guessed. */
export function figureCacheStats(db: Db): FigureCacheStats {
  return { ...cacheOf(db).stats };
}

/**
 * Everything the figures depend on besides the tables: the counter, the date (today's office day
 * when none is asked: a date-relative set changes at midnight), whose figures (the caller's role
 * and unit reach; a coordinator's are their unit's) and the unit the office chose.
 */
function cacheKey(changes: string, caller: RequestContext, asOf: string, unitId: number | undefined): string {
  return JSON.stringify([changes, asOf, caller.actor.role, caller.scope, unitId ?? null]);
}

/**
 * The figure set as computeFigureSet computes it, computed again only when a table it reads has
 * been written since the same reader's last set on that date (the counter is read before the
 * figures, so a set is never kept under a value older than what it counted). Concurrent reads
 * of the same set share one computation; a failed one is not kept. A kept set is frozen and its
 * JSON made once (core/kept-answers.ts): a kept read costs the counter's read and no serialization.
 */
export async function cachedFigureSet(caller: RequestContext, options: { asOf?: string; unitId?: number }): Promise<FigureSet> {
  const asOf = options.asOf ?? officeToday();
  const key = cacheKey(await figureChanges(caller), caller, asOf, options.unitId);
  const { sets, stats } = cacheOf(caller.db);
  const kept = sets.get(key);
  if (kept) {
    stats.kept += 1;
    return kept;
  }
  stats.computed += 1;
  // Kept, so frozen and sent again as the JSON made the first time (core/kept-answers.ts).
  const computing = computeFigureSet(caller, { ...options, asOf }).then(keepAnswer);
  sets.set(key, computing);
  computing.catch(() => sets.delete(key, computing));
  return computing;
}
