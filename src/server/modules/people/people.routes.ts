import { z } from 'zod';
import { created, declareRoutes, del, fieldRights, get, NO_CONTENT, noContent, patch, policy, post } from '../../core/routes.ts';
import { IdParams, pageOf } from '../../../shared/contracts/common.ts';
import { MergeInput, MergePreview, MergePreviewQuery } from '../../../shared/contracts/merges.ts';
import { Person, PersonInput, PersonQuery, PersonUpdate } from '../../../shared/contracts/people.ts';
import { seesPersonalData } from '../../policies/policies.ts';
import { presentPerson } from './people.presenter.ts';
import { listPeople } from './people.repo.ts';
import { mergePerson, previewPersonMerge } from './person-merge.service.ts';
import { createPerson, deletePerson, getPerson, updatePerson } from './people.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive() });

/** People: foreign experts, visitors, our staff and students. */
export const peopleRoutes = declareRoutes('people', [
  get('/api/people', { summary: 'List people', ...policy('person', 'read'), query: PersonQuery, response: { 200: pageOf(Person) } }, async ({ ctx, deps: { cipher }, query }) => {
    const { rows, total } = await listPeople(ctx, query);
    const items = rows.map((row) => presentPerson(row, cipher, seesPersonalData(ctx.actor)));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }),
  get('/api/people/:id', { summary: 'Read a person', ...policy('person', 'read'), params: IdParams, response: { 200: Person } }, async ({ ctx, deps: { cipher }, params }) => getPerson(ctx, { id: params.id, cipher })),
  post('/api/people', { summary: 'Create a person', ...policy('person', 'create'), ...fieldRights('person'), body: PersonInput, response: { 201: Person } }, async ({ ctx, deps: { cipher }, body }) =>
    created(await createPerson(ctx, { input: body, cipher })),
  ),
  patch('/api/people/:id', { summary: 'Change a person', ...policy('person', 'update'), ...fieldRights('person'), params: IdParams, body: PersonUpdate, response: { 200: Person } }, async ({ ctx, deps: { cipher }, params, body }) =>
    updatePerson(ctx, { id: params.id, input: body, cipher }),
  ),
  get('/api/people/:id/merge', { summary: 'Preview merging a person into another', ...policy('person', 'merge'), params: IdParams, query: MergePreviewQuery, response: { 200: MergePreview } }, async ({ ctx, params, query }) =>
    previewPersonMerge(ctx, { id: params.id, into: query.into }),
  ),
  post(
    '/api/people/:id/merge',
    {
      summary: 'Merge a person into another',
      description: 'Moves every record and ledger row that names this person to `into`, deletes this one (its id then leads to `into`); refused where both are on the same record. A coordinator merges only their unit\'s people.',
      ...policy('person', 'merge'),
      params: IdParams,
      body: MergeInput,
      response: { 200: z.object({ person: Person, moved: z.record(z.string(), z.number()) }) },
    },
    async ({ ctx, deps: { cipher }, params, body }) => mergePerson(ctx, { id: params.id, into: body.into, version: body.version, intoVersion: body.intoVersion, cipher }),
  ),
  del('/api/people/:id', { summary: 'Delete a person', ...policy('person', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, deps: { cipher }, params, query }) => {
    await deletePerson(ctx, { id: params.id, version: query.version, cipher });
    return noContent();
  }),
]);
