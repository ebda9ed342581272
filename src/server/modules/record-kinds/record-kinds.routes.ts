import { z } from 'zod';
import { created, declareRoutes, del, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, table, type RouteGroup } from '../../core/routes.ts';
import { IdParams, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { recordContract } from '../../../shared/kinds/record-contract.ts';
import type { RecordKind } from '../../../shared/kinds/record-kind.ts';
import { RECORD_KINDS } from '../../../shared/kinds/record-kinds.ts';
import { listKindRecords, type KindQuery } from './record-kinds.repo.ts';
import { kindTable } from './record-kinds.presenter.ts';
import { createKindRecord, deleteKindRecordAt, exportKindRecords, getKindRecord, stepKindRecord, updateKindRecordFields } from './record-kinds.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

type ListQuery = KindQuery & { format: 'json' | 'csv' | 'xlsx'; page: number; pageSize: number };

/** The routes of one kind described down to its fields, under its path: list (and its export), one, create, edit, delete, step. */
function kindRoutes(kind: RecordKind): RouteGroup {
  const { Input, Update, Transition, Query, Record } = recordContract(kind);
  const base = `/api/${kind.path}`;
  // Summaries from its own name, which may be any noun: no article to get wrong.
  const [one, many] = [kind.name.one.en, kind.name.many.en];
  return declareRoutes(kind.path, [
    get(base, { summary: `${many}: list`, ...policy(kind.policy, 'read'), query: Query, response: jsonOrTable(pageOf(Record)) }, async ({ ctx, query }) => {
      const { format, ...filters } = query as ListQuery;
      if (format === 'json') {
        const { rows, total } = await listKindRecords(kind, ctx, filters);
        return { items: rows, total, page: filters.page, pageSize: filters.pageSize };
      }
      const items = await exportKindRecords(ctx, kind, { query: filters });
      return table(kindTable(kind, items, ctx.locale, `${kind.path}-${officeToday()}`), format);
    }),

    get(`${base}/:id`, { summary: `${one}: read`, ...policy(kind.policy, 'read'), params: IdParams, response: { 200: Record } }, async ({ ctx, params }) => getKindRecord(ctx, kind, { id: params.id })),

    post(base, { summary: `${one}: create`, ...policy(kind.policy, 'create'), body: Input, response: { 201: Record } }, async ({ ctx, body }) => created(await createKindRecord(ctx, kind, { input: body }))),

    patch(`${base}/:id`, { summary: `${one}: change`, ...policy(kind.policy, 'update'), params: IdParams, body: Update, response: { 200: Record } }, async ({ ctx, params, body }) =>
      updateKindRecordFields(ctx, kind, { id: params.id, input: body as Record<string, unknown> & { version: number } }),
    ),

    del(`${base}/:id`, { summary: `${one}: delete`, ...policy(kind.policy, 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
      await deleteKindRecordAt(ctx, kind, { id: params.id, version: query.version });
      return noContent();
    }),

    post(`${base}/:id/transitions`, { summary: `${one}: move along its workflow`, ...policy(kind.policy, 'update'), params: IdParams, body: Transition, response: { 200: Record } }, async ({ ctx, params, body }) =>
      stepKindRecord(ctx, kind, { id: params.id, input: body as { to: string; on?: string; version: number } }),
    ),
  ]);
}

/** Every kind of the registry (shared/kinds/record-kinds.ts), declared by the one module: a new small kind needs no route of its own. */
export const recordKindsRoutes: RouteGroup[] = RECORD_KINDS.map(kindRoutes);
