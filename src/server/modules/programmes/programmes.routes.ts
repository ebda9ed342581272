import { z } from 'zod';
import { created, declareRoutes, del, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, table } from '../../core/routes.ts';
import { IdParams, listOf, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import {
  Assessment,
  AssessmentInput,
  AssessmentUpdate,
  Cohort,
  CohortInput,
  CohortUpdate,
  Placement,
  PlacementInput,
  PlacementTransition,
  PlacementUpdate,
  Programme,
  ProgrammeInput,
  ProgrammeStudent,
  ProgrammeStudentRecord,
  ProgrammeUpdate,
  StudentInput,
  StudentQuery,
  StudentUpdate,
  VisitingProfessor,
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
const read = policy('programme', 'read');
const create = policy('programme', 'create');
const update = policy('programme', 'update');

/**
 * Joint programmes (the 8-year Sino-French programme of clinical medicine): the programme and
 * its cohorts, the visiting professors, the students with their examinations and evaluations
 * and their residency placements in French hospitals.
 */
export const programmesRoutes = declareRoutes('programmes', [
  get('/api/programmes', { summary: 'List programmes', ...read, response: { 200: listOf(Programme) } }, async ({ ctx }) => {
    const items = await getProgrammes(ctx);
    return { items, total: items.length };
  }),
  post('/api/programmes', { summary: 'Create a programme', ...create, body: ProgrammeInput, response: { 201: Programme } }, async ({ ctx, body }) => created(await createProgramme(ctx, { input: body }))),
  get('/api/programmes/:id', { summary: 'Read a programme', ...read, params: IdParams, response: { 200: Programme } }, async ({ ctx, params }) => getProgramme(ctx, { id: params.id })),
  patch('/api/programmes/:id', { summary: 'Change a programme', ...update, params: IdParams, body: ProgrammeUpdate, response: { 200: Programme } }, async ({ ctx, params, body }) => updateProgramme(ctx, { id: params.id, input: body })),

  post('/api/programmes/:id/cohorts', { summary: 'Add a cohort to a programme', ...create, params: IdParams, body: CohortInput, response: { 201: Cohort } }, async ({ ctx, params, body }) =>
    created(await createCohort(ctx, { programmeId: params.id, input: body })),
  ),
  patch('/api/programme-cohorts/:id', { summary: 'Change a programme cohort', ...update, params: IdParams, body: CohortUpdate, response: { 200: Cohort } }, async ({ ctx, params, body }) => updateCohort(ctx, { id: params.id, input: body })),

  get('/api/programmes/:id/visiting-professors', { summary: "List a programme's visiting professors", ...read, params: IdParams, query: VisitingProfessorQuery, response: { 200: listOf(VisitingProfessor) } }, async ({ ctx, params, query }) => {
    const items = await getVisitingProfessors(ctx, { programmeId: params.id, year: query.year });
    return { items, total: items.length };
  }),
  post('/api/programmes/:id/visiting-professors', { summary: 'Add a visiting professor to a programme', ...create, params: IdParams, body: VisitingProfessorInput, response: { 201: VisitingProfessor } }, async ({ ctx, params, body }) =>
    created(await addVisitingProfessor(ctx, { programmeId: params.id, input: body })),
  ),

  get('/api/programme-students', { summary: "List programmes' students", ...read, query: StudentQuery, response: jsonOrTable(pageOf(ProgrammeStudent)) }, async ({ ctx, query: { format, ...query } }) => {
    if (format === 'json') {
      const { rows, total } = await listStudents(ctx, officeToday(), query);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    }
    const { page: _p, pageSize: _s, ...filters } = query;
    const items = await exportStudents(ctx, { query: filters });
    return table(studentsTable(items, ctx.locale, `programme-students-${query.asOf ?? officeToday()}`), format);
  }),
  post('/api/programme-students', { summary: 'Enrol a student in a programme', ...create, body: StudentInput, response: { 201: ProgrammeStudent } }, async ({ ctx, body }) => created(await createStudent(ctx, { input: body }))),
  get('/api/programme-students/:id', { summary: "Read a programme student's record", ...read, params: IdParams, response: { 200: ProgrammeStudentRecord } }, async ({ ctx, params }) => getStudentRecord(ctx, { id: params.id })),
  patch('/api/programme-students/:id', { summary: 'Change a programme student', ...update, params: IdParams, body: StudentUpdate, response: { 200: ProgrammeStudent } }, async ({ ctx, params, body }) => updateStudent(ctx, { id: params.id, input: body })),

  post('/api/programme-students/:id/assessments', { summary: 'Add an assessment to a programme student', ...create, params: IdParams, body: AssessmentInput, response: { 201: Assessment } }, async ({ ctx, params, body }) =>
    created(await createAssessment(ctx, { studentId: params.id, input: body })),
  ),
  patch('/api/programme-assessments/:id', { summary: 'Change a programme assessment', ...update, params: IdParams, body: AssessmentUpdate, response: { 200: Assessment } }, async ({ ctx, params, body }) =>
    updateAssessment(ctx, { id: params.id, input: body }),
  ),
  del('/api/programme-assessments/:id', { summary: 'Delete a programme assessment', ...policy('programme', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteAssessment(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  post('/api/programme-students/:id/placements', { summary: 'Add a residency placement to a programme student', ...create, params: IdParams, body: PlacementInput, response: { 201: Placement } }, async ({ ctx, params, body }) =>
    created(await createPlacement(ctx, { studentId: params.id, input: body })),
  ),
  patch('/api/residency-placements/:id', { summary: 'Change a residency placement', ...update, params: IdParams, body: PlacementUpdate, response: { 200: Placement } }, async ({ ctx, params, body }) =>
    updatePlacement(ctx, { id: params.id, input: body }),
  ),
  post('/api/residency-placements/:id/transitions', { summary: 'Move a residency placement along its workflow', ...update, params: IdParams, body: PlacementTransition, response: { 200: Placement } }, async ({ ctx, params, body }) =>
    transitionPlacement(ctx, { id: params.id, input: body }),
  ),
]);
