import { inLanguages, type FieldSpec, type FormLayout } from '../../lib/field-spec.ts';

const count = (name: string, max: number): FieldSpec => ({ name, kind: 'number', min: 0, max, width: 'third', absentWhenCleared: true });

/** A conference's form: titles, dates and venue; host unit and co-organizers; scale; the summary once held; notes. */
export const CONFERENCE_FIELDS: FormLayout = [
  {
    title: 'conf.section.titles',
    items: [
      ...inLanguages('title', 500),
      { name: 'venue', kind: 'text', maxLength: 500, width: 'half' },
      { name: 'startDate', kind: 'date', width: 'half' },
      { name: 'endDate', kind: 'date', width: 'half' },
    ],
  },
  {
    title: 'conf.section.organizers',
    items: [{ name: 'hostUnitId', kind: 'unit', width: 'half' }, { slot: 'coOrganizers' }],
  },
  {
    title: 'conf.section.scale',
    items: [
      count('participants', 1_000_000),
      count('foreignParticipants', 1_000_000),
      count('countriesRepresented', 300),
      { name: 'summary', kind: 'longText', maxLength: 50000, rows: [3, 16] },
      { name: 'notes', kind: 'longText', maxLength: 10000 },
    ],
  },
];
