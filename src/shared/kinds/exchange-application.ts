import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, EXCHANGE_COUNTED_STATUSES } from '../contracts/exchanges.ts';
import { APPLICATION_STATUS_LABELS } from '../i18n/exchange-labels.ts';
import { describeKind } from './kind.ts';

/**
 * A student's application to an exchange opportunity: submitted, shortlisted, decided
 * (selected, waitlisted, rejected), nominated to the host, departed and returned. Selecting
 * takes one of the opportunity's places, by merit when the office runs the allocation: that is
 * code (server exchanges.rules.ts#allocatePlaces, #planApplicationTransition), not data.
 */
export const EXCHANGE_APPLICATION_KIND = describeKind({
  policy: 'exchange',
  audit: 'exchange_application',
  labelKey: 'exchanges',
  statusLabels: APPLICATION_STATUS_LABELS,
  states: APPLICATION_STATUSES,
  initial: 'submitted',
  transitions: APPLICATION_TRANSITIONS,
  officeOnly: [],
  steps: {
    selected: { records: ['decidedOn'] },
    waitlisted: { records: ['decidedOn'] },
    rejected: { records: ['decidedOn'] },
  },
  illegalStep: 'illegal_transition',
  frozen: [],
  deletable: [],
  counted: EXCHANGE_COUNTED_STATUSES,
  deadlines: [],
});
