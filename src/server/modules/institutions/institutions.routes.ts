import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import { CatalogueQuery, InstitutionInput, InstitutionQuery, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { searchCatalogue } from './catalogue.repo.ts';
import { listInstitutions } from './institutions.repo.ts';
import { createInstitution, deleteInstitution, getInstitution, updateInstitution } from './institutions.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Institutions and the reference catalogue they can be picked from. */
export function institutionsRoutes(app: App, { db }: ServerContext): void {
  const tags = ['institutions'];

  app.get('/api/catalogue', { config: policy('catalogue', 'read'), schema: { tags, querystring: CatalogueQuery } }, async (request) =>
    searchCatalogue(db, request.query),
  );

  app.get('/api/institutions', { config: policy('institution', 'read'), schema: { tags, querystring: InstitutionQuery } }, async (request) => {
    const { rows, total } = await listInstitutions(db, request.query);
    return { items: rows, total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get('/api/institutions/:id', { config: policy('institution', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getInstitution(db, request.params.id),
  );

  app.post('/api/institutions', { config: policy('institution', 'create'), schema: { tags, body: InstitutionInput } }, async (request, reply) => {
    const row = await createInstitution(request.ctx!, { input: request.body });
    return reply.status(201).send(row);
  });

  app.patch(
    '/api/institutions/:id',
    { config: policy('institution', 'update'), schema: { tags, params: IdParams, body: InstitutionUpdate } },
    async (request) => updateInstitution(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/institutions/:id',
    { config: policy('institution', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deleteInstitution(request.ctx!, { id: request.params.id, version: request.query.version });
      return reply.status(204).send();
    },
  );
}
