import { declareRoutes, file, fileResponse, get, policy, post } from '../../core/routes.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { Person } from '../../../shared/contracts/people.ts';
import { PersonErase } from '../../../shared/contracts/person-rights.ts';
import { erasePerson } from './person-erase.service.ts';
import { exportPerson } from './person-export.service.ts';

/** A person's data rights: everything held about them as a JSON file, and erasure of their personal data. */
export const personRightsRoutes = declareRoutes('people', [
  get(
    '/api/people/:id/export',
    { summary: 'Download everything held about a person as JSON', ...policy('person', 'export'), params: IdParams, response: fileResponse('application/json'), description: 'Everything held about the person, as a JSON download (audited).' },
    async ({ ctx, deps: { cipher }, params }) => {
      const { fileName, body } = await exportPerson(ctx, { id: params.id, cipher });
      return file({ body: JSON.stringify(body, null, 2), contentType: 'application/json; charset=utf-8', fileName, disposition: 'attachment' });
    },
  ),
  post(
    '/api/people/:id/erase',
    { summary: "Erase a person's personal data", ...policy('person', 'erase'), params: IdParams, body: PersonErase, response: { 200: Person }, description: "Erases the person's personal data; their person-times stay, anonymous (audited, cannot be undone)." },
    async ({ ctx, deps: { cipher }, params, body }) => erasePerson(ctx, { id: params.id, version: body.version, reason: body.reason, cipher }),
  ),
]);
