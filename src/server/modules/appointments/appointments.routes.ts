import { z } from 'zod';
import { created, declareRoutes, del, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, table } from '../../core/routes.ts';
import { IdParams, IsoDate, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import {
  Appointment,
  AppointmentInput,
  AppointmentQuery,
  AppointmentRenewals,
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
export const appointmentsRoutes = declareRoutes('appointments', [
  get('/api/appointments', { summary: "List foreign experts' appointments", ...policy('appointment', 'read'), query: AppointmentQuery, response: { 200: pageOf(Appointment) } }, async ({ ctx, query: { asOf, ...query } }) => {
    const { rows, total } = await listAppointments(ctx, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),

  get('/api/appointments/renewals', { summary: 'List appointments due for renewal', ...policy('appointment', 'read'), query: AppointmentRenewalsQuery, response: jsonOrTable(AppointmentRenewals) }, async ({ ctx, deps: { db }, query: { months, format, asOf: givenAsOf } }) => {
    const asOf = givenAsOf ?? officeToday();
    const items = await getAppointmentRenewals(ctx, { asOf, months });
    if (format === 'json') return { asOf, months, items };
    return table(renewalListTable(items, await unitNames(db, ctx.locale), ctx.locale, asOf), format);
  }),

  get('/api/appointments/:id', { summary: 'Read an appointment', ...policy('appointment', 'read'), params: IdParams, query: AsOfQuery, response: { 200: Appointment } }, async ({ ctx, params, query }) =>
    getAppointment(ctx, { id: params.id, asOf: query.asOf }),
  ),

  post('/api/appointments', { summary: 'Create an appointment', ...policy('appointment', 'create'), body: AppointmentInput, response: { 201: Appointment } }, async ({ ctx, body }) => created(await createAppointment(ctx, { input: body }))),

  patch('/api/appointments/:id', { summary: 'Change an appointment', ...policy('appointment', 'update'), params: IdParams, body: AppointmentUpdate, response: { 200: Appointment } }, async ({ ctx, params, body }) =>
    updateAppointment(ctx, { id: params.id, input: body }),
  ),

  del('/api/appointments/:id', { summary: 'Delete an appointment', ...policy('appointment', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteAppointment(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  post('/api/appointments/:id/transitions', { summary: 'Move an appointment along its workflow', ...policy('appointment', 'update'), params: IdParams, body: AppointmentTransition, response: { 200: Appointment } }, async ({ ctx, params, body }) =>
    transitionAppointment(ctx, { id: params.id, input: body }),
  ),

  post('/api/appointments/:id/renewal', { summary: 'Renew an appointment as a new appointment', ...policy('appointment', 'create'), params: IdParams, body: VersionBody, response: { 201: Appointment } }, async ({ ctx, params, body }) =>
    created(await renewAppointment(ctx, { id: params.id, version: body.version })),
  ),
]);
