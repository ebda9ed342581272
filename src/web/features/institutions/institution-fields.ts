import { INSTITUTION_KINDS } from '../../../shared/contracts/institutions.ts';
import { inLanguages, type FormLayout } from '../../lib/field-spec.ts';

/** An institution's form: its kind, names, place, identifiers (the catalogue reference is set by the catalogue only), notes. */
export const INSTITUTION_FIELDS: FormLayout = [
  { items: [{ name: 'kind', kind: 'select', values: INSTITUTION_KINDS, labels: { messages: 'inst.kind' }, width: 'half' }] },
  {
    title: 'inst.section.names',
    items: [
      ...inLanguages('name', 300),
      { name: 'nameLocal', kind: 'text', maxLength: 300, width: 'half' },
      { name: 'otherNames', kind: 'tags', placeholder: 'inst.otherNamesHint' },
    ],
  },
  {
    title: 'inst.section.place',
    items: [
      { name: 'countryCode', kind: 'country', width: 'third' },
      { name: 'city', kind: 'text', maxLength: 120, width: 'third' },
      { name: 'website', kind: 'text', maxLength: 500, placeholder: 'https://', width: 'third' },
    ],
  },
  {
    title: 'inst.section.identifiers',
    items: [
      { name: 'ror', kind: 'text', placeholder: '05f82e368', width: 'third' },
      { name: 'schac', kind: 'text', placeholder: 'u-paris.fr', width: 'third' },
      { name: 'erasmusCode', kind: 'text', placeholder: 'F PARIS479', width: 'third' },
      { name: 'pic', kind: 'text', placeholder: '999999999', maxLength: 9, width: 'third' },
      { name: 'referenceRef', kind: 'text', readOnly: true, width: 'third' },
      { name: 'notes', kind: 'longText', maxLength: 5000, rows: [3, 10] },
    ],
  },
];
