import type { PersonEnrolments, StudentEnrolment, StudentEnrolmentInput, StudentEnrolmentUpdate, StudentTransition } from '../../../shared/contracts/students.ts';
import { useApiGet } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { StudentsSearch } from './students-search.ts';

/** Enrolments over the API; any write also refreshes the figures (they count students) and the person's card (it lists their enrolments). */
export const studentsApi = createResourceHooks<StudentEnrolment, StudentEnrolmentInput, StudentEnrolmentUpdate, StudentsSearch, StudentTransition>('students', 'student', {
  filters: ['level', 'degree', 'status', 'country', 'region', 'unitId', 'personId', 'programme', 'funding', 'instructionLanguage', 'fromYear', 'toYear', 'from', 'asOf', 'counted'],
  alsoOnWrite: [['reports'], ['students', 'person']],
});

/** The list as a file to download, with the list's filters and sort (the server writes it in the user's language). */
export const studentsFileUrl = studentsApi.exportUrl;

/** Take one step of the workflow; the enrolment, its lists, its history and the figures refresh. */
export const useStudentTransition = (id: number) => studentsApi.useTransition(id);

/** A person's enrolments, for the card on their page. */
export const usePersonEnrolments = (personId: number) => useApiGet<PersonEnrolments>(['students', 'person', personId], `/people/${personId}/enrolments`);
