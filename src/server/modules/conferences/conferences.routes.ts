import { z } from 'zod';
import { created, declareRoutes, del, get, NO_CONTENT, noContent, patch, policy, post } from '../../core/routes.ts';
import { IdParams, IsoDate, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import {
  Attendee,
  AttendeeInput,
  AttendeeParams,
  AttendeeUpdate,
  Conference,
  ConferenceInput,
  ConferenceQuery,
  ConferenceTransition,
  ConferenceUpdate,
  OverdueSummaries,
  OverdueSummariesQuery,
} from '../../../shared/contracts/conferences.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listConferences } from './conferences.repo.ts';
import { createConference, deleteConference, getConference, getOverdueSummaries, transitionConference, updateConference } from './conferences.service.ts';
import { addAttendee, getAttendees, removeAttendee, updateAttendee } from './attendees.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });
const AsOfQuery = z.object({ asOf: IsoDate.optional() });

/** Conferences hosted: the lifecycle, overdue summaries, co-organizers and the attendee list (imported as the `attendees` kind of `/api/imports`). */
export const conferencesRoutes = declareRoutes('conferences', [
  get('/api/conferences', { summary: 'List conferences hosted', ...policy('conference', 'read'), query: ConferenceQuery, response: { 200: pageOf(Conference) } }, async ({ ctx, query: { asOf, ...query } }) => {
    const { rows, total } = await listConferences(ctx, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),

  get('/api/conferences/overdue-summaries', { summary: 'List conferences whose summary is overdue', ...policy('conference', 'read'), query: OverdueSummariesQuery, response: { 200: OverdueSummaries } }, async ({ ctx, query }) =>
    getOverdueSummaries(ctx, { asOf: query.asOf }),
  ),

  get('/api/conferences/:id', { summary: 'Read a conference', ...policy('conference', 'read'), params: IdParams, query: AsOfQuery, response: { 200: Conference } }, async ({ ctx, params, query }) =>
    getConference(ctx, { id: params.id, asOf: query.asOf }),
  ),

  post('/api/conferences', { summary: 'Create a conference', ...policy('conference', 'create'), body: ConferenceInput, response: { 201: Conference } }, async ({ ctx, body }) => created(await createConference(ctx, { input: body }))),

  patch('/api/conferences/:id', { summary: 'Change a conference', ...policy('conference', 'update'), params: IdParams, body: ConferenceUpdate, response: { 200: Conference } }, async ({ ctx, params, body }) =>
    updateConference(ctx, { id: params.id, input: body }),
  ),

  del('/api/conferences/:id', { summary: 'Delete a conference', ...policy('conference', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteConference(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  post('/api/conferences/:id/transitions', { summary: 'Move a conference along its workflow', ...policy('conference', 'update'), params: IdParams, body: ConferenceTransition, response: { 200: Conference } }, async ({ ctx, params, body }) =>
    transitionConference(ctx, { id: params.id, input: body }),
  ),

  get('/api/conferences/:id/attendees', { summary: "List a conference's attendees", ...policy('conference', 'read'), params: IdParams, response: { 200: z.array(Attendee) } }, async ({ ctx, params }) => getAttendees(ctx, { id: params.id })),

  post('/api/conferences/:id/attendees', { summary: 'Add an attendee to a conference', ...policy('conference', 'update'), params: IdParams, body: AttendeeInput, response: { 201: Attendee } }, async ({ ctx, params, body }) =>
    created(await addAttendee(ctx, { id: params.id, input: body })),
  ),

  patch('/api/conferences/:id/attendees/:attendeeId', { summary: "Change a conference's attendee", ...policy('conference', 'update'), params: AttendeeParams, body: AttendeeUpdate, response: { 200: Attendee } }, async ({ ctx, params, body }) =>
    updateAttendee(ctx, { id: params.id, attendeeId: params.attendeeId, input: body }),
  ),

  del('/api/conferences/:id/attendees/:attendeeId', { summary: 'Remove an attendee from a conference', ...policy('conference', 'update'), params: AttendeeParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await removeAttendee(ctx, { id: params.id, attendeeId: params.attendeeId, version: query.version });
    return noContent();
  }),

]);
