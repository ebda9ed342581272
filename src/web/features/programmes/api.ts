import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { StudentsSearch } from './programmes-search.ts';

const filters = (search: StudentsSearch) => ({
  programmeId: search.programmeId,
  cohortId: search.cohortId,
  unitId: search.unitId,
  status: search.status,
  placed: search.placed,
  asOf: search.asOf,
});

/** Programme students over the API; any write also refreshes the figures. */
export const studentsApi = createResourceHooks<ProgrammeStudent, never, never, StudentsSearch>({
  key: 'programme-students',
  path: '/programme-students',
  entity: 'programme_student',
  filters,
  alsoOnWrite: [['reports'], ['programmes']],
});

/** The list as a file to download, with the list's filters and sort (the server writes it in the user's language). */
export const studentsFileUrl = (search: StudentsSearch, format: 'csv' | 'xlsx') =>
  `/api/programme-students${toQuery({ ...filters(search), q: search.q, sort: search.sort, order: search.order, format })}`;

/** The programmes within reach, with their partners and cohorts. */
export function useProgrammes() {
  return useQuery({ queryKey: ['programmes'], queryFn: ({ signal }) => api.get<{ items: Programme[] }>('/programmes', signal) });
}

/** The professors the partner sent to a programme, by year. */
export function useVisitingProfessors(programmeId: number) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'professors'],
    queryFn: ({ signal }) => api.get<{ items: VisitingProfessor[] }>(`/programmes/${programmeId}/visiting-professors`, signal),
  });
}

/** A student's record: assessments, placements, whether the standard is met. */
export function useStudentRecord(id: number) {
  return useQuery({ queryKey: ['programme-students', 'one', id], queryFn: ({ signal }) => api.get<ProgrammeStudentRecord>(`/programme-students/${id}`, signal) });
}

/** The writes on a student's record page; each refreshes the record, the lists and the figures. */
export function useStudentWrites(studentId: number) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['programme-students'] });
    void client.invalidateQueries({ queryKey: ['programmes'] });
    void client.invalidateQueries({ queryKey: ['reports'] });
  };
  return {
    addAssessment: useMutation({ mutationFn: (input: AssessmentInput) => api.post(`/programme-students/${studentId}/assessments`, input), onSuccess: refresh }),
    deleteAssessment: useMutation({ mutationFn: ({ id, version }: { id: number; version: number }) => api.del(`/programme-assessments/${id}${toQuery({ version })}`), onSuccess: refresh }),
    propose: useMutation({ mutationFn: (input: PlacementInput) => api.post<Placement>(`/programme-students/${studentId}/placements`, input), onSuccess: refresh }),
    step: useMutation({ mutationFn: ({ id, ...input }: PlacementTransition & { id: number }) => api.post<Placement>(`/residency-placements/${id}/transitions`, input), onSuccess: refresh }),
  };
}
