import { z } from 'zod';
import { created, declareRoutes, get, jsonOrTable, patch, policy, post, table } from '../../core/routes.ts';
import { IdParams, IsoDate, pageOf } from '../../../shared/contracts/common.ts';
import {
  AllocationResult,
  Application,
  ApplicationInput,
  ApplicationQuery,
  ApplicationTransition,
  ApplicationUpdate,
  Opportunity,
  OpportunityInput,
  OpportunityQuery,
  OpportunityUpdate,
} from '../../../shared/contracts/exchanges.ts';
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
const read = policy('exchange', 'read');
const create = policy('exchange', 'create');
const update = policy('exchange', 'update');

/**
 * Outbound student exchange: the partners' offers of places (opportunities), the students'
 * applications with their selection, nomination, departure and return, and the allocation of
 * an opportunity's places by merit.
 */
export const exchangesRoutes = declareRoutes('exchanges', [
  get('/api/exchange-opportunities', { summary: 'List exchange opportunities', ...read, query: OpportunityQuery, response: { 200: pageOf(Opportunity) } }, async ({ ctx, query }) => {
    const { rows, total } = await listOpportunities(ctx, query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),
  post('/api/exchange-opportunities', { summary: 'Create an exchange opportunity', ...create, body: OpportunityInput, response: { 201: Opportunity } }, async ({ ctx, body }) => created(await createOpportunity(ctx, { input: body }))),
  get('/api/exchange-opportunities/:id', { summary: 'Read an exchange opportunity', ...read, params: IdParams, response: { 200: Opportunity } }, async ({ ctx, params }) => getOpportunity(ctx, { id: params.id })),
  patch('/api/exchange-opportunities/:id', { summary: 'Change an exchange opportunity', ...update, params: IdParams, body: OpportunityUpdate, response: { 200: Opportunity } }, async ({ ctx, params, body }) =>
    updateOpportunity(ctx, { id: params.id, input: body }),
  ),
  post('/api/exchange-opportunities/:id/allocation', { summary: "Allocate an exchange opportunity's places", ...policy('exchange_selection', 'update'), params: IdParams, body: AllocationInput, response: { 200: AllocationResult } }, async ({ ctx, params, body }) =>
    allocateOpportunity(ctx, { id: params.id, ...(body.on ? { on: body.on } : {}) }),
  ),

  get('/api/exchange-applications', { summary: 'List exchange applications', ...read, query: ApplicationQuery, response: jsonOrTable(pageOf(Application)) }, async ({ ctx, query: { format, ...query } }) => {
    if (format === 'json') {
      const { rows, total } = await listApplications(ctx, query);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportApplications(ctx, { query: filters });
    return table(applicationsTable(items, ctx.locale, `exchange-applications-${officeToday()}`), format);
  }),
  post('/api/exchange-applications', { summary: 'Create an exchange application', ...create, body: ApplicationInput, response: { 201: Application } }, async ({ ctx, body }) => created(await createApplication(ctx, { input: body }))),
  get('/api/exchange-applications/:id', { summary: 'Read an exchange application', ...read, params: IdParams, response: { 200: Application } }, async ({ ctx, params }) => getApplication(ctx, { id: params.id })),
  patch('/api/exchange-applications/:id', { summary: 'Change an exchange application', ...update, params: IdParams, body: ApplicationUpdate, response: { 200: Application } }, async ({ ctx, params, body }) =>
    updateApplication(ctx, { id: params.id, input: body }),
  ),
  post('/api/exchange-applications/:id/transitions', { summary: 'Move an exchange application along its workflow', ...update, params: IdParams, body: ApplicationTransition, response: { 200: Application } }, async ({ ctx, params, body }) =>
    transitionApplication(ctx, { id: params.id, input: body }),
  ),
]);
