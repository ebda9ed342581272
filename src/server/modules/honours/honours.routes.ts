import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { fieldRights, policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import { HonourInput, HonourQuery, HonourUpdate } from '../../../shared/contracts/honours.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { unitNames } from '../units/units.service.ts';
import { listHonours } from './honours.repo.ts';
import { honoursTable } from './honours.presenter.ts';
import { createHonour, deleteHonour, exportHonours, getHonour, getPersonHonours, updateHonour } from './honours.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Honours from abroad received by our people: the list (and its export), one honour, a person's honours. */
export function honoursRoutes(app: App, { db }: ServerContext): void {
  const tags = ['honours'];

  app.get('/api/honours', { config: policy('honour', 'read'), schema: { tags, querystring: HonourQuery } }, async (request, reply) => {
    const { format, ...query } = request.query;
    if (format === 'json') {
      const { rows, total } = await listHonours(request.ctx!, query);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportHonours(request.ctx!, { query: filters });
    const locale = request.ctx!.locale;
    return sendTable(reply, honoursTable(items, await unitNames(db, locale), locale, `honours-${query.asOf ?? officeToday()}`), format);
  });

  app.get('/api/honours/:id', { config: policy('honour', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getHonour(request.ctx!, { id: request.params.id }),
  );

  app.post('/api/honours', { config: { ...policy('honour', 'create'), ...fieldRights('honour') }, schema: { tags, body: HonourInput } }, async (request, reply) =>
    reply.status(201).send(await createHonour(request.ctx!, { input: request.body })),
  );

  app.patch('/api/honours/:id', { config: { ...policy('honour', 'update'), ...fieldRights('honour') }, schema: { tags, params: IdParams, body: HonourUpdate } }, async (request) =>
    updateHonour(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete('/api/honours/:id', { config: policy('honour', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await deleteHonour(request.ctx!, { id: request.params.id, version: request.query.version });
    return reply.status(204).send();
  });

  app.get('/api/people/:id/honours', { config: policy('honour', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getPersonHonours(request.ctx!, { personId: request.params.id }),
  );
}
