import type {
  AssessmentInput,
  Placement,
  PlacementInput,
  PlacementTransition,
  Programme,
  ProgrammeStudent,
  ProgrammeStudentRecord,
  VisitingProfessor,
} from '../../../shared/contracts/programmes.ts';
import { api, toQuery } from '../../lib/api.ts';
import { useApiGet, useWrite } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { StudentsSearch } from './programmes-search.ts';

/** Programme students over the API; any write also refreshes the figures. */
export const studentsApi = createResourceHooks<ProgrammeStudent, never, never, StudentsSearch>('programme-students', 'programme_student', {
  filters: ['programmeId', 'cohortId', 'unitId', 'status', 'placed', 'asOf'],
  alsoOnWrite: [['reports'], ['programmes']],
});

/** The list as a file to download, with the list's filters and sort (the server writes it in the user's language). */
export const studentsFileUrl = studentsApi.exportUrl;

/** The programmes within reach, with their partners and cohorts. */
export const useProgrammes = () => useApiGet<{ items: Programme[] }>(['programmes'], '/programmes');

/** The professors the partner sent to a programme, by year. */
export const useVisitingProfessors = (programmeId: number) =>
  useApiGet<{ items: VisitingProfessor[] }>(['programmes', programmeId, 'professors'], `/programmes/${programmeId}/visiting-professors`);

/** A student's record: assessments, placements, whether the standard is met. */
export const useStudentRecord = (id: number) => useApiGet<ProgrammeStudentRecord>(['programme-students', 'one', id], `/programme-students/${id}`);

/** What a write on a student's record makes stale: the record, the lists and the figures. */
const STUDENT_WRITES = () => [['programme-students'], ['programmes'], ['reports']];

/** The writes on a student's record page; each refreshes the record, the lists and the figures. */
export function useStudentWrites(studentId: number) {
  return {
    addAssessment: useWrite((input: AssessmentInput) => api.post(`/programme-students/${studentId}/assessments`, input), STUDENT_WRITES),
    deleteAssessment: useWrite(({ id, version }: { id: number; version: number }) => api.del(`/programme-assessments/${id}${toQuery({ version })}`), STUDENT_WRITES),
    propose: useWrite((input: PlacementInput) => api.post<Placement>(`/programme-students/${studentId}/placements`, input), STUDENT_WRITES),
    step: useWrite(({ id, ...input }: PlacementTransition & { id: number }) => api.post<Placement>(`/residency-placements/${id}/transitions`, input), STUDENT_WRITES),
  };
}
