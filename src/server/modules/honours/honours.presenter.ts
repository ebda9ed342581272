import type { Locale } from '../../../shared/contracts/common.ts';
import type { Honour } from '../../../shared/contracts/honours.ts';
import { HONOUR_EXPORT_HEADINGS, HONOUR_KIND_LABELS } from '../../../shared/i18n/honour-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';
import { awardedBy, dateAsKnown, romanisedName } from './honours.rules.ts';

/** The honour's name in the reader's language (English when it has none in theirs). */
function honourName(h: Honour, locale: Locale): string {
  return (locale === 'zh' ? h.nameZh : locale === 'fr' ? h.nameFr : null) ?? h.nameEn;
}

/** The honours as a table in the reader's language; names keep their own script beside the romanisation. */
export function honoursTable(items: Honour[], unitNames: Map<number, string>, locale: Locale, name: string): ExportTable {
  const h = HONOUR_EXPORT_HEADINGS;
  return {
    name,
    title: h.title[locale],
    headings: [h.conferred, h.holder, h.nameZh, h.kind, h.honour, h.original, h.awardedBy, h.country, h.notable, h.unit].map((x) => x[locale]),
    rows: items.map((r) => [
      dateAsKnown(r.conferredOn, r.datePrecision),
      romanisedName(r.person),
      r.person.nameZh,
      HONOUR_KIND_LABELS[r.kind][locale],
      honourName(r, locale),
      r.nameOriginal,
      awardedBy(r)?.[locale] ?? '',
      r.countryCode,
      r.notable ? h.yes[locale] : '',
      r.unitId !== null ? (unitNames.get(r.unitId) ?? '') : '',
    ]),
  };
}
