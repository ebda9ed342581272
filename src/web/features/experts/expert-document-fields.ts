import { EXPERT_DOCUMENT_KINDS } from '../../../shared/contracts/appointments.ts';
import { EXPERT_DOCUMENT_KIND_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { FormLayout } from '../../lib/field-spec.ts';

/** An expert's document: its kind and what it belongs to, its number (personal data), when issued and until when, notes. */
export const EXPERT_DOCUMENT_FIELDS: FormLayout = [
  {
    items: [
      { name: 'kind', kind: 'select', values: EXPERT_DOCUMENT_KINDS, labels: { table: EXPERT_DOCUMENT_KIND_LABELS }, width: 'half' },
      { slot: 'appointment', width: 'half' },
      { name: 'number', kind: 'text', maxLength: 100, noAutocomplete: true },
      { name: 'issuedOn', kind: 'date', width: 'half' },
      { name: 'expiresOn', kind: 'date', width: 'half' },
      { name: 'notes', kind: 'longText', maxLength: 5000, rows: [2, 6] },
    ],
  },
];
