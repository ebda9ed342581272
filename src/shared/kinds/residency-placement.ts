import { PLACEMENT_COUNTED_STATUSES, PLACEMENT_STATUSES, PLACEMENT_TRANSITIONS } from '../contracts/programmes.ts';
import { PLACEMENT_STATUS_LABELS } from '../i18n/programme-labels.ts';
import { describeKind } from './kind.ts';

/**
 * A joint programme student's residency placement abroad: proposed, confirmed (the student is
 * sent), completed once started, or withdrawn. Confirming needs a student still enrolled who
 * meets the residency standard on that day: code (server programmes.rules.ts#meetsStandard).
 */
export const RESIDENCY_PLACEMENT_KIND = describeKind({
  policy: 'programme',
  audit: 'residency_placement',
  labelKey: 'placements',
  statusLabels: PLACEMENT_STATUS_LABELS,
  states: PLACEMENT_STATUSES,
  initial: 'proposed',
  transitions: PLACEMENT_TRANSITIONS,
  officeOnly: [],
  steps: {
    confirmed: { records: ['confirmedOn'] },
    completed: { records: ['completedOn'], notBefore: { date: 'startDate', reason: 'placement_not_started', blame: 'on_if_given' } },
    withdrawn: { records: ['withdrawnOn'] },
  },
  illegalStep: 'illegal_transition',
  frozen: ['withdrawn'],
  deletable: [],
  counted: PLACEMENT_COUNTED_STATUSES,
  deadlines: [],
});
