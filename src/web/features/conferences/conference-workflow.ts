import type { Conference, ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { CONFERENCE_TRANSITIONS, OFFICE_CONFERENCE_STEPS } from '../../../shared/contracts/conferences.ts';
import { CONFERENCE_STATUS_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { WorkflowDescription } from '../../components/workflow-description.ts';

/**
 * A conference's workflow: a host unit proposes, the office approves or rejects, the unit marks
 * it held (from its first day) and closes it with the summary (from its last); rejecting and
 * cancelling are asked twice and leave the path.
 */
export const CONFERENCE_WORKFLOW: WorkflowDescription<ConferenceStatus, Conference> = {
  prefix: 'conference',
  entity: 'conference',
  transitions: CONFERENCE_TRANSITIONS,
  officeSteps: OFFICE_CONFERENCE_STEPS,
  statusLabels: CONFERENCE_STATUS_LABELS,
  path: ['proposed', 'approved', 'held', 'closed'],
  forward: ['approved', 'held', 'closed'],
  danger: ['rejected', 'cancelled'],
  undated: { approved: { confirm: null }, rejected: { confirm: 'conf.confirm.rejected' }, cancelled: { confirm: 'conf.confirm.cancelled' } },
  notBefore: { held: 'startDate', closed: 'endDate' },
  inputs: {
    closed: [{ field: 'summary', label: 'conf.field.summary', required: true, multiline: true, maxLength: 50000, maxRows: 20, testId: 'conference-summary-input' }],
  },
  wide: ['closed'],
  deadline: {
    overdue: 'summaryOverdue',
    dueOn: 'summaryDueOn',
    pendingIn: ['held'],
    overdueMessage: 'conf.overdueWarning',
    dueMessage: 'conf.summaryDue',
    overdueType: 'error',
    dueAs: 'info',
    overdueTestId: 'conference-overdue',
  },
  messages: {
    title: 'conf.workflow',
    to: 'conf.to',
    on: 'conf.on',
    onIsPrefix: true,
    stepDone: 'agr.stepDone',
    noNext: 'conf.noNext',
    officeOnly: 'conf.officeOnly',
    officeOnlyAbove: true,
    hints: { closed: 'conf.closeHint' },
  },
};
