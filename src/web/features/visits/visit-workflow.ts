import type { Visit, VisitStatus } from '../../../shared/contracts/visits.ts';
import { OFFICE_ONLY_STEPS, VISIT_TRANSITIONS } from '../../../shared/contracts/visits.ts';
import { VISIT_STATUS_LABELS } from '../../../shared/i18n/visit-labels.ts';
import type { WorkflowDescription } from '../../components/workflow-description.ts';

/**
 * A visit's workflow: requested, approved by the office, held, closed with its report (the
 * minutes); rejected and cancelled leave the path.
 */
export const VISIT_WORKFLOW: WorkflowDescription<VisitStatus, Visit> = {
  prefix: 'visit',
  entity: 'visit',
  transitions: VISIT_TRANSITIONS,
  officeSteps: OFFICE_ONLY_STEPS,
  statusLabels: VISIT_STATUS_LABELS,
  path: ['requested', 'approved', 'held', 'closed'],
  dateOf: { requested: 'requestedOn', approved: 'approvedOn', held: 'heldOn', closed: 'closedOn', rejected: 'rejectedOn', cancelled: 'cancelledOn' },
  forward: ['approved', 'held', 'closed'],
  danger: ['rejected', 'cancelled'],
  inputs: {
    closed: [{ field: 'report', label: 'visit.field.report', extra: 'visit.reportHint', required: true, multiline: true, maxLength: 20000, showCount: true, testId: 'visit-report-text' }],
  },
  wide: ['closed'],
  deadline: {
    overdue: 'reportOverdue',
    dueOn: 'reportDueOn',
    pendingIn: ['approved', 'held'],
    overdueMessage: 'visit.reportOverdue',
    dueMessage: 'visit.reportDue',
    overdueType: 'warning',
    dueAs: 'text',
    overdueTestId: 'visit-report-overdue',
    dueTestId: 'visit-report-due',
  },
  reportIn: ['held', 'closed'],
  messages: {
    title: 'visit.workflow',
    to: 'visit.to',
    on: 'visit.on',
    onIsPrefix: true,
    stepDone: 'visit.stepDone',
    noNext: 'visit.noNext',
    officeOnly: 'visit.officeOnly',
    hints: { held: 'visit.heldHint', cancelled: 'visit.cancelConfirm' },
  },
};
