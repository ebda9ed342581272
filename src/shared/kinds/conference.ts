import {
  CONFERENCE_STATUSES,
  CONFERENCE_TRANSITIONS,
  DELETABLE_CONFERENCE_STATUSES,
  LEDGER_CONFERENCE_STATUSES,
  OFFICE_CONFERENCE_STEPS,
  SUMMARY_DUE_MONTHS,
} from '../contracts/conferences.ts';
import { CONFERENCE_STATUS_LABELS } from '../i18n/inbound-labels.ts';
import { describeKind } from './kind.ts';

/**
 * An international conference we host: the unit proposes, the office approves or rejects, it
 * is held from its first day and closed from its last with its summary, due two months after.
 * A closed conference is in the reported figures: it is never deleted.
 */
export const CONFERENCE_KIND = describeKind({
  policy: 'conference',
  audit: 'conference',
  labelKey: 'conferences',
  statusLabels: CONFERENCE_STATUS_LABELS,
  states: CONFERENCE_STATUSES,
  initial: 'proposed',
  transitions: CONFERENCE_TRANSITIONS,
  officeOnly: OFFICE_CONFERENCE_STEPS,
  steps: {
    approved: { decision: true },
    rejected: { decision: true },
    held: { notBefore: { date: 'startDate', reason: 'before_start', blame: 'on' } },
    closed: { records: ['summarySubmittedOn'], requires: ['summary'], notBefore: { date: 'endDate', reason: 'before_end', blame: 'on' } },
  },
  illegalStep: 'not_a_step',
  frozen: [],
  deletable: DELETABLE_CONFERENCE_STATUSES,
  counted: LEDGER_CONFERENCE_STATUSES,
  deadlines: [{ what: 'summary', from: 'endDate', after: { months: SUMMARY_DUE_MONTHS }, owedIn: ['held'] }],
});
