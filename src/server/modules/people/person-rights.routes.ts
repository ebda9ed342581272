import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { IdParams } from '../../../shared/contracts/common.ts';
import { PersonErase } from '../../../shared/contracts/person-rights.ts';
import { erasePerson } from './person-erase.service.ts';
import { exportPerson } from './person-export.service.ts';

/** A person's data rights: everything held about them as a JSON file, and erasure of their personal data. */
export function personRightsRoutes(app: App, { cipher }: ServerContext): void {
  const tags = ['people'];
  app.get(
    '/api/people/:id/export',
    { config: policy('person', 'export'), schema: { tags, params: IdParams, description: 'Everything held about the person, as a JSON download (audited).' } },
    async (request, reply) => {
      const { fileName, body } = await exportPerson(request.ctx!, { id: request.params.id, cipher });
      void reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(body, null, 2));
    },
  );
  app.post(
    '/api/people/:id/erase',
    { config: policy('person', 'erase'), schema: { tags, params: IdParams, body: PersonErase, description: "Erases the person's personal data; their person-times stay, anonymous (audited, cannot be undone)." } },
    async (request) =>
      erasePerson(request.ctx!, { id: request.params.id, version: request.body.version, reason: request.body.reason, cipher }),
  );
}
