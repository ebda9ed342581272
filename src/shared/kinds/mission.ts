import { MISSION_COUNTED_STATUSES, MISSION_DELETABLE_STATUSES, MISSION_STATUSES, MISSION_TRANSITIONS } from '../contracts/missions.ts';
import { MISSION_STATUS_LABELS } from '../i18n/mission-labels.ts';
import { describeMovement } from './movement.ts';

/**
 * A mission abroad (因公出国/境): the unit requests, the office approves on its approval number
 * (批件号) or rejects, the members travel from the first day, and the mission is closed with
 * the report, due 30 days after return.
 */
export const MISSION_KIND = describeMovement({
  entity: 'mission',
  labelKey: 'missions',
  statusLabels: MISSION_STATUS_LABELS,
  states: MISSION_STATUSES,
  transitions: MISSION_TRANSITIONS,
  tookPlace: 'travelled',
  approvalRequires: ['approvalDocumentNo'],
  deletable: MISSION_DELETABLE_STATUSES,
  counted: MISSION_COUNTED_STATUSES,
});
