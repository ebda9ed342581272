import type { Db, Queryable } from '../../db/client.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { Figure, FigureSet } from '../../../shared/contracts/reports.ts';
import { figureSetOf } from './figure-set.ts';
import { figureContext, type FigureContext } from './figure-context.ts';
import { FIGURE_GROUPS, type FigureGroup } from './figure-groups.ts';
import { keepAnswer } from '../../core/kept-answers.ts';

/** How many figure sets a server keeps per database: a few readers' (the school's, each coordinator's unit) on a few dates. */
export const FIGURE_CACHE_SIZE = 16;

/**
 * The figures' change counters (migrations 0034, 0047): each table's rises, in the writer's own
 * transaction, with every statement that writes it (a new `people` row apart, which no figure
 * can count until another table refers to it), so two reads that find the same value of a table
 * found the same table.
 */
export async function figureChangesByTable(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ table: string; changes: string }>('SELECT table_name AS table, sum(changes)::text AS changes FROM figure_changes GROUP BY table_name');
  return new Map(rows.map((r) => [r.table, r.changes]));
}

/** All the tables' changes together: it rises with every counted write (tests see a write counted). */
export async function figureChanges(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ changes: string }>('SELECT coalesce(sum(changes), 0)::text AS changes FROM figure_changes');
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

/** How many reads a database's sets answered from the cache whole, and how many computed (at least one group of figures again). */
export interface FigureCacheStats {
  kept: number;
  computed: number;
}

interface FigureCache {
  /** Whole sets, frozen with their JSON made once, under the reader and every group's counters. */
  sets: Lru<Promise<FigureSet>>;
  /** Each group's figures, under the reader and the counters of the tables the group reads. */
  groups: Lru<Promise<Figure[]>>;
  stats: FigureCacheStats;
  /** How many groups were computed (the rest of a computed set's groups were kept). */
  groupsComputed: number;
}

/** Each database's sets (tests and the CLI open several databases in one process), and its counts. */
const caches = new WeakMap<Db, FigureCache>();

function cacheOf(db: Db): FigureCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { sets: new Lru(FIGURE_CACHE_SIZE), groups: new Lru(FIGURE_CACHE_SIZE * FIGURE_GROUPS.length), stats: { kept: 0, computed: 0 }, groupsComputed: 0 };
    caches.set(db, cache);
  }
  return cache;
}

/** The reads answered from the cache and computed so far on `db`: whether a read was computed again is seen, not guessed. */
export function figureCacheStats(db: Db): FigureCacheStats {
  return { ...cacheOf(db).stats };
}

/** How many groups of figures were computed so far on `db`: whether a write recomputed only some groups is seen, not guessed. */
export function figureGroupsComputed(db: Db): number {
  return cacheOf(db).groupsComputed;
}

/**
 * Everything the figures depend on besides the tables: the date (today's office day when none is
 * asked: a date-relative set changes at midnight), whose figures (the caller's role and unit
 * reach; a coordinator's are their unit's) and the unit the office chose.
 */
function readerKey(caller: RequestContext, asOf: string, unitId: number | undefined): unknown[] {
  return [asOf, caller.actor.role, caller.scope, unitId ?? null];
}

/** A group's key: its name, the reader, and the counter of each table it reads (a table never written yet is 0). */
function groupKey(group: FigureGroup, changes: Map<string, string>, reader: unknown[]): string {
  return JSON.stringify([group.name, ...reader, group.tables.map((t) => changes.get(t) ?? '0')]);
}

/** A group's figures, kept or computed now (a failed computation is not kept). */
function groupFigures(cache: FigureCache, group: FigureGroup, key: string, ctx: FigureContext): Promise<Figure[]> {
  const kept = cache.groups.get(key);
  if (kept) return kept;
  cache.groupsComputed += 1;
  const computing = group.compute(ctx);
  cache.groups.set(key, computing);
  computing.catch(() => cache.groups.delete(key, computing));
  return computing;
}

/**
 * The figure set as computeFigureSet computes it, each group of figures (figure-groups.ts)
 * computed again only when a table it reads has been written since the same reader's last set
 * on that date: after a write, the groups that do not read its table are kept. The counters are
 * read before the figures, so a group is never kept under a value older than what it counted.
 * Concurrent reads of the same set or group share one computation; a failed one is not kept. A
 * set found whole is frozen and its JSON made once (core/kept-answers.ts): such a read costs the
 * counters' read and no serialization.
 */
export async function cachedFigureSet(caller: RequestContext, options: { asOf?: string; unitId?: number }): Promise<FigureSet> {
  const asOf = options.asOf ?? officeToday();
  const changes = await figureChangesByTable(caller);
  const reader = readerKey(caller, asOf, options.unitId);
  const keys = FIGURE_GROUPS.map((group) => groupKey(group, changes, reader));
  const setKey = JSON.stringify(keys);
  const cache = cacheOf(caller.db);
  const kept = cache.sets.get(setKey);
  if (kept) {
    cache.stats.kept += 1;
    return kept;
  }
  cache.stats.computed += 1;
  const computing = (async () => {
    const ctx = figureContext(caller, { asOf, ...(options.unitId !== undefined ? { unitId: options.unitId } : {}) });
    // One group after another: the embedded engine has a single connection.
    const figures: Figure[] = [];
    for (const [i, group] of FIGURE_GROUPS.entries()) figures.push(...(await groupFigures(cache, group, keys[i]!, ctx)));
    // Kept, so frozen (its groups' figures with it) and sent again as the JSON made the first time.
    return keepAnswer(figureSetOf(asOf, figures));
  })();
  cache.sets.set(setKey, computing);
  computing.catch(() => cache.sets.delete(setKey, computing));
  return computing;
}
