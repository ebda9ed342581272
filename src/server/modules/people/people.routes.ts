import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { fieldRights, policy } from '../../http/context.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { PersonInput, PersonQuery, PersonUpdate } from '../../../shared/contracts/people.ts';
import { seesPersonalData } from '../../policies/policies.ts';
import { presentPerson } from './people.presenter.ts';
import { listPeople } from './people.repo.ts';
import { createPerson, deletePerson, getPerson, updatePerson } from './people.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive() });

/** People: foreign experts, visitors, our staff and students. */
export function peopleRoutes(app: App, { cipher }: ServerContext): void {
  const tags = ['people'];
  app.get('/api/people', { config: policy('person', 'read'), schema: { tags, querystring: PersonQuery } }, async (request) => {
    const ctx = request.ctx!;
    const { rows, total } = await listPeople(ctx, request.query);
    const items = rows.map((row) => presentPerson(row, cipher, seesPersonalData(ctx.actor)));
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get('/api/people/:id', { config: policy('person', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getPerson(request.ctx!, { id: request.params.id, cipher }),
  );
  app.post('/api/people', { config: { ...policy('person', 'create'), ...fieldRights('person') }, schema: { tags, body: PersonInput } }, async (request, reply) =>
    reply.status(201).send(await createPerson(request.ctx!, { input: request.body, cipher })),
  );
  app.patch('/api/people/:id', { config: { ...policy('person', 'update'), ...fieldRights('person') }, schema: { tags, params: IdParams, body: PersonUpdate } }, async (request) =>
    updatePerson(request.ctx!, { id: request.params.id, input: request.body, cipher }),
  );
  app.delete(
    '/api/people/:id',
    { config: policy('person', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deletePerson(request.ctx!, { id: request.params.id, version: request.query.version, cipher });
      return reply.status(204).send();
    },
  );
}
