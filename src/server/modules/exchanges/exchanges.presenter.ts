import type { Locale } from '../../../shared/contracts/common.ts';
import type { Application } from '../../../shared/contracts/exchanges.ts';
import { APPLICATION_EXPORT_HEADINGS, APPLICATION_STATUS_LABELS, EXCHANGE_KIND_LABELS } from '../../../shared/i18n/exchange-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';

/** The applications as a table in the reader's language; names keep their own script beside the romanisation. */
export function applicationsTable(items: Application[], locale: Locale, name: string): ExportTable {
  const h = APPLICATION_EXPORT_HEADINGS;
  const hostName = (a: Application) => (locale === 'zh' ? a.hostInstitution.nameZh : locale === 'fr' ? a.hostInstitution.nameFr : null) ?? a.hostInstitution.nameEn;
  return {
    name,
    title: h.title[locale],
    headings: [h.name, h.nameZh, h.exchange, h.kind, h.year, h.host, h.country, h.appliedOn, h.score, h.certificate, h.status, h.departure, h.return].map((x) => x[locale]),
    rows: items.map((a) => [
      [a.person.familyName, a.person.givenName].filter(Boolean).join(' '),
      a.person.nameZh,
      a.opportunity.titleEn,
      EXCHANGE_KIND_LABELS[a.opportunity.kind][locale],
      `${a.opportunity.academicYear}–${String(a.opportunity.academicYear + 1).slice(2)}`,
      hostName(a),
      a.hostInstitution.countryCode,
      a.appliedOn,
      a.score,
      a.languageCertificate,
      APPLICATION_STATUS_LABELS[a.status][locale],
      a.departureDate,
      a.returnDate,
    ]),
  };
}
