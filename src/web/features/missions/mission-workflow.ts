import type { Mission, MissionStatus } from '../../../shared/contracts/missions.ts';
import { MISSION_OFFICE_ONLY_STEPS, MISSION_TRANSITIONS } from '../../../shared/contracts/missions.ts';
import { MISSION_STATUS_LABELS } from '../../../shared/i18n/mission-labels.ts';
import type { WorkflowDescription } from '../../components/workflow-description.ts';

/**
 * A mission's workflow: requested, approved by the office with its approval number (批件号),
 * travelled, closed with the report on return; rejected and cancelled leave the path.
 */
export const MISSION_WORKFLOW: WorkflowDescription<MissionStatus, Mission> = {
  prefix: 'mission',
  entity: 'mission',
  transitions: MISSION_TRANSITIONS,
  officeSteps: MISSION_OFFICE_ONLY_STEPS,
  statusLabels: MISSION_STATUS_LABELS,
  path: ['requested', 'approved', 'travelled', 'closed'],
  dateOf: { requested: 'requestedOn', approved: 'approvedOn', travelled: 'travelledOn', closed: 'closedOn', rejected: 'rejectedOn', cancelled: 'cancelledOn' },
  forward: ['approved', 'travelled', 'closed'],
  danger: ['rejected', 'cancelled'],
  inputs: {
    approved: [{ field: 'approvalDocumentNo', label: 'mission.field.approvalDocumentNo', required: true, maxLength: 100, testId: 'mission-approval-no', everyStep: true }],
    closed: [{ field: 'report', label: 'mission.field.report', extra: 'mission.reportHint', required: true, multiline: true, maxLength: 20000, showCount: true, testId: 'mission-report-text', everyStep: true }],
  },
  wide: ['closed'],
  deadline: {
    overdue: 'reportOverdue',
    dueOn: 'reportDueOn',
    pendingIn: ['approved', 'travelled'],
    overdueMessage: 'mission.reportOverdue',
    dueMessage: 'mission.reportDue',
    overdueType: 'warning',
    dueAs: 'text',
    overdueTestId: 'mission-report-overdue',
    dueTestId: 'mission-report-due',
  },
  reportIn: ['travelled', 'closed'],
  messages: {
    title: 'mission.workflow',
    to: 'mission.to',
    on: 'mission.on',
    onIsPrefix: true,
    stepDone: 'mission.stepDone',
    noNext: 'mission.noNext',
    officeOnly: 'mission.officeOnly',
    hints: { travelled: 'mission.travelledHint', cancelled: 'mission.cancelConfirm', approved: 'mission.approveHint' },
  },
};
