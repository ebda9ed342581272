import {
  COUNTED_STATUSES,
  OFFICE_ONLY_STEPS,
  REPORT_DUE_DAYS,
  VISIT_DELETABLE_STATUSES,
  VISIT_FROZEN_STATUSES,
  VISIT_STATUSES,
  VISIT_TRANSITIONS,
} from '../contracts/visits.ts';
import { VISIT_STATUS_LABELS } from '../i18n/visit-labels.ts';
import { describeKind } from './kind.ts';

/**
 * A visit from abroad: the host unit requests, the office approves or rejects, the visit is
 * held from its first day and closed with its report (minutes), due 30 days after it ends.
 */
export const VISIT_KIND = describeKind({
  policy: 'visit',
  audit: 'visit',
  labelKey: 'visits',
  statusLabels: VISIT_STATUS_LABELS,
  states: VISIT_STATUSES,
  initial: 'requested',
  transitions: VISIT_TRANSITIONS,
  officeOnly: OFFICE_ONLY_STEPS,
  steps: {
    approved: { records: ['approvedOn'] },
    rejected: { records: ['rejectedOn'] },
    held: { records: ['heldOn'], notBefore: { date: 'startDate', reason: 'visit_not_started', blame: 'on_if_given' } },
    closed: { records: ['closedOn', 'reportSubmittedOn'], requires: ['report'] },
    cancelled: { records: ['cancelledOn'] },
  },
  illegalStep: 'illegal_transition',
  frozen: VISIT_FROZEN_STATUSES,
  deletable: VISIT_DELETABLE_STATUSES,
  counted: COUNTED_STATUSES,
  deadlines: [{ what: 'report', from: 'endDate', after: { days: REPORT_DUE_DAYS }, owedIn: ['held'] }],
});
