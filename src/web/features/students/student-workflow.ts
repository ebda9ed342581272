import type { StudentEnrolment, StudentStatus } from '../../../shared/contracts/students.ts';
import { STUDENT_TRANSITIONS } from '../../../shared/contracts/students.ts';
import { STUDENT_STATUS_LABELS } from '../../../shared/i18n/student-labels.ts';
import type { WorkflowDescription } from '../../components/workflow-description.ts';

/** An enrolment's workflow: registration, suspension, graduation (with the degree), withdrawal, transfer, each dated. */
export const STUDENT_WORKFLOW: WorkflowDescription<StudentStatus, StudentEnrolment> = {
  prefix: 'student',
  entity: 'student',
  transitions: STUDENT_TRANSITIONS,
  statusLabels: STUDENT_STATUS_LABELS,
  forward: ['admitted', 'enrolled', 'suspended', 'graduated'],
  danger: ['withdrawn', 'transferred'],
  inputs: {
    graduated: [{ field: 'degreeAwarded', label: 'stu.field.degreeAwarded', maxLength: 300, testId: 'student-degree' }],
  },
  messages: { title: 'stu.workflow', to: 'student.to', on: 'stu.stepOn', onIsPrefix: false, stepDone: 'stu.stepDone', noNext: 'stu.noNext' },
};
