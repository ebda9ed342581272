import { FUNDING_SOURCES, MISSION_PURPOSES } from '../../../shared/contracts/missions.ts';
import { FUNDING_SOURCE_LABELS, MISSION_PURPOSE_LABELS } from '../../../shared/i18n/mission-labels.ts';
import { inLanguages, type FormLayout } from '../../lib/field-spec.ts';

/** A mission's form: what, when and which unit sends it; the itinerary with its hosts; our staff; the approval and the funding. */
export const MISSION_FIELDS: FormLayout = [
  {
    title: 'mission.section.mission',
    items: [
      ...inLanguages('title', 500, { languages: ['En', 'Zh'], testIdEn: 'mission-title-en' }),
      { name: 'startDate', kind: 'date', width: 'third', testId: 'mission-start' },
      { name: 'endDate', kind: 'date', width: 'third', testId: 'mission-end' },
      { name: 'purpose', kind: 'select', values: MISSION_PURPOSES, labels: { table: MISSION_PURPOSE_LABELS }, width: 'third', testId: 'mission-purpose' },
      { name: 'unitId', kind: 'unit', width: 'half', testId: 'mission-unit' },
    ],
  },
  {
    title: 'mission.section.itinerary',
    items: [{ slot: 'destinations' }, { name: 'invitationReference', kind: 'text', maxLength: 300 }],
  },
  { title: 'mission.section.members', items: [{ slot: 'members' }] },
  {
    title: 'mission.section.approval',
    items: [
      { name: 'fundingSource', kind: 'select', values: FUNDING_SOURCES, labels: { table: FUNDING_SOURCE_LABELS }, width: 'half', testId: 'mission-funding' },
      { name: 'approvalDocumentNo', kind: 'text', maxLength: 100, width: 'half' },
      { name: 'notes', kind: 'longText', maxLength: 10000 },
    ],
  },
];
