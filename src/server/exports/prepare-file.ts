import type { RequestContext } from '../core/request-context.ts';
import { DomainError, parseOrThrow } from '../core/errors.ts';
import { isRouteResult, type RouteDeps } from '../core/routes.ts';
import { authorize } from '../policies/policies.ts';
import { tableFile, type TableFile } from '../interop/table-export.ts';
import type { ExportFormat } from '../../shared/contracts/exports.ts';
import { exportableRoutes, type ExportableRoute } from './exportables.ts';

/** The largest file a prepared export keeps (the table's CHECK says the same). */
export const PREPARED_FILE_MAX_BYTES = 50 * 1024 * 1024;

/** What was asked: the exportable's name, the file's format, the filters as a URL's query carries them. */
export interface ExportAsk {
  what: string;
  format: ExportFormat;
  query: Record<string, string | string[]>;
}

function routeOf(what: string): ExportableRoute {
  const exportable = exportableRoutes().get(what);
  if (!exportable) throw new DomainError('validation_failed', 'invalid', { fields: [{ field: 'what', reason: 'invalid_value' }] });
  return exportable;
}

/**
 * The route's own checks of `ask` for the caller of `ctx`: its policy (403), its query contract
 * (400, each field named `query.<name>`). Returns the query as the route's handler takes it.
 */
export function checkAsk(ctx: RequestContext, ask: ExportAsk): unknown {
  const { route, formats } = routeOf(ask.what);
  const policy = route.options.policy;
  if (policy === 'public' || policy === 'signed-in') throw new Error(`exportable ${ask.what} declares no entity policy`);
  authorize(ctx.actor, policy.entity, policy.action);
  if (!formats.includes(ask.format)) throw new DomainError('validation_failed', 'invalid', { fields: [{ field: 'format', reason: 'invalid_value' }] });
  const schema = route.options.query;
  if (!schema) return {};
  try {
    return parseOrThrow(schema, { ...ask.query, format: ask.format });
  } catch (error) {
    if (error instanceof DomainError && error.extra.fields)
      throw new DomainError(error.code, error.kind, { fields: error.extra.fields.map((f) => ({ ...f, field: `query.${f.field}` })) });
    throw error;
  }
}

/**
 * Makes the file `ask` names as the caller of `ctx`: the synchronous route's handler run with
 * the same checks, its table or file turned into bytes as `http/mount-routes.ts` sends them.
 */
export async function prepareFile(ctx: RequestContext, deps: RouteDeps, ask: ExportAsk): Promise<TableFile & { body: Buffer }> {
  const query = checkAsk(ctx, ask);
  const { route } = routeOf(ask.what);
  const result = await route.handler({ ctx, deps, params: undefined, query, body: undefined, file: undefined });
  if (!isRouteResult(result) || (result.kind !== 'table' && result.kind !== 'file')) throw new Error(`exportable ${ask.what} answered with no file`);
  const made = result.kind === 'table' ? await tableFile(result.table, result.format) : { body: result.body, contentType: result.contentType, fileName: result.fileName ?? `${ask.what}.${ask.format}` };
  const body = typeof made.body === 'string' ? Buffer.from(made.body, 'utf8') : made.body;
  if (body.length > PREPARED_FILE_MAX_BYTES) throw new DomainError('export_too_large', 'too_large');
  return { ...made, body };
}
