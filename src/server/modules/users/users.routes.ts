import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { notFound } from '../../core/errors.ts';
import { IdParams, PageQuery } from '../../../shared/contracts/common.ts';
import { UserInput, UserUpdate } from '../../../shared/contracts/users.ts';
import { findUserById, listUsers } from './users.repo.ts';
import { createUser, presentUser, updateUser } from './users.service.ts';

/** User administration (admin only). */
export function usersRoutes(app: App, { db }: ServerContext): void {
  const tags = ['users'];
  app.get('/api/users', { config: policy('user', 'read'), schema: { tags, querystring: PageQuery } }, async (request) => {
    const { rows, total } = await listUsers(db, request.query);
    return { items: rows.map(presentUser), total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get('/api/users/:id', { config: policy('user', 'read'), schema: { tags, params: IdParams } }, async (request) => {
    const row = await findUserById(db, request.params.id);
    if (!row) throw notFound();
    return presentUser(row);
  });
  app.post('/api/users', { config: policy('user', 'create'), schema: { tags, body: UserInput } }, async (request, reply) =>
    reply.status(201).send(await createUser(request.ctx!, { input: request.body })),
  );
  app.patch('/api/users/:id', { config: policy('user', 'update'), schema: { tags, params: IdParams, body: UserUpdate } }, async (request) =>
    updateUser(request.ctx!, { id: request.params.id, input: request.body }),
  );
}
