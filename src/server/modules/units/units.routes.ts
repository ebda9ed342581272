import { z } from 'zod';
import { created, declareRoutes, get, patch, policy, post } from '../../core/routes.ts';
import { notFound } from '../../core/errors.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { Unit, UnitInput, UnitUpdate } from '../../../shared/contracts/units.ts';
import { findUnit, listUnits } from './units.repo.ts';
import { createUnit, updateUnit } from './units.service.ts';

/** Our organization: schools, departments, affiliated hospitals. */
export const unitsRoutes = declareRoutes('units', [
  get('/api/units', { summary: 'List the units of the organization', ...policy('unit', 'read'), response: { 200: z.array(Unit) } }, async ({ deps: { db } }) => listUnits(db)),
  get('/api/units/:id', { summary: 'Read a unit', ...policy('unit', 'read'), params: IdParams, response: { 200: Unit } }, async ({ deps: { db }, params }) => {
    const row = await findUnit(db, params.id);
    if (!row) throw notFound();
    return row;
  }),
  post('/api/units', { summary: 'Create a unit', ...policy('unit', 'create'), body: UnitInput, response: { 201: Unit } }, async ({ ctx, body }) => created(await createUnit(ctx, { input: body }))),
  patch('/api/units/:id', { summary: 'Change a unit', ...policy('unit', 'update'), params: IdParams, body: UnitUpdate, response: { 200: Unit } }, async ({ ctx, params, body }) => updateUnit(ctx, { id: params.id, input: body })),
]);
