import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { readUploadedFile, uploadBodyLimit } from '../../http/uploads.ts';
import { IdParams, IsoDate, Versioned } from '../../../shared/contracts/common.ts';
import {
  ATTENDEE_IMPORT_MAX_BYTES,
  AttendeeImportQuery,
  AttendeeInput,
  AttendeeParams,
  AttendeeUpdate,
  ConferenceInput,
  ConferenceQuery,
  ConferenceTransition,
  ConferenceUpdate,
  OverdueSummariesQuery,
} from '../../../shared/contracts/conferences.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listConferences } from './conferences.repo.ts';
import { createConference, deleteConference, getConference, getOverdueSummaries, transitionConference, updateConference } from './conferences.service.ts';
import { addAttendee, getAttendees, importAttendees, removeAttendee, updateAttendee } from './attendees.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });
const AsOfQuery = z.object({ asOf: IsoDate.optional() });

/** Conferences hosted: the lifecycle, overdue summaries, co-organizers and the attendee list. */
export function conferencesRoutes(app: App, _context: ServerContext): void {
  const tags = ['conferences'];

  app.get('/api/conferences', { config: policy('conference', 'read'), schema: { tags, querystring: ConferenceQuery } }, async (request) => {
    const { asOf, ...query } = request.query;
    const { rows, total } = await listConferences(request.ctx!, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  });

  app.get(
    '/api/conferences/overdue-summaries',
    { config: policy('conference', 'read'), schema: { tags, querystring: OverdueSummariesQuery } },
    async (request) => getOverdueSummaries(request.ctx!, { asOf: request.query.asOf }),
  );

  app.get('/api/conferences/:id', { config: policy('conference', 'read'), schema: { tags, params: IdParams, querystring: AsOfQuery } }, async (request) =>
    getConference(request.ctx!, { id: request.params.id, asOf: request.query.asOf }),
  );

  app.post('/api/conferences', { config: policy('conference', 'create'), schema: { tags, body: ConferenceInput } }, async (request, reply) =>
    reply.status(201).send(await createConference(request.ctx!, { input: request.body })),
  );

  app.patch('/api/conferences/:id', { config: policy('conference', 'update'), schema: { tags, params: IdParams, body: ConferenceUpdate } }, async (request) =>
    updateConference(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete(
    '/api/conferences/:id',
    { config: policy('conference', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      await deleteConference(request.ctx!, { id: request.params.id, version: request.query.version });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/conferences/:id/transitions',
    { config: policy('conference', 'update'), schema: { tags, params: IdParams, body: ConferenceTransition } },
    async (request) => transitionConference(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.get('/api/conferences/:id/attendees', { config: policy('conference', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getAttendees(request.ctx!, { id: request.params.id }),
  );

  app.post(
    '/api/conferences/:id/attendees',
    { config: policy('conference', 'update'), schema: { tags, params: IdParams, body: AttendeeInput } },
    async (request, reply) => reply.status(201).send(await addAttendee(request.ctx!, { id: request.params.id, input: request.body })),
  );

  app.patch(
    '/api/conferences/:id/attendees/:attendeeId',
    { config: policy('conference', 'update'), schema: { tags, params: AttendeeParams, body: AttendeeUpdate } },
    async (request) => updateAttendee(request.ctx!, { id: request.params.id, attendeeId: request.params.attendeeId, input: request.body }),
  );

  app.delete(
    '/api/conferences/:id/attendees/:attendeeId',
    { config: policy('conference', 'update'), schema: { tags, params: AttendeeParams, querystring: VersionQuery } },
    async (request, reply) => {
      await removeAttendee(request.ctx!, { id: request.params.id, attendeeId: request.params.attendeeId, version: request.query.version });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/conferences/:id/attendees/import',
    {
      config: policy('conference', 'update'),
      schema: { tags, params: IdParams, querystring: AttendeeImportQuery, consumes: ['multipart/form-data'] },
      // The multipart stream is limited by readUploadedFile; a declared length far beyond it is refused unread.
      bodyLimit: uploadBodyLimit(ATTENDEE_IMPORT_MAX_BYTES),
    },
    async (request) => {
      const { fileName, content } = await readUploadedFile(request, ATTENDEE_IMPORT_MAX_BYTES, 'spreadsheet_too_large');
      return importAttendees(request.ctx!, { id: request.params.id, version: request.query.version, fileName, content });
    },
  );
}
