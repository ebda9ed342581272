import { OverdueReportsPage } from '../../components/overdue-reports-page.tsx';
import { missionOverdueUrl, useMissionOverdueReports } from './api.ts';
import { MissionsTabs } from './missions-tabs.tsx';

/** Travelled missions whose report is past due, per sending unit, at a date (today unless chosen), and the same as CSV or Excel. */
export function OverdueMissionsPage() {
  return <OverdueReportsPage description={{ messages: 'mission', testId: 'mission-overdue', tabs: <MissionsTabs active="overdue" />, useReports: useMissionOverdueReports, fileUrl: missionOverdueUrl }} />;
}
