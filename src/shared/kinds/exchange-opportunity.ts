import { OPPORTUNITY_SELECTIONS, OPPORTUNITY_SELECTION_TRANSITIONS } from '../contracts/exchanges.ts';
import { OPPORTUNITY_SELECTION_LABELS } from '../i18n/exchange-labels.ts';
import { describeKind } from './kind.ts';

/**
 * An exchange opportunity's selection, as the to-do list reads it: once its applications have
 * closed (the day after `applicationsCloseOn`) while applications wait on a decision and the
 * places were never allocated, whoever may allocate (policy `exchange_selection`: the office)
 * owes the allocation, due 14 days after the closing day. The states are derived from the
 * records, not stored (server todo-sources.ts says how): an application arriving or decided
 * moves it between open and waiting, the allocation (exchanges.service.ts#allocateOpportunity,
 * which writes `allocatedOn`) ends it — and the item goes at once.
 */
export const EXCHANGE_OPPORTUNITY_KIND = describeKind({
  policy: 'exchange_selection',
  audit: 'exchange_opportunity',
  labelKey: 'exchangeOpportunities',
  statusLabels: OPPORTUNITY_SELECTION_LABELS,
  states: OPPORTUNITY_SELECTIONS,
  initial: 'open',
  transitions: OPPORTUNITY_SELECTION_TRANSITIONS,
  officeOnly: ['allocated'],
  steps: { allocated: { records: ['allocatedOn'] } },
  illegalStep: 'not_a_step',
  frozen: [],
  deletable: [],
  counted: [],
  deadlines: [{ what: 'allocation', from: 'applicationsCloseOn', after: { days: 14 }, owedIn: ['waiting'], fromNextDay: true, group: 'approvals' }],
});
