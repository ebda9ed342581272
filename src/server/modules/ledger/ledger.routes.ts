import { z } from 'zod';
import { created, declareRoutes, del, get, NO_CONTENT, noContent, patch, policy, post } from '../../core/routes.ts';
import { notFound } from '../../core/errors.ts';
import { IdParams, PageQuery, pageOf } from '../../../shared/contracts/common.ts';
import { Aggregate, AggregateInput, AggregateUpdate, LedgerQuery, LedgerRow, LedgerTotals } from '../../../shared/contracts/ledger.ts';
import { findAggregate, listAggregates } from './aggregates.repo.ts';
import { createAggregate, deleteAggregate, updateAggregate } from './aggregates.service.ts';
import { ledgerTotals, listLedger } from './ledger.repo.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive() });
const TotalsQuery = LedgerQuery.omit({ page: true, pageSize: true, q: true, order: true });

/** The mobility ledger (read-only) and the aggregate entries officers keep in it. */
export const ledgerRoutes = declareRoutes('ledger', [
  get('/api/ledger', { summary: 'List the mobility ledger', ...policy('ledger', 'read'), query: LedgerQuery, response: { 200: pageOf(LedgerRow) } }, async ({ ctx, query }) => {
    const { rows, total } = await listLedger(ctx, { ...query, order: query.order });
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),
  get('/api/ledger/totals', { summary: "Total the mobility ledger's filtered rows", ...policy('ledger', 'read'), query: TotalsQuery, response: { 200: LedgerTotals } }, async ({ ctx, query }) => ledgerTotals(ctx, query)),
  get('/api/ledger/aggregates', { summary: 'List aggregate ledger entries', ...policy('aggregate', 'read'), query: PageQuery, response: { 200: pageOf(Aggregate) } }, async ({ ctx, query }) => {
    const { rows, total } = await listAggregates(ctx, query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),
  get('/api/ledger/aggregates/:id', { summary: 'Read an aggregate ledger entry', ...policy('aggregate', 'read'), params: IdParams, response: { 200: Aggregate } }, async ({ ctx, params }) => {
    const row = await findAggregate(ctx, params.id);
    if (!row) throw notFound();
    return row;
  }),
  post('/api/ledger/aggregates', { summary: 'Create an aggregate ledger entry', ...policy('aggregate', 'create'), body: AggregateInput, response: { 201: Aggregate } }, async ({ ctx, body }) => created(await createAggregate(ctx, { input: body }))),
  patch('/api/ledger/aggregates/:id', { summary: 'Change an aggregate ledger entry', ...policy('aggregate', 'update'), params: IdParams, body: AggregateUpdate, response: { 200: Aggregate } }, async ({ ctx, params, body }) =>
    updateAggregate(ctx, { id: params.id, input: body }),
  ),
  del('/api/ledger/aggregates/:id', { summary: 'Delete an aggregate ledger entry', ...policy('aggregate', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteAggregate(ctx, { id: params.id, version: query.version });
    return noContent();
  }),
]);
