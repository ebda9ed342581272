import { z } from 'zod';
import { created, declareRoutes, del, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, table } from '../../core/routes.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import { PersonEnrolments, StudentEnrolment, StudentEnrolmentInput, StudentEnrolmentUpdate, StudentPage, StudentQuery, StudentTransition } from '../../../shared/contracts/students.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listEnrolments } from './students.repo.ts';
import { studentsTable } from './students.presenter.ts';
import { createEnrolment, deleteEnrolment, exportEnrolments, getEnrolment, getPersonEnrolments, transitionEnrolment, updateEnrolment } from './students.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** International degree students: the enrolments (list, export, workflow) and a person's enrolments. */
export const studentsRoutes = declareRoutes('students', [
  get('/api/students', { summary: 'List international degree students', ...policy('student', 'read'), query: StudentQuery, response: jsonOrTable(StudentPage) }, async ({ ctx, query: { format, ...query } }) => {
    if (format === 'json') {
      const { rows, total, persons } = await listEnrolments(ctx, officeToday(), query);
      return { items: rows, total, persons, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportEnrolments(ctx, { query: filters });
    return table(studentsTable(items, ctx.locale, `students-${query.asOf ?? officeToday()}`), format);
  }),

  get('/api/students/:id', { summary: "Read a student's enrolment", ...policy('student', 'read'), params: IdParams, response: { 200: StudentEnrolment } }, async ({ ctx, params }) => getEnrolment(ctx, { id: params.id })),

  post('/api/students', { summary: 'Enrol an international degree student', ...policy('student', 'create'), body: StudentEnrolmentInput, response: { 201: StudentEnrolment } }, async ({ ctx, body }) => created(await createEnrolment(ctx, { input: body }))),

  patch('/api/students/:id', { summary: "Change a student's enrolment", ...policy('student', 'update'), params: IdParams, body: StudentEnrolmentUpdate, response: { 200: StudentEnrolment } }, async ({ ctx, params, body }) =>
    updateEnrolment(ctx, { id: params.id, input: body }),
  ),

  del('/api/students/:id', { summary: "Delete a student's enrolment", ...policy('student', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteEnrolment(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  post('/api/students/:id/transitions', { summary: "Move a student's enrolment along its workflow", ...policy('student', 'update'), params: IdParams, body: StudentTransition, response: { 200: StudentEnrolment } }, async ({ ctx, params, body }) =>
    transitionEnrolment(ctx, { id: params.id, input: body }),
  ),

  get('/api/people/:id/enrolments', { summary: "List a person's enrolments", ...policy('student', 'read'), params: IdParams, response: { 200: PersonEnrolments } }, async ({ ctx, params }) => getPersonEnrolments(ctx, { personId: params.id })),
]);
