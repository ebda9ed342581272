import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../policies/actor.ts';
import type { Figure, FigureItem, FigureKey, FigureUnit, FigureValue } from '../../../shared/contracts/reports.ts';

/** What every figure is computed with: the database, whose figures (the reader) and on which date. */
export interface FigureContext {
  db: Queryable;
  /** The actor the modules' services confine by: the caller, or the caller confined to `unitId`. */
  reader: Actor;
  /** The unit the figures are confined to (with its sub-units); null = the whole school. */
  unitId: number | null;
  /** A unit chosen by the office (not a coordinator's own): the records links carry it. */
  chosenUnitId: number | null;
  asOf: string;
}

/**
 * The reader the figures are computed for. A coordinator is always confined to their unit; the
 * office may ask for one unit's figures, which the modules' services read exactly as they read a
 * coordinator of that unit (every service confines by `scopeOf(actor)`), so no module needs a
 * second, unit-taking variant of its definition.
 */
export function figureContext(options: { db: Queryable; actor: Actor; asOf: string; unitId?: number }): FigureContext {
  const { db, actor, asOf } = options;
  if (actor.role === 'coordinator') return { db, reader: actor, unitId: actor.unitId, chosenUnitId: null, asOf };
  if (options.unitId === undefined) return { db, reader: actor, unitId: null, chosenUnitId: null, asOf };
  return { db, reader: { ...actor, role: 'coordinator', unitId: options.unitId }, unitId: options.unitId, chosenUnitId: options.unitId, asOf };
}

/** `path?query` with the parameters that are set, in the order given. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The API list and the web page of the same records: the page takes the same query as the API. */
export function recordsAt(apiPath: string, pagePath: string, params: Record<string, string | number | null | undefined>): Figure['records'] {
  return { api: withQuery(apiPath, params), page: withQuery(pagePath, params) };
}

/** A figure with its defaults: a state on `asOf`, no filters beyond the unit. */
export function figure(
  ctx: FigureContext,
  key: FigureKey,
  counts: FigureUnit,
  value: FigureValue,
  rest: { from?: string | null; to?: string | null; asOf?: string | null; records: Figure['records']; items?: FigureItem[]; filters?: Figure['filters'] },
): Figure {
  return {
    key,
    value,
    counts,
    asOf: rest.asOf === undefined ? ctx.asOf : rest.asOf,
    from: rest.from ?? null,
    to: rest.to ?? null,
    filters: { ...(ctx.unitId !== null ? { unitId: ctx.unitId } : {}), ...rest.filters },
    records: rest.records,
    ...(rest.items ? { items: rest.items } : {}),
  };
}
