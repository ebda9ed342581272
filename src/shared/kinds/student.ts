import { STUDENT_COUNTED_STATUSES, STUDENT_DELETABLE_STATUSES, STUDENT_STATUSES, STUDENT_TRANSITIONS } from '../contracts/students.ts';
import { STUDENT_STATUS_LABELS } from '../i18n/student-labels.ts';
import { describeKind } from './kind.ts';

/**
 * An international degree student's enrolment: admitted, registered (enrolled), perhaps
 * suspended and resumed, then graduated, withdrawn or transferred. No step is dated before the
 * registration (before the admission when never registered): the enrolment's own rule
 * (server students.rules.ts#planStudentTransition), as is keeping the registration date on resuming.
 */
export const STUDENT_KIND = describeKind({
  policy: 'student',
  audit: 'student',
  labelKey: 'students',
  statusLabels: STUDENT_STATUS_LABELS,
  states: STUDENT_STATUSES,
  initial: 'admitted',
  transitions: STUDENT_TRANSITIONS,
  officeOnly: [],
  steps: {
    suspended: { records: ['suspendedOn'] },
    graduated: { records: ['completedOn'] },
    withdrawn: { records: ['leftOn'] },
    transferred: { records: ['leftOn'] },
  },
  illegalStep: 'illegal_transition',
  frozen: [],
  deletable: STUDENT_DELETABLE_STATUSES,
  counted: STUDENT_COUNTED_STATUSES,
  // the expected end of the studies: the office and the unit graduate the student, or record a
  // later expected end (a suspension, a repeated year), from 60 days before it
  deadlines: [{ what: 'completion', from: 'expectedCompletionOn', after: { days: -60 }, owedIn: ['enrolled', 'suspended'] }],
});
