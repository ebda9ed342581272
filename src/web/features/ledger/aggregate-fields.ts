import { DIRECTIONS, WHO } from '../../../shared/contracts/ledger.ts';
import type { FormLayout } from '../../lib/field-spec.ts';

/** An aggregate count's form: which way and who, how many, of what (a list of categories), when, where and from which document. */
export const AGGREGATE_FIELDS: FormLayout = [
  {
    items: [
      { name: 'direction', kind: 'select', values: DIRECTIONS, labels: { messages: 'ledger.direction' }, width: 'half' },
      { name: 'who', kind: 'select', values: WHO, labels: { messages: 'ledger.who' }, width: 'half' },
      { name: 'count', kind: 'number', min: 1, integer: true, width: 'half' },
      { slot: 'category', width: 'half' },
      { name: 'startDate', kind: 'date', width: 'half' },
      { slot: 'endDate', width: 'half' },
      { name: 'countryCode', kind: 'country', width: 'half' },
      { name: 'unitId', kind: 'unit', anyUnit: true, width: 'half' },
      { name: 'institutionId', kind: 'institution' },
      { name: 'sourceDocument', kind: 'text', maxLength: 500 },
      { name: 'notes', kind: 'longText', maxLength: 5000, rows: [2, 6] },
    ],
  },
];
