import { created, declareRoutes, get, patch, policy, post } from '../../core/routes.ts';
import { notFound } from '../../core/errors.ts';
import { IdParams, PageQuery, pageOf } from '../../../shared/contracts/common.ts';
import { User, UserCreated, UserInput, UserUpdate } from '../../../shared/contracts/users.ts';
import { findUserById, listUsers } from './users.repo.ts';
import { createUser, presentUser, updateUser } from './users.service.ts';

/** User administration (admin only). */
export const usersRoutes = declareRoutes('users', [
  get('/api/users', { summary: 'List user accounts', ...policy('user', 'read'), query: PageQuery, response: { 200: pageOf(User) } }, async ({ deps: { db }, query }) => {
    const { rows, total } = await listUsers(db, query);
    return { items: rows.map(presentUser), total, page: query.page, pageSize: query.pageSize };
  }),
  get('/api/users/:id', { summary: 'Read a user account', ...policy('user', 'read'), params: IdParams, response: { 200: User } }, async ({ deps: { db }, params }) => {
    const row = await findUserById(db, params.id);
    if (!row) throw notFound();
    return presentUser(row);
  }),
  post('/api/users', { summary: 'Create a user account', ...policy('user', 'create'), body: UserInput, response: { 201: UserCreated } }, async ({ ctx, body }) => created(await createUser(ctx, { input: body }))),
  patch('/api/users/:id', { summary: 'Change a user account', ...policy('user', 'update'), params: IdParams, body: UserUpdate, response: { 200: User } }, async ({ ctx, params, body }) => updateUser(ctx, { id: params.id, input: body })),
]);
