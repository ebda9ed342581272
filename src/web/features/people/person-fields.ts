import { GENDERS } from '../../../shared/contracts/people.ts';
import type { FormLayout } from '../../lib/field-spec.ts';

/** A person's form: names, gender, nationality, contact, institution and our unit, notes; then the personal data, for the roles that see it. */
export const PERSON_FIELDS: FormLayout = [
  {
    items: [
      { name: 'familyName', kind: 'text', maxLength: 200, width: 'third' },
      { name: 'givenName', kind: 'text', maxLength: 200, width: 'third' },
      { name: 'nameZh', kind: 'text', maxLength: 100, lang: 'zh', width: 'third' },
      { name: 'otherNames', kind: 'tags' },
      { name: 'gender', kind: 'select', values: GENDERS, labels: { messages: 'person.gender' }, clearable: true, width: 'third' },
      { name: 'nationality', kind: 'country', width: 'third' },
      { name: 'email', kind: 'text', email: true, maxLength: 200, width: 'third' },
      { name: 'institutionId', kind: 'institution', width: 'half' },
      { name: 'title', kind: 'text', maxLength: 200, width: 'half' },
      { name: 'unitId', kind: 'unit', anyUnit: true, width: 'half' },
      { name: 'notes', kind: 'longText', maxLength: 5000, rows: [2, 8] },
    ],
  },
  {
    key: 'personalData',
    title: 'person.personalData',
    locked: true,
    hint: 'person.personalDataHint',
    items: [
      { name: 'birthDate', kind: 'date', noFuture: true, width: 'third' },
      { name: 'passportNumber', kind: 'text', maxLength: 20, upperCase: true, noAutocomplete: true, width: 'third' },
    ],
  },
];
