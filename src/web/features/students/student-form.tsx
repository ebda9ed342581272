import type { StudentEnrolmentInput } from '../../../shared/contracts/students.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { STUDENT_FIELDS } from './student-fields.ts';
import type { StudentFormValues } from './student-values.ts';

interface StudentFormProps extends FormBinding<typeof StudentEnrolmentInput, StudentFormValues> {
  /** The student's name (who cannot change once enrolled). */
  studentLabel?: string | null;
  editing?: boolean;
}

/** The enrolment form (STUDENT_FIELDS); the student of a recorded enrolment is fixed. */
export function StudentForm({ studentLabel, editing, ...binding }: StudentFormProps) {
  return <RecordForm {...binding} layout={STUDENT_FIELDS} saveTestId="student-save" disabled={editing ? ['personId'] : []} currentLabels={{ personId: studentLabel }} />;
}
