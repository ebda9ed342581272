import { z } from 'zod';
import { created, declareRoutes, del, get, NO_CONTENT, noContent, patch, policy, post } from '../../core/routes.ts';
import { IdParams, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import { CatalogueEntry, CatalogueQuery, Institution, InstitutionCreate, InstitutionQuery, InstitutionUpdate } from '../../../shared/contracts/institutions.ts';
import { MergeInput, MergePreview, MergePreviewQuery } from '../../../shared/contracts/merges.ts';
import { searchCatalogue } from './catalogue.repo.ts';
import { listInstitutions } from './institutions.repo.ts';
import { mergeInstitution, previewInstitutionMerge } from './institution-merge.service.ts';
import { createInstitution, deleteInstitution, getInstitution, updateInstitution } from './institutions.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Institutions and the reference catalogue they can be picked from. */
export const institutionsRoutes = declareRoutes('institutions', [
  get('/api/catalogue', { summary: 'Search the reference catalogue of institutions', ...policy('catalogue', 'read'), query: CatalogueQuery, response: { 200: z.array(CatalogueEntry) } }, async ({ deps: { db }, query }) => searchCatalogue(db, query)),

  get('/api/institutions', { summary: 'List institutions', ...policy('institution', 'read'), query: InstitutionQuery, response: { 200: pageOf(Institution) } }, async ({ deps: { db }, query }) => {
    const { rows, total } = await listInstitutions(db, query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),

  get('/api/institutions/:id', { summary: 'Read an institution', ...policy('institution', 'read'), params: IdParams, response: { 200: Institution } }, async ({ deps: { db }, params }) => getInstitution(db, params.id)),

  post(
    '/api/institutions',
    {
      summary: 'Create an institution',
      description: 'Refused (409 institution_exists, naming the one on file) when an institution has the same website domain, catalogue entry or identifier, unless createAnyway is true.',
      ...policy('institution', 'create'),
      body: InstitutionCreate,
      response: { 201: Institution },
    },
    async ({ ctx, body: { createAnyway, ...input } }) => created(await createInstitution(ctx, { input, refuseExisting: !createAnyway })),
  ),

  get('/api/institutions/:id/merge', { summary: 'Preview merging an institution into another', ...policy('institution', 'merge'), params: IdParams, query: MergePreviewQuery, response: { 200: MergePreview } }, async ({ deps: { db }, params, query }) =>
    previewInstitutionMerge(db, { id: params.id, into: query.into }),
  ),

  post(
    '/api/institutions/:id/merge',
    {
      summary: 'Merge an institution into another',
      description: 'Moves every record that names this institution to `into`, deletes this one (its id then leads to `into`) and keeps its names as other names of `into`.',
      ...policy('institution', 'merge'),
      params: IdParams,
      body: MergeInput,
      response: { 200: z.object({ institution: Institution, moved: z.record(z.string(), z.number()) }) },
    },
    async ({ ctx, params, body }) => mergeInstitution(ctx, { id: params.id, into: body.into, version: body.version, intoVersion: body.intoVersion }),
  ),

  patch('/api/institutions/:id', { summary: 'Change an institution', ...policy('institution', 'update'), params: IdParams, body: InstitutionUpdate, response: { 200: Institution } }, async ({ ctx, params, body }) =>
    updateInstitution(ctx, { id: params.id, input: body }),
  ),

  del('/api/institutions/:id', { summary: 'Delete an institution', ...policy('institution', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteInstitution(ctx, { id: params.id, version: query.version });
    return noContent();
  }),
]);
