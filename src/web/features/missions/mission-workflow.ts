import type { Mission, MissionStatus } from '../../../shared/contracts/missions.ts';
import { MISSION_TRANSITIONS } from '../../../shared/contracts/missions.ts';
import { MISSION_KIND } from '../../../shared/kinds/mission.ts';
import { MISSION_STATUS_LABELS } from '../../../shared/i18n/mission-labels.ts';
import { movementWorkflow } from '../../components/movement-workflow.ts';

/**
 * A mission's workflow: requested, approved by the office with its approval number (批件号),
 * travelled, closed with the report on return. Both fields go with every step, as the record
 * holds them, so that a step never drops a number or a report already drafted.
 */
export const MISSION_WORKFLOW = movementWorkflow<MissionStatus, Mission>('mission', 'travelled', {
  transitions: MISSION_TRANSITIONS,
  kind: MISSION_KIND,
  statusLabels: MISSION_STATUS_LABELS,
  inputs: {
    approved: [{ field: 'approvalDocumentNo', label: 'mission.field.approvalDocumentNo', required: true, maxLength: 100, testId: 'mission-approval-no', everyStep: true }],
    closed: [{ field: 'report', label: 'mission.field.report', extra: 'mission.reportHint', required: true, multiline: true, maxLength: 20000, showCount: true, testId: 'mission-report-text', everyStep: true }],
  },
  hints: { travelled: 'mission.travelledHint', cancelled: 'mission.cancelConfirm', approved: 'mission.approveHint' },
});
