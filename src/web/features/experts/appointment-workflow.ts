import type { Appointment, AppointmentStatus } from '../../../shared/contracts/appointments.ts';
import { APPOINTMENT_TRANSITIONS, OFFICE_APPOINTMENT_STEPS } from '../../../shared/contracts/appointments.ts';
import { APPOINTMENT_STATUS_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { WorkflowDescription } from '../../components/workflow-description.ts';

/**
 * An appointment's lifecycle: a unit proposes, the school confers the title (asked twice) and
 * may withdraw it on a date; both are the office's steps.
 */
export const APPOINTMENT_WORKFLOW: WorkflowDescription<AppointmentStatus, Appointment> = {
  prefix: 'appointment',
  cardTestId: 'appointment-lifecycle',
  entity: 'appointment',
  transitions: APPOINTMENT_TRANSITIONS,
  officeSteps: OFFICE_APPOINTMENT_STEPS,
  statusLabels: APPOINTMENT_STATUS_LABELS,
  path: ['proposed', 'appointed'],
  endNotice: { status: 'revoked', on: 'revokedOn' },
  forward: ['appointed'],
  danger: ['revoked'],
  undated: { appointed: { confirm: 'exp.confirm.appointed' } },
  messages: {
    title: 'exp.lifecycle',
    to: 'exp.to',
    on: 'exp.revokedOn',
    onIsPrefix: false,
    stepDone: 'agr.stepDone',
    noNext: 'exp.noNext',
    noNextWhenOfficeOnly: true,
    officeOnly: 'exp.officeOnly',
    officeOnlyAbove: true,
    officeOnlyTestId: 'appointment-office-only',
  },
};
