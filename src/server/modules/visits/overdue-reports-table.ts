import type { Locale } from '../../../shared/contracts/common.ts';
import type { OverdueReports } from '../../../shared/contracts/visits.ts';
import { OVERDUE_REPORT_HEADINGS } from '../../../shared/i18n/visit-labels.ts';
import type { ExportTable } from '../../interop/table-export.ts';
import { overdueTable } from '../movements/overdue-table.ts';

const title = { en: 'Overdue visit reports', zh: '逾期未交来访总结', fr: 'Comptes rendus de visite en retard' };

/** The overdue reports as one table in the reader's language, a row per visit, grouped by host unit. */
export function overdueReportsTable(report: OverdueReports, locale: Locale): ExportTable {
  const headings = { ...OVERDUE_REPORT_HEADINGS, movement: OVERDUE_REPORT_HEADINGS.visit };
  return overdueTable(report, 'visits', locale, { name: 'overdue-visit-reports', title, headings });
}
