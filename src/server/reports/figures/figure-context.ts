import type { Actor } from '../../policies/actor.ts';
import { requestContext, type RequestContext } from '../../core/request-context.ts';
import { DISTINCT_FIGURES } from '../../../shared/figure-groups.ts';
import type { Figure, FigureItem, FigureKey, FigureUnit, FigureValue } from '../../../shared/contracts/reports.ts';

/** What every figure is computed with: the database, whose figures (the reader) and on which date. */
export interface FigureContext {
  /** The reader's context, which the modules' services read through: its SQL reaches `unitId`'s records only (all when null). */
  db: RequestContext;
  /** The actor of `db`: the caller, or the caller confined to `unitId`. */
  reader: Actor;
  /** The unit the figures are confined to (with its sub-units); null = the whole school. */
  unitId: number | null;
  /** A unit chosen by the office (not a coordinator's own): the records links carry it. */
  chosenUnitId: number | null;
  asOf: string;
}

/**
 * The reader the figures are computed for. A coordinator is always confined to their unit (the
 * caller's own context); the office may ask for one unit's figures, which the modules' services
 * read through the context of a coordinator of that unit, so no module needs a second,
 * unit-taking variant of its definition.
 */
export function figureContext(ctx: RequestContext, options: { asOf: string; unitId?: number }): FigureContext {
  const { asOf } = options;
  if (ctx.scope !== null) return { db: ctx, reader: ctx.actor, unitId: ctx.scope, chosenUnitId: null, asOf };
  if (options.unitId === undefined) return { db: ctx, reader: ctx.actor, unitId: null, chosenUnitId: null, asOf };
  const reader: Actor = { ...ctx.actor, role: 'coordinator', unitId: options.unitId };
  return { db: requestContext(reader, ctx.db, ctx.locale), reader, unitId: options.unitId, chosenUnitId: options.unitId, asOf };
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

/**
 * A figure's records as given, the page's link grouping them when the figure counts distinct
 * things among them (`groupBy`): the drill-down of "31 universities" then shows 31 groups, not
 * only its 199 applications.
 */
function groupedRecords(key: FigureKey, records: Figure['records']): Figure['records'] {
  const grouping = DISTINCT_FIGURES[key];
  if (!records || !grouping) return records;
  return { ...records, page: `${records.page}${records.page.includes('?') ? '&' : '?'}groupBy=${grouping}` };
}

/** A figure with its defaults: a state on `asOf`, no filters beyond the unit; a distinct count's page grouped. */
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
    records: groupedRecords(key, rest.records),
    ...(rest.items ? { items: rest.items } : {}),
  };
}
