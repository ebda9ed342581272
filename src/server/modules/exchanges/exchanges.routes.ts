import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { IdParams, IsoDate } from '../../../shared/contracts/common.ts';
import { ApplicationInput, ApplicationQuery, ApplicationTransition, ApplicationUpdate, OpportunityInput, OpportunityQuery, OpportunityUpdate } from '../../../shared/contracts/exchanges.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listApplications, listOpportunities } from './exchanges.repo.ts';
import { applicationsTable } from './exchanges.presenter.ts';
import {
  allocateOpportunity,
  createApplication,
  createOpportunity,
  exportApplications,
  getApplication,
  getOpportunity,
  transitionApplication,
  updateApplication,
  updateOpportunity,
} from './exchanges.service.ts';

const AllocationInput = z.object({ on: IsoDate.optional() });

/**
 * Outbound student exchange: the partners' offers of places (opportunities), the students'
 * applications with their selection, nomination, departure and return, and the allocation of
 * an opportunity's places by merit.
 */
export function exchangesRoutes(app: App, _context: ServerContext): void {
  const tags = ['exchanges'];
  const read = policy('exchange', 'read');
  const create = policy('exchange', 'create');
  const update = policy('exchange', 'update');

  app.get('/api/exchange-opportunities', { config: read, schema: { tags, querystring: OpportunityQuery } }, async (request) => {
    const { rows, total } = await listOpportunities(request.ctx!, request.query);
    return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.post('/api/exchange-opportunities', { config: create, schema: { tags, body: OpportunityInput } }, async (request, reply) =>
    reply.status(201).send(await createOpportunity(request.ctx!, { input: request.body })),
  );
  app.get('/api/exchange-opportunities/:id', { config: read, schema: { tags, params: IdParams } }, async (request) => getOpportunity(request.ctx!, { id: request.params.id }));
  app.patch('/api/exchange-opportunities/:id', { config: update, schema: { tags, params: IdParams, body: OpportunityUpdate } }, async (request) =>
    updateOpportunity(request.ctx!, { id: request.params.id, input: request.body }),
  );
  app.post('/api/exchange-opportunities/:id/allocation', { config: policy('exchange_selection', 'update'), schema: { tags, params: IdParams, body: AllocationInput } }, async (request) =>
    allocateOpportunity(request.ctx!, { id: request.params.id, ...(request.body.on ? { on: request.body.on } : {}) }),
  );

  app.get('/api/exchange-applications', { config: read, schema: { tags, querystring: ApplicationQuery } }, async (request, reply) => {
    const { format, ...query } = request.query;
    if (format === 'json') {
      const { rows, total } = await listApplications(request.ctx!, query);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportApplications(request.ctx!, { query: filters });
    return sendTable(reply, applicationsTable(items, request.ctx!.locale, `exchange-applications-${officeToday()}`), format);
  });
  app.post('/api/exchange-applications', { config: create, schema: { tags, body: ApplicationInput } }, async (request, reply) =>
    reply.status(201).send(await createApplication(request.ctx!, { input: request.body })),
  );
  app.get('/api/exchange-applications/:id', { config: read, schema: { tags, params: IdParams } }, async (request) => getApplication(request.ctx!, { id: request.params.id }));
  app.patch('/api/exchange-applications/:id', { config: update, schema: { tags, params: IdParams, body: ApplicationUpdate } }, async (request) =>
    updateApplication(request.ctx!, { id: request.params.id, input: request.body }),
  );
  app.post('/api/exchange-applications/:id/transitions', { config: update, schema: { tags, params: IdParams, body: ApplicationTransition } }, async (request) =>
    transitionApplication(request.ctx!, { id: request.params.id, input: request.body }),
  );
}
