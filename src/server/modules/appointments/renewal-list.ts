import type { Locale } from '../../../shared/contracts/common.ts';
import type { RenewalItem } from '../../../shared/contracts/appointments.ts';
import {
  APPOINTMENT_RENEWAL_HEADINGS,
  APPOINTMENT_TITLE_LABELS,
  EXPERT_DOCUMENT_KIND_LABELS,
  RENEWAL_ITEM_LABELS,
} from '../../../shared/i18n/inbound-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';

const titles = { en: 'Renewals of experts', zh: '外国专家续聘提醒', fr: 'Renouvellements des experts' } as const;

/** The renewal list as a table in the reader's language; names keep their own script. */
export function renewalListTable(items: RenewalItem[], unitNames: Map<number, string>, locale: Locale, asOf: string): ExportTable {
  const h = APPOINTMENT_RENEWAL_HEADINGS;
  return {
    name: `expert-renewals-${asOf}`,
    title: titles[locale],
    headings: [h.dueOn, h.item, h.expert, h.nameZh, h.nationality, h.title, h.document, h.unit, h.renewed].map((x) => x[locale]),
    rows: items.map((r) => [
      r.dueOn,
      RENEWAL_ITEM_LABELS[r.type][locale],
      [r.person.familyName, r.person.givenName].filter(Boolean).join(', '),
      r.person.nameZh,
      r.person.nationality,
      r.title ? APPOINTMENT_TITLE_LABELS[r.title][locale] : '',
      r.documentKind ? EXPERT_DOCUMENT_KIND_LABELS[r.documentKind][locale] : '',
      r.unitId !== null ? (unitNames.get(r.unitId) ?? '') : '',
      r.successorId !== null ? r.successorId : '',
    ]),
  };
}
