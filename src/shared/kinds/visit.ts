import { COUNTED_STATUSES, VISIT_DELETABLE_STATUSES, VISIT_STATUSES, VISIT_TRANSITIONS } from '../contracts/visits.ts';
import { VISIT_STATUS_LABELS } from '../i18n/visit-labels.ts';
import { describeMovement } from './movement.ts';

/**
 * A visit from abroad: the host unit requests, the office approves or rejects, the visit is
 * held from its first day and closed with its report (minutes), due 30 days after it ends.
 */
export const VISIT_KIND = describeMovement({
  entity: 'visit',
  labelKey: 'visits',
  statusLabels: VISIT_STATUS_LABELS,
  states: VISIT_STATUSES,
  transitions: VISIT_TRANSITIONS,
  tookPlace: 'held',
  deletable: VISIT_DELETABLE_STATUSES,
  counted: COUNTED_STATUSES,
});
