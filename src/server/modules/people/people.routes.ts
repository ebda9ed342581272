import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { fieldRights, policy } from '../../http/context.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { PersonInput, PersonQuery, PersonUpdate } from '../../../shared/contracts/people.ts';
import { scopeOf, seesPersonalData } from '../../policies/policies.ts';
import { presentPerson } from './people.presenter.ts';
import { listPeople } from './people.repo.ts';
import { createPerson, deletePerson, getPerson, updatePerson } from './people.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive() });

/** People: foreign experts, visitors, our staff and students. */
export function peopleRoutes(app: App, { db, cipher }: ServerContext): void {
  const tags = ['people'];
  app.get('/api/people', { config: policy('person', 'read'), schema: { tags, querystring: PersonQuery } }, async (request) => {
    const actor = request.actor!;
    const { rows, total } = await listPeople(db, scopeOf(actor), request.query);
    const items = rows.map((row) => presentPerson(row, cipher, seesPersonalData(actor)));
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get('/api/people/:id', { config: policy('person', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getPerson({ actor: request.actor!, id: request.params.id, cipher }, db),
  );
  app.post('/api/people', { config: { ...policy('person', 'create'), ...fieldRights('person') }, schema: { tags, body: PersonInput } }, async (request, reply) =>
    reply.status(201).send(await createPerson({ actor: request.actor!, input: request.body, cipher }, db)),
  );
  app.patch('/api/people/:id', { config: { ...policy('person', 'update'), ...fieldRights('person') }, schema: { tags, params: IdParams, body: PersonUpdate } }, async (request) =>
    updatePerson({ actor: request.actor!, id: request.params.id, input: request.body, cipher }, db),
  );
  app.delete(
    '/api/people/:id',
    { config: policy('person', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deletePerson({ actor: request.actor!, id: request.params.id, version: request.query.version, cipher }, db);
      return reply.status(204).send();
    },
  );
}
