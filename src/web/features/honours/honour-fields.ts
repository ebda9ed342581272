import { DATE_PRECISIONS, HONOUR_KINDS } from '../../../shared/contracts/honours.ts';
import type { FormLayout } from '../../lib/field-spec.ts';

/** An honour's form: holder and kind, its names, who gave it and where, when (and how precisely), our unit, notable, citation. */
export const HONOUR_FIELDS: FormLayout = [
  {
    items: [
      { name: 'personId', kind: 'person', width: 'half', testId: 'honour-person' },
      { name: 'kind', kind: 'select', values: HONOUR_KINDS, labels: { messages: 'honour.kind' }, width: 'half', testId: 'honour-kind' },
      { name: 'nameEn', kind: 'text', maxLength: 300, width: 'half', testId: 'honour-name-en' },
      { name: 'nameOriginal', kind: 'text', maxLength: 300, width: 'half' },
      { name: 'nameZh', kind: 'text', maxLength: 300, lang: 'zh', width: 'half' },
      { name: 'nameFr', kind: 'text', maxLength: 300, lang: 'fr', width: 'half' },
      { name: 'awardingInstitutionId', kind: 'institution', clearable: true, width: 'third', hint: 'hon.bodyHint' },
      { name: 'awardingBody', kind: 'text', maxLength: 300, width: 'third' },
      { name: 'awardingBodyZh', kind: 'text', maxLength: 300, lang: 'zh', width: 'half' },
      { name: 'awardingBodyFr', kind: 'text', maxLength: 300, lang: 'fr', width: 'half' },
      { name: 'countryCode', kind: 'country', clearable: true, width: 'third' },
      { name: 'conferredOn', kind: 'date', width: 'third', hint: 'hon.dateHint' },
      { name: 'datePrecision', kind: 'select', values: DATE_PRECISIONS, labels: { messages: 'honour.precision' }, width: 'third' },
      { name: 'unitId', kind: 'unit', clearable: true, width: 'third', hint: 'hon.unitHint' },
      { name: 'notable', kind: 'yesNo', testId: 'honour-notable-switch' },
      { name: 'citation', kind: 'longText', maxLength: 5000 },
    ],
  },
];
