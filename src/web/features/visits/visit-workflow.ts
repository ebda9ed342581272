import type { Visit, VisitStatus } from '../../../shared/contracts/visits.ts';
import { VISIT_TRANSITIONS } from '../../../shared/contracts/visits.ts';
import { VISIT_KIND } from '../../../shared/kinds/visit.ts';
import { VISIT_STATUS_LABELS } from '../../../shared/i18n/visit-labels.ts';
import { movementWorkflow } from '../../components/movement-workflow.ts';

/** A visit's workflow: requested, approved by the office, held, closed with its report (the minutes). */
export const VISIT_WORKFLOW = movementWorkflow<VisitStatus, Visit>('visit', 'held', {
  transitions: VISIT_TRANSITIONS,
  kind: VISIT_KIND,
  statusLabels: VISIT_STATUS_LABELS,
  inputs: {
    closed: [{ field: 'report', label: 'visit.field.report', extra: 'visit.reportHint', required: true, multiline: true, maxLength: 20000, showCount: true, testId: 'visit-report-text' }],
  },
  hints: { held: 'visit.heldHint', cancelled: 'visit.cancelConfirm' },
});
