import { PROTOCOL_LEVELS, VISIT_PURPOSES } from '../../../shared/contracts/visits.ts';
import { PROTOCOL_LEVEL_LABELS, VISIT_PURPOSE_LABELS } from '../../../shared/i18n/visit-labels.ts';
import { inLanguages, type FormLayout } from '../../lib/field-spec.ts';

/** A visit's form: what, when and who hosts; the delegation; our reception and notes. */
export const VISIT_FIELDS: FormLayout = [
  {
    title: 'visit.section.visit',
    items: [
      ...inLanguages('title', 500, { languages: ['En', 'Zh'] }),
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

/** A visitor not recorded yet: the few fields of a person a delegation needs (personal data is entered on the person's page). */
export const VISITOR_FIELDS: FormLayout = [
  {
    items: [
      { name: 'familyName', kind: 'text', maxLength: 200, autoFocus: true, width: 'half' },
      { name: 'givenName', kind: 'text', maxLength: 200, width: 'half' },
      { name: 'nameZh', kind: 'text', maxLength: 100, lang: 'zh', label: 'visit.nameInScript', width: 'half' },
      { name: 'title', kind: 'text', maxLength: 200, width: 'half' },
      { name: 'nationality', kind: 'country', width: 'half' },
      { name: 'institutionId', kind: 'institution', width: 'half' },
    ],
  },
];
