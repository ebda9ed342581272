import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { notFound } from '../../core/errors.ts';
import { IdParams, PageQuery } from '../../../shared/contracts/common.ts';
import { AggregateInput, AggregateUpdate, LedgerQuery } from '../../../shared/contracts/ledger.ts';
import { findAggregate, listAggregates } from './aggregates.repo.ts';
import { createAggregate, deleteAggregate, updateAggregate } from './aggregates.service.ts';
import { ledgerTotals, listLedger } from './ledger.repo.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive() });
const TotalsQuery = LedgerQuery.omit({ page: true, pageSize: true, q: true, order: true });

/** The mobility ledger (read-only) and the aggregate entries officers keep in it. */
export function ledgerRoutes(app: App, _context: ServerContext): void {
  const tags = ['ledger'];
  app.get('/api/ledger', { config: policy('ledger', 'read'), schema: { tags, querystring: LedgerQuery } }, async (request) => {
    const { rows, total } = await listLedger(request.ctx!, { ...request.query, order: request.query.order });
    return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get('/api/ledger/totals', { config: policy('ledger', 'read'), schema: { tags, querystring: TotalsQuery } }, async (request) =>
    ledgerTotals(request.ctx!, request.query),
  );
  app.get('/api/ledger/aggregates', { config: policy('aggregate', 'read'), schema: { tags, querystring: PageQuery } }, async (request) => {
    const { rows, total } = await listAggregates(request.ctx!, request.query);
    return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get('/api/ledger/aggregates/:id', { config: policy('aggregate', 'read'), schema: { tags, params: IdParams } }, async (request) => {
    const row = await findAggregate(request.ctx!, request.params.id);
    if (!row) throw notFound();
    return row;
  });
  app.post('/api/ledger/aggregates', { config: policy('aggregate', 'create'), schema: { tags, body: AggregateInput } }, async (request, reply) =>
    reply.status(201).send(await createAggregate(request.ctx!, { input: request.body })),
  );
  app.patch(
    '/api/ledger/aggregates/:id',
    { config: policy('aggregate', 'update'), schema: { tags, params: IdParams, body: AggregateUpdate } },
    async (request) => updateAggregate(request.ctx!, { id: request.params.id, input: request.body }),
  );
  app.delete(
    '/api/ledger/aggregates/:id',
    { config: policy('aggregate', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deleteAggregate(request.ctx!, { id: request.params.id, version: request.query.version });
      return reply.status(204).send();
    },
  );
}
