import { PROTOCOL_LEVELS, VISIT_PURPOSES } from '../../../shared/contracts/visits.ts';
import { PROTOCOL_LEVEL_LABELS, VISIT_PURPOSE_LABELS } from '../../../shared/i18n/visit-labels.ts';
import type { FormLayout } from '../../lib/field-spec.ts';

/** A visit's form: what, when and who hosts; the delegation; our reception and notes. */
export const VISIT_FIELDS: FormLayout = [
  {
    title: 'visit.section.visit',
    items: [
      { name: 'titleEn', kind: 'text', maxLength: 500, width: 'half' },
      { name: 'titleZh', kind: 'text', maxLength: 500, lang: 'zh', width: 'half' },
      { name: 'startDate', kind: 'date', width: 'third' },
      { name: 'endDate', kind: 'date', width: 'third' },
      { name: 'purpose', kind: 'select', values: VISIT_PURPOSES, labels: { table: VISIT_PURPOSE_LABELS }, width: 'third', testId: 'visit-purpose' },
      { name: 'hostUnitId', kind: 'unit', width: 'half', testId: 'visit-host-unit' },
      { name: 'protocolLevel', kind: 'select', values: PROTOCOL_LEVELS, labels: { table: PROTOCOL_LEVEL_LABELS }, width: 'half', testId: 'visit-protocol-level' },
    ],
  },
  { title: 'visit.section.delegation', items: [{ slot: 'delegation' }] },
  {
    title: 'visit.section.reception',
    items: [
      { name: 'receivingOfficial', kind: 'text', maxLength: 300 },
      { name: 'notes', kind: 'longText', maxLength: 10000 },
    ],
  },
];
