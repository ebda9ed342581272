import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { notFound } from '../../core/errors.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { UnitInput, UnitUpdate } from '../../../shared/contracts/units.ts';
import { findUnit, listUnits } from './units.repo.ts';
import { createUnit, updateUnit } from './units.service.ts';

/** Our organization: schools, departments, affiliated hospitals. */
export function unitsRoutes(app: App, { db }: ServerContext): void {
  const tags = ['units'];
  app.get('/api/units', { config: policy('unit', 'read'), schema: { tags } }, async () => listUnits(db));
  app.get('/api/units/:id', { config: policy('unit', 'read'), schema: { tags, params: IdParams } }, async (request) => {
    const row = await findUnit(db, request.params.id);
    if (!row) throw notFound();
    return row;
  });
  app.post('/api/units', { config: policy('unit', 'create'), schema: { tags, body: UnitInput } }, async (request, reply) =>
    reply.status(201).send(await createUnit(request.ctx!, { input: request.body })),
  );
  app.patch('/api/units/:id', { config: policy('unit', 'update'), schema: { tags, params: IdParams, body: UnitUpdate } }, async (request) =>
    updateUnit(request.ctx!, { id: request.params.id, input: request.body }),
  );
}
