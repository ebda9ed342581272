import { z } from 'zod';
import { created, declareRoutes, del, fieldRights, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, table } from '../../core/routes.ts';
import { IdParams, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import { Honour, HonourInput, HonourQuery, HonourUpdate, PersonHonours } from '../../../shared/contracts/honours.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { unitNames } from '../units/units.service.ts';
import { listHonours } from './honours.repo.ts';
import { honoursTable } from './honours.presenter.ts';
import { createHonour, deleteHonour, exportHonours, getHonour, getPersonHonours, updateHonour } from './honours.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Honours from abroad received by our people: the list (and its export), one honour, a person's honours. */
export const honoursRoutes = declareRoutes('honours', [
  get('/api/honours', { summary: 'List honours received from abroad', ...policy('honour', 'read'), query: HonourQuery, response: jsonOrTable(pageOf(Honour)) }, async ({ ctx, deps: { db }, query: { format, ...query } }) => {
    if (format === 'json') {
      const { rows, total } = await listHonours(ctx, query);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportHonours(ctx, { query: filters });
    return table(honoursTable(items, await unitNames(db, ctx.locale), ctx.locale, `honours-${query.asOf ?? officeToday()}`), format);
  }),

  get('/api/honours/:id', { summary: 'Read an honour', ...policy('honour', 'read'), params: IdParams, response: { 200: Honour } }, async ({ ctx, params }) => getHonour(ctx, { id: params.id })),

  post('/api/honours', { summary: 'Record an honour', ...policy('honour', 'create'), ...fieldRights('honour'), body: HonourInput, response: { 201: Honour } }, async ({ ctx, body }) =>
    created(await createHonour(ctx, { input: body })),
  ),

  patch('/api/honours/:id', { summary: 'Change an honour', ...policy('honour', 'update'), ...fieldRights('honour'), params: IdParams, body: HonourUpdate, response: { 200: Honour } }, async ({ ctx, params, body }) =>
    updateHonour(ctx, { id: params.id, input: body }),
  ),

  del('/api/honours/:id', { summary: 'Delete an honour', ...policy('honour', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteHonour(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  get('/api/people/:id/honours', { summary: "List a person's honours", ...policy('honour', 'read'), params: IdParams, response: { 200: PersonHonours } }, async ({ ctx, params }) => getPersonHonours(ctx, { personId: params.id })),
]);
