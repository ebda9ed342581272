import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonEnrolments, StudentEnrolment, StudentEnrolmentInput, StudentEnrolmentUpdate, StudentTransition } from '../../../shared/contracts/students.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { StudentsSearch } from './students-search.ts';

/** The figures count students; a person's card lists their enrolments. */
const DERIVED_KEYS = [['reports'], ['students', 'person']] as const;

/** The list's filters, as the API names them. */
const filters = (s: StudentsSearch) => ({
  level: s.level,
  degree: s.degree,
  status: s.status,
  country: s.country,
  region: s.region,
  unitId: s.unitId,
  personId: s.personId,
  programme: s.programme,
  funding: s.funding,
  instructionLanguage: s.instructionLanguage,
  fromYear: s.fromYear,
  toYear: s.toYear,
  from: s.from,
  asOf: s.asOf,
  counted: s.counted,
});

/** Enrolments over the API; any write also refreshes the figures and the person's card. */
export const studentsApi = createResourceHooks<StudentEnrolment, StudentEnrolmentInput, StudentEnrolmentUpdate, StudentsSearch>({
  key: 'students',
  path: '/students',
  entity: 'student',
  filters,
  alsoOnWrite: DERIVED_KEYS,
});

/** The list as a file to download, with the list's filters and sort (the server writes it in the user's language). */
export const studentsFileUrl = (search: StudentsSearch, format: 'csv' | 'xlsx') =>
  `/api/students${toQuery({ ...filters(search), q: search.q, sort: search.sort, order: search.order, format })}`;

/** Take one step of the workflow; the enrolment, its lists, its history and the figures refresh. */
export function useStudentTransition(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: StudentTransition) => api.post<StudentEnrolment>(`/students/${id}/transitions`, step),
    onSuccess: (saved) => {
      client.setQueryData(studentsApi.keys.one(id), saved);
      void client.invalidateQueries({ queryKey: studentsApi.keys.lists });
      void client.invalidateQueries({ queryKey: historyKey('student', id) });
      for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
    },
  });
}

/** A person's enrolments, for the card on their page. */
export function usePersonEnrolments(personId: number) {
  return useQuery({
    queryKey: ['students', 'person', personId],
    queryFn: ({ signal }) => api.get<PersonEnrolments>(`/people/${personId}/enrolments`, signal),
  });
}
