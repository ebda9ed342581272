import { REPORT_DUE_DAYS, type OverdueReports } from '../../../shared/contracts/visits.ts';
import { OverdueReportsPage as OverdueReportsList, type OverdueDescription } from '../../components/overdue-reports-page.tsx';
import { overdueReportsUrl, useOverdueReports } from './api.ts';
import { VisitDates, visitTitle } from './visit-labels.tsx';
import { VisitsTabs } from './visits-tabs.tsx';

/** The visits' overdue reports: held visits whose report is past due, per host unit. */
const VISIT_OVERDUE: OverdueDescription<OverdueReports['units'][number]> = {
  messages: 'visit',
  testId: 'overdue',
  dueDays: REPORT_DUE_DAYS,
  tabs: <VisitsTabs active="overdue" />,
  useReports: useOverdueReports,
  fileUrl: overdueReportsUrl,
  recordsOf: (unit) => unit.visits,
  recordPath: '/visits/$id',
  title: visitTitle,
  dates: (v) => <VisitDates visit={v} />,
};

/** Held visits whose report is past due, per host unit, at a date (today unless chosen), and the same as CSV or Excel. */
export function OverdueReportsPage() {
  return <OverdueReportsList description={VISIT_OVERDUE} />;
}
