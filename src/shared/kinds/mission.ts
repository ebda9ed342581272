import {
  MISSION_COUNTED_STATUSES,
  MISSION_DELETABLE_STATUSES,
  MISSION_FROZEN_STATUSES,
  MISSION_OFFICE_ONLY_STEPS,
  MISSION_REPORT_DUE_DAYS,
  MISSION_STATUSES,
  MISSION_TRANSITIONS,
} from '../contracts/missions.ts';
import { MISSION_STATUS_LABELS } from '../i18n/mission-labels.ts';
import { describeKind } from './kind.ts';

/**
 * A mission abroad (因公出国/境): the unit requests, the office approves on its approval number
 * (批件号) or rejects, the members travel from the first day, and the mission is closed with
 * the report, due 30 days after return.
 */
export const MISSION_KIND = describeKind({
  policy: 'mission',
  audit: 'mission',
  labelKey: 'missions',
  statusLabels: MISSION_STATUS_LABELS,
  states: MISSION_STATUSES,
  initial: 'requested',
  transitions: MISSION_TRANSITIONS,
  officeOnly: MISSION_OFFICE_ONLY_STEPS,
  steps: {
    approved: { records: ['approvedOn'], requires: ['approvalDocumentNo'] },
    rejected: { records: ['rejectedOn'] },
    travelled: { records: ['travelledOn'], notBefore: { date: 'startDate', reason: 'mission_not_started', blame: 'on_if_given' } },
    closed: { records: ['closedOn', 'reportSubmittedOn'], requires: ['report'] },
    cancelled: { records: ['cancelledOn'] },
  },
  illegalStep: 'illegal_transition',
  frozen: MISSION_FROZEN_STATUSES,
  deletable: MISSION_DELETABLE_STATUSES,
  counted: MISSION_COUNTED_STATUSES,
  deadlines: [{ what: 'report', from: 'endDate', after: { days: MISSION_REPORT_DUE_DAYS }, owedIn: ['travelled'] }],
});
