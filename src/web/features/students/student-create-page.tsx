import { getRouteApi } from '@tanstack/react-router';
import { StudentEnrolmentInput, type StudentEnrolment } from '../../../shared/contracts/students.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { useUrlPerson } from '../../lib/use-url-person.ts';
import { studentsApi } from './api.ts';
import { StudentForm } from './student-form.tsx';
import { newStudentValues, type StudentFormValues } from './student-values.ts';

const route = getRouteApi('/app/students/new');

/** Record an admission (for the person named in the URL, when recorded from their page); then its page. */
export function StudentCreatePage() {
  const { personId } = route.useSearch();
  const { person, waiting } = useUrlPerson(personId);
  // a student goes by their given name first, then by the name in their own script
  const studentLabel = person ? [person.givenName, person.familyName, person.otherNames[0] ?? person.nameZh].filter(Boolean).join(' ') : null;
  return (
    <CreatePage<StudentEnrolment, typeof StudentEnrolmentInput, StudentFormValues> entity="student" messages="stu" record="/students/$id" resource={studentsApi} schema={StudentEnrolmentInput} waiting={waiting}>
      {(binding) => <StudentForm {...binding} studentLabel={studentLabel} initialValues={newStudentValues(personId)} />}
    </CreatePage>
  );
}
