import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import {
  AssessmentInput,
  AssessmentUpdate,
  CohortInput,
  CohortUpdate,
  PlacementInput,
  PlacementTransition,
  PlacementUpdate,
  ProgrammeInput,
  ProgrammeUpdate,
  StudentInput,
  StudentQuery,
  StudentUpdate,
  VisitingProfessorInput,
  VisitingProfessorQuery,
} from '../../../shared/contracts/programmes.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listStudents } from './programme-students.repo.ts';
import { studentsTable } from './programmes.presenter.ts';
import { addVisitingProfessor, createCohort, createProgramme, getProgramme, getProgrammes, getVisitingProfessors, updateCohort, updateProgramme } from './programmes.service.ts';
import {
  createAssessment,
  createPlacement,
  createStudent,
  deleteAssessment,
  exportStudents,
  getStudentRecord,
  transitionPlacement,
  updateAssessment,
  updatePlacement,
  updateStudent,
} from './programme-students.service.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/**
 * Joint programmes (the 8-year Sino-French programme of clinical medicine): the programme and
 * its cohorts, the visiting professors, the students with their examinations and evaluations
 * and their residency placements in French hospitals.
 */
export function programmesRoutes(app: App, _context: ServerContext): void {
  const tags = ['programmes'];
  const read = policy('programme', 'read');
  const create = policy('programme', 'create');
  const update = policy('programme', 'update');

  app.get('/api/programmes', { config: read, schema: { tags } }, async (request) => {
    const items = await getProgrammes(request.ctx!);
    return { items, total: items.length };
  });
  app.post('/api/programmes', { config: create, schema: { tags, body: ProgrammeInput } }, async (request, reply) =>
    reply.status(201).send(await createProgramme(request.ctx!, { input: request.body })),
  );
  app.get('/api/programmes/:id', { config: read, schema: { tags, params: IdParams } }, async (request) => getProgramme(request.ctx!, { id: request.params.id }));
  app.patch('/api/programmes/:id', { config: update, schema: { tags, params: IdParams, body: ProgrammeUpdate } }, async (request) =>
    updateProgramme(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.post('/api/programmes/:id/cohorts', { config: create, schema: { tags, params: IdParams, body: CohortInput } }, async (request, reply) =>
    reply.status(201).send(await createCohort(request.ctx!, { programmeId: request.params.id, input: request.body })),
  );
  app.patch('/api/programme-cohorts/:id', { config: update, schema: { tags, params: IdParams, body: CohortUpdate } }, async (request) =>
    updateCohort(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.get('/api/programmes/:id/visiting-professors', { config: read, schema: { tags, params: IdParams, querystring: VisitingProfessorQuery } }, async (request) => {
    const items = await getVisitingProfessors(request.ctx!, { programmeId: request.params.id, year: request.query.year });
    return { items, total: items.length };
  });
  app.post('/api/programmes/:id/visiting-professors', { config: create, schema: { tags, params: IdParams, body: VisitingProfessorInput } }, async (request, reply) =>
    reply.status(201).send(await addVisitingProfessor(request.ctx!, { programmeId: request.params.id, input: request.body })),
  );

  app.get('/api/programme-students', { config: read, schema: { tags, querystring: StudentQuery } }, async (request, reply) => {
    const { format, ...query } = request.query;
    if (format === 'json') {
      const { rows, total } = await listStudents(request.ctx!, officeToday(), query);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportStudents(request.ctx!, { query: filters });
    return sendTable(reply, studentsTable(items, request.ctx!.locale, `programme-students-${query.asOf ?? officeToday()}`), format);
  });
  app.post('/api/programme-students', { config: create, schema: { tags, body: StudentInput } }, async (request, reply) =>
    reply.status(201).send(await createStudent(request.ctx!, { input: request.body })),
  );
  app.get('/api/programme-students/:id', { config: read, schema: { tags, params: IdParams } }, async (request) => getStudentRecord(request.ctx!, { id: request.params.id }));
  app.patch('/api/programme-students/:id', { config: update, schema: { tags, params: IdParams, body: StudentUpdate } }, async (request) =>
    updateStudent(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.post('/api/programme-students/:id/assessments', { config: create, schema: { tags, params: IdParams, body: AssessmentInput } }, async (request, reply) =>
    reply.status(201).send(await createAssessment(request.ctx!, { studentId: request.params.id, input: request.body })),
  );
  app.patch('/api/programme-assessments/:id', { config: update, schema: { tags, params: IdParams, body: AssessmentUpdate } }, async (request) =>
    updateAssessment(request.ctx!, { id: request.params.id, input: request.body }),
  );
  app.delete('/api/programme-assessments/:id', { config: policy('programme', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await deleteAssessment(request.ctx!, { id: request.params.id, version: request.query.version });
    return reply.status(204).send();
  });

  app.post('/api/programme-students/:id/placements', { config: create, schema: { tags, params: IdParams, body: PlacementInput } }, async (request, reply) =>
    reply.status(201).send(await createPlacement(request.ctx!, { studentId: request.params.id, input: request.body })),
  );
  app.patch('/api/residency-placements/:id', { config: update, schema: { tags, params: IdParams, body: PlacementUpdate } }, async (request) =>
    updatePlacement(request.ctx!, { id: request.params.id, input: request.body }),
  );
  app.post('/api/residency-placements/:id/transitions', { config: update, schema: { tags, params: IdParams, body: PlacementTransition } }, async (request) =>
    transitionPlacement(request.ctx!, { id: request.params.id, input: request.body }),
  );
}
