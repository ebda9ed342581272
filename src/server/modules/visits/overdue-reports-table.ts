import type { Locale } from '../../../shared/contracts/common.ts';
import type { OverdueReports } from '../../../shared/contracts/visits.ts';
import { OVERDUE_REPORT_HEADINGS } from '../../../shared/i18n/visit-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';

const titles = { en: 'Overdue visit reports', zh: '逾期未交来访总结', fr: 'Comptes rendus de visite en retard' } as const;

/** The overdue reports as one table in the reader's language, a row per visit, grouped by host unit. */
export function overdueReportsTable(report: OverdueReports, locale: Locale): ExportTable {
  const h = OVERDUE_REPORT_HEADINGS;
  return {
    name: `overdue-visit-reports-${report.asOf}`,
    title: titles[locale],
    headings: [h.unit, h.visit, h.startDate, h.endDate, h.reportDueOn, h.daysOverdue, h.personTimes].map((x) => x[locale]),
    rows: report.units.flatMap((u) =>
      u.visits.map((v) => [
        locale === 'zh' ? u.nameZh : locale === 'fr' ? (u.nameFr ?? u.nameEn) : u.nameEn,
        locale === 'zh' ? (v.titleZh ?? v.titleEn) : v.titleEn,
        v.startDate,
        v.endDate,
        v.reportDueOn,
        v.daysOverdue,
        v.personTimes,
      ]),
    ),
  };
}
