import { APPOINTMENT_TITLES } from '../../../shared/contracts/appointments.ts';
import { APPOINTMENT_TITLE_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import type { FormLayout } from '../../lib/field-spec.ts';

/** An appointment's form: the expert (picked, or added on the spot), title, appointing unit, home institution, term, notes. */
export const APPOINTMENT_FIELDS: FormLayout = [
  {
    items: [
      { slot: 'expert', width: 'full' },
      { name: 'title', kind: 'select', values: APPOINTMENT_TITLES, labels: { table: APPOINTMENT_TITLE_LABELS }, width: 'half' },
      { name: 'unitId', kind: 'unit', width: 'half' },
      { name: 'institutionId', kind: 'institution' },
      { name: 'startDate', kind: 'date', width: 'half' },
      { name: 'endDate', kind: 'date', width: 'half', hint: 'exp.endHint' },
      { name: 'notes', kind: 'longText', maxLength: 10000 },
    ],
  },
];
