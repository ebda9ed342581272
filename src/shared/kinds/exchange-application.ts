import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, EXCHANGE_COUNTED_STATUSES } from '../contracts/exchanges.ts';
import { APPLICATION_STATUS_LABELS } from '../i18n/exchange-labels.ts';
import { describeKind } from './kind.ts';

/**
 * A student's application to an exchange opportunity: submitted, shortlisted, decided
 * (selected, waitlisted, rejected), nominated to the host, departed and returned. Selecting
 * takes one of the opportunity's places, by merit when the office runs the allocation: that is
 * code (server exchanges.rules.ts#allocatePlaces, #planApplicationTransition), not data.
 */
/** No application is decided before it was made. */
const APPLIED = { date: 'appliedOn', reason: 'before_applied', blame: 'on' } as const;

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
    selected: { records: ['decidedOn'], notBefore: APPLIED },
    waitlisted: { records: ['decidedOn'], notBefore: APPLIED },
    rejected: { records: ['decidedOn'], notBefore: APPLIED },
  },
  illegalStep: 'illegal_transition',
  frozen: [],
  deletable: [],
  counted: EXCHANGE_COUNTED_STATUSES,
  deadlines: [],
});
