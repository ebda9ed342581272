import { STUDENT_DELETABLE_STATUSES, StudentEnrolmentInput } from '../../../shared/contracts/students.ts';
import { DocumentsButton } from '../documents/documents-button.tsx';
import { RecordPage } from '../../components/record-page.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { studentsApi, useStudentTransition } from './api.ts';
import { StudentDetails } from './student-details.tsx';
import { StudentForm } from './student-form.tsx';
import { latinName, ownScript, programmeName, StudentStatusTag } from './student-labels.tsx';
import { toStudentFormValues } from './student-values.ts';
import { STUDENT_WORKFLOW } from './student-workflow.ts';

/** One enrolment: details or the edit form, the workflow, the history. */
export function StudentPage() {
  const { t, locale } = useI18n();

  return (
    <RecordPage
      kind={{ entity: 'student', resource: studentsApi, schema: StudentEnrolmentInput, messages: 'stu', toFormValues: toStudentFormValues, listPath: '/students' }}
      header={(e) => ({
        title: [latinName(e.person), ownScript(e.person)].filter(Boolean).join(' · '),
        subtitle: [t(`student.level.${e.level}` as MessageKey), programmeName(e, locale), e.countryCode, t(`student.status.${e.status}` as MessageKey)].join(' · '),
      })}
      mayDelete={(e) => STUDENT_DELETABLE_STATUSES.includes(e.status)}
      details={(e) => <StudentDetails enrolment={e} />}
      editForm={(props, e) => <StudentForm {...props} editing studentLabel={[latinName(e.person), ownScript(e.person)].filter(Boolean).join(' ')} />}
      actions={(e) => <DocumentsButton kinds={['acceptance_letter']} record={{ recordId: e.id }} />}
      below={(e) => <WorkflowCard record={e} workflow={STUDENT_WORKFLOW} useTransition={useStudentTransition} statusTag={<StudentStatusTag status={e.status} />} />}
    />
  );
}
