import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import { StudentEnrolmentInput, StudentEnrolmentUpdate, StudentQuery, StudentTransition } from '../../../shared/contracts/students.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listEnrolments } from './students.repo.ts';
import { studentsTable } from './students.presenter.ts';
import { createEnrolment, deleteEnrolment, exportEnrolments, getEnrolment, getPersonEnrolments, transitionEnrolment, updateEnrolment } from './students.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** International degree students: the enrolments (list, export, workflow) and a person's enrolments. */
export function studentsRoutes(app: App, _context: ServerContext): void {
  const tags = ['students'];

  app.get('/api/students', { config: policy('student', 'read'), schema: { tags, querystring: StudentQuery } }, async (request, reply) => {
    const { format, ...query } = request.query;
    if (format === 'json') {
      const { rows, total, persons } = await listEnrolments(request.ctx!, officeToday(), query);
      return { items: rows, total, persons, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportEnrolments(request.ctx!, { query: filters });
    return sendTable(reply, studentsTable(items, request.ctx!.locale, `students-${query.asOf ?? officeToday()}`), format);
  });

  app.get('/api/students/:id', { config: policy('student', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getEnrolment(request.ctx!, { id: request.params.id }),
  );

  app.post('/api/students', { config: policy('student', 'create'), schema: { tags, body: StudentEnrolmentInput } }, async (request, reply) =>
    reply.status(201).send(await createEnrolment(request.ctx!, { input: request.body })),
  );

  app.patch('/api/students/:id', { config: policy('student', 'update'), schema: { tags, params: IdParams, body: StudentEnrolmentUpdate } }, async (request) =>
    updateEnrolment(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete('/api/students/:id', { config: policy('student', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await deleteEnrolment(request.ctx!, { id: request.params.id, version: request.query.version });
    return reply.status(204).send();
  });

  app.post('/api/students/:id/transitions', { config: policy('student', 'update'), schema: { tags, params: IdParams, body: StudentTransition } }, async (request) =>
    transitionEnrolment(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.get('/api/people/:id/enrolments', { config: policy('student', 'read'), schema: { tags, params: IdParams } }, async (request) =>
    getPersonEnrolments(request.ctx!, { personId: request.params.id }),
  );
}
