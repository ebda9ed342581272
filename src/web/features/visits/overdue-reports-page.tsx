import { OverdueReportsPage as OverdueReportsList } from '../../components/overdue-reports-page.tsx';
import { overdueReportsUrl, useOverdueReports } from './api.ts';
import { VisitsTabs } from './visits-tabs.tsx';

/** Held visits whose report is past due, per host unit, at a date (today unless chosen), and the same as CSV or Excel. */
export function OverdueReportsPage() {
  return <OverdueReportsList description={{ messages: 'visit', testId: 'overdue', tabs: <VisitsTabs active="overdue" />, useReports: useOverdueReports, fileUrl: overdueReportsUrl }} />;
}
