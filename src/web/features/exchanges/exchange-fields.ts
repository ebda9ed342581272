import { EXCHANGE_KINDS } from '../../../shared/contracts/exchanges.ts';
import { EXCHANGE_KIND_LABELS } from '../../../shared/i18n/exchange-labels.ts';
import { inLanguages, type FormLayout } from '../../lib/field-spec.ts';

/** An opportunity's form: titles, kind, the host and the unit that offers it, the year, places and dates, the day applications close, the field of education, notes. */
export const OPPORTUNITY_FIELDS: FormLayout = [
  {
    items: [
      ...inLanguages('title', 300, { languages: ['En', 'Zh'], testIdEn: 'opportunity-title-en' }),
      { name: 'kind', kind: 'select', values: EXCHANGE_KINDS, labels: { table: EXCHANGE_KIND_LABELS }, width: 'third', testId: 'opportunity-kind' },
      { name: 'hostInstitutionId', kind: 'institution', width: 'third', testId: 'opportunity-host' },
      { name: 'unitId', kind: 'unit', width: 'third' },
      { name: 'academicYear', kind: 'number', min: 1900, max: 2100, width: 'third' },
      { name: 'places', kind: 'number', min: 0, max: 1000, width: 'third', testId: 'opportunity-places-input' },
      { name: 'startsOn', kind: 'date', width: 'sixth' },
      { name: 'endsOn', kind: 'date', width: 'sixth' },
      { name: 'applicationsCloseOn', kind: 'date', width: 'third', testId: 'opportunity-applications-close' },
      // The field of education of the places, which a nomination to an EWP partner states.
      { name: 'iscedFCode', kind: 'text', maxLength: 4, width: 'third', hint: 'xchg.iscedFCodeHint' },
      { name: 'notes', kind: 'longText', maxLength: 5000 },
    ],
  },
];

/** An application's form: the opportunity (a list the page loads) and the student, when and how they apply, the dates abroad, the student's field and EQF level, notes. */
export const APPLICATION_FIELDS: FormLayout = [
  {
    items: [
      { slot: 'opportunity', width: 'half' },
      { name: 'personId', kind: 'person', width: 'half', testId: 'application-person' },
      { name: 'appliedOn', kind: 'date', width: 'third' },
      { name: 'score', kind: 'number', min: 0, max: 100, step: 0.1, width: 'third' },
      { name: 'languageCertificate', kind: 'text', maxLength: 300, width: 'third' },
      { name: 'departureDate', kind: 'date', width: 'half' },
      { name: 'returnDate', kind: 'date', width: 'half' },
      // The student's own field and level, which a nomination to an EWP partner states.
      { name: 'iscedFCode', kind: 'text', maxLength: 4, width: 'half', hint: 'xchg.iscedFCodeHint' },
      { name: 'eqfLevel', kind: 'number', min: 1, max: 8, width: 'half', hint: 'xchg.eqfLevelHint', absentWhenCleared: true },
      { name: 'notes', kind: 'longText', maxLength: 5000 },
    ],
  },
];
