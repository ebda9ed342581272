import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { IdParams, IsoDate, Versioned } from '../../../shared/contracts/common.ts';
import {
  AppointmentInput,
  AppointmentQuery,
  AppointmentRenewalsQuery,
  AppointmentTransition,
  AppointmentUpdate,
} from '../../../shared/contracts/appointments.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { unitNames } from '../units/units.service.ts';
import { listAppointments } from './appointments.repo.ts';
import {
  createAppointment,
  deleteAppointment,
  getAppointment,
  renewAppointment,
  transitionAppointment,
  updateAppointment,
} from './appointments.service.ts';
import { getAppointmentRenewals } from './experts.service.ts';
import { renewalListTable } from './renewal-list.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });
const VersionBody = z.object({ version: Versioned.shape.version });
const AsOfQuery = z.object({ asOf: IsoDate.optional() });

/** Appointments of foreign experts: the lifecycle, renewals, and the renewal list. */
export function appointmentsRoutes(app: App, { db }: ServerContext): void {
  const tags = ['appointments'];

  app.get('/api/appointments', { config: policy('appointment', 'read'), schema: { tags, querystring: AppointmentQuery } }, async (request) => {
    const { asOf, ...query } = request.query;
    const { rows, total } = await listAppointments(request.ctx!, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  });

  app.get(
    '/api/appointments/renewals',
    { config: policy('appointment', 'read'), schema: { tags, querystring: AppointmentRenewalsQuery } },
    async (request, reply) => {
      const { months, format } = request.query;
      const asOf = request.query.asOf ?? officeToday();
      const items = await getAppointmentRenewals(request.ctx!, { asOf, months });
      if (format === 'json') return { asOf, months, items };
      const locale = request.ctx!.locale;
      return sendTable(reply, renewalListTable(items, await unitNames(db, locale), locale, asOf), format);
    },
  );

  app.get('/api/appointments/:id', { config: policy('appointment', 'read'), schema: { tags, params: IdParams, querystring: AsOfQuery } }, async (request) =>
    getAppointment(request.ctx!, { id: request.params.id, asOf: request.query.asOf }),
  );

  app.post('/api/appointments', { config: policy('appointment', 'create'), schema: { tags, body: AppointmentInput } }, async (request, reply) =>
    reply.status(201).send(await createAppointment(request.ctx!, { input: request.body })),
  );

  app.patch('/api/appointments/:id', { config: policy('appointment', 'update'), schema: { tags, params: IdParams, body: AppointmentUpdate } }, async (request) =>
    updateAppointment(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/appointments/:id',
    { config: policy('appointment', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deleteAppointment(request.ctx!, { id: request.params.id, version: request.query.version });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/appointments/:id/transitions',
    { config: policy('appointment', 'update'), schema: { tags, params: IdParams, body: AppointmentTransition } },
    async (request) => transitionAppointment(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.post(
    '/api/appointments/:id/renewal',
    { config: policy('appointment', 'create'), schema: { tags, params: IdParams, body: VersionBody } },
    async (request, reply) =>
      reply.status(201).send(await renewAppointment(request.ctx!, { id: request.params.id, version: request.body.version })),
  );
}
