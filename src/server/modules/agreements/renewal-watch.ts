import type { Locale } from '../../../shared/contracts/common.ts';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_LEVEL_LABELS,
  AGREEMENT_STATUS_LABELS,
  RENEWAL_WATCH_HEADINGS,
} from '../../../shared/i18n/agreement-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';

const yes = { en: 'yes', zh: '是', fr: 'oui' } as const;
const titles = { en: 'Renewal watch', zh: '续签提醒', fr: 'Suivi des renouvellements' } as const;

/** The renewal watch as a table in the reader's language; names keep their own script. */
export function renewalWatchTable(items: Agreement[], unitNames: Map<number, string>, locale: Locale, asOf: string): ExportTable {
  const title = (a: Agreement) => (locale === 'zh' ? a.titleZh : locale === 'fr' ? (a.titleFr ?? a.titleEn) : a.titleEn);
  const h = RENEWAL_WATCH_HEADINGS;
  return {
    name: `renewal-watch-${asOf}`,
    title: titles[locale],
    headings: [h.termEndsOn, h.title, h.partners, h.countries, h.level, h.kind, h.status, h.autoRenewal, h.unit].map((x) => x[locale]),
    rows: items.map((a) => [
      a.termEndsOn,
      title(a),
      a.partners.map((p) => (locale === 'zh' && p.nameZh ? p.nameZh : p.nameEn)).join('; '),
      [...new Set(a.partners.map((p) => p.countryCode))].join(', '),
      AGREEMENT_LEVEL_LABELS[a.level][locale],
      AGREEMENT_KIND_LABELS[a.kind][locale],
      AGREEMENT_STATUS_LABELS[a.status][locale],
      a.autoRenewal ? yes[locale] : '',
      a.unitId !== null ? (unitNames.get(a.unitId) ?? '') : '',
    ]),
  };
}
