import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Card } from 'antd';
import { StudentEnrolmentInput, type StudentEnrolment } from '../../../shared/contracts/students.ts';
import type { Person } from '../../../shared/contracts/people.ts';
import { api } from '../../lib/api.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useCreateForm } from '../../lib/use-create-form.ts';
import { studentsApi } from './api.ts';
import { StudentForm } from './student-form.tsx';
import { newStudentValues, type StudentFormValues } from './student-values.ts';

const route = getRouteApi('/app/students/new');

/** Record an admission (for the person named in the URL, when recorded from their page); then its page. */
export function StudentCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { personId } = route.useSearch();
  const student = useQuery({
    queryKey: ['people', 'one', personId],
    enabled: personId !== undefined,
    queryFn: ({ signal }) => api.get<Person>(`/people/${personId}`, signal),
  });
  const { form, contract, submit, saving } = useCreateForm<StudentEnrolment, typeof StudentEnrolmentInput, StudentFormValues>({
    resource: studentsApi,
    schema: StudentEnrolmentInput,
    labelPrefix: 'stu.field',
    onCreated: (created) => navigate({ to: '/students/$id', params: { id: String(created.id) } }),
  });

  if (!can(user, 'create', 'student')) return <ForbiddenPage />;
  if (personId !== undefined && student.isLoading) return null;
  const studentLabel = student.data ? [student.data.givenName, student.data.familyName, student.data.otherNames[0] ?? student.data.nameZh].filter(Boolean).join(' ') : null;

  return (
    <>
      <PageHeader title={t('stu.newTitle')} extra={<BackLink to="/students" />} />
      <Card>
        <StudentForm form={form} contract={contract} studentLabel={studentLabel} initialValues={newStudentValues(personId)} saving={saving} onSubmit={submit} onCancel={() => void navigate({ to: '/students' })} />
      </Card>
    </>
  );
}
