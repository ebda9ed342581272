import { getRouteApi } from '@tanstack/react-router';
import { STUDENT_DELETABLE_STATUSES, StudentEnrolmentInput } from '../../../shared/contracts/students.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { studentsApi } from './api.ts';
import { StudentDetails } from './student-details.tsx';
import { StudentForm } from './student-form.tsx';
import { latinName, ownScript, programmeName } from './student-labels.tsx';
import { toStudentFormValues } from './student-values.ts';
import { StudentWorkflowCard } from './student-workflow-card.tsx';

const route = getRouteApi('/app/students/$id');

/** One enrolment: details or the edit form, the workflow, the history. */
export function StudentPage() {
  const { t, locale } = useI18n();
  const id = Number(route.useParams().id);

  return (
    <RecordPage
      key={id}
      resource={studentsApi}
      id={id}
      schema={StudentEnrolmentInput}
      labelPrefix="stu.field"
      toFormValues={toStudentFormValues}
      listPath="/students"
      entity="student"
      header={(e) => ({
        title: [latinName(e.person), ownScript(e.person)].filter(Boolean).join(' · '),
        subtitle: [t(`student.level.${e.level}` as MessageKey), programmeName(e, locale), e.countryCode, t(`student.status.${e.status}` as MessageKey)].join(' · '),
      })}
      deleteConfirm={t('stu.deleteConfirm')}
      mayDelete={(e) => STUDENT_DELETABLE_STATUSES.includes(e.status)}
      details={(e) => <StudentDetails enrolment={e} />}
      editForm={(props, e) => <StudentForm {...props} editing studentLabel={[latinName(e.person), ownScript(e.person)].filter(Boolean).join(' ')} />}
      below={(e) => <StudentWorkflowCard enrolment={e} />}
    />
  );
}
