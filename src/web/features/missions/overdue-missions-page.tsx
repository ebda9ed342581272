import { MISSION_REPORT_DUE_DAYS, type MissionOverdueReports } from '../../../shared/contracts/missions.ts';
import { OverdueReportsPage, type OverdueDescription } from '../../components/overdue-reports-page.tsx';
import { missionOverdueUrl, useMissionOverdueReports } from './api.ts';
import { MissionDates, missionTitle } from './mission-labels.tsx';
import { MissionsTabs } from './missions-tabs.tsx';

/** The missions' overdue reports: travelled missions whose report is past due, per sending unit. */
const MISSION_OVERDUE: OverdueDescription<MissionOverdueReports['units'][number]> = {
  messages: 'mission',
  testId: 'mission-overdue',
  dueDays: MISSION_REPORT_DUE_DAYS,
  tabs: <MissionsTabs active="overdue" />,
  useReports: useMissionOverdueReports,
  fileUrl: missionOverdueUrl,
  recordsOf: (unit) => unit.missions,
  recordPath: '/missions/$id',
  title: missionTitle,
  dates: (m) => <MissionDates mission={m} />,
};

/** Travelled missions whose report is past due, per unit, at a date (today unless chosen), and the same as CSV or Excel. */
export function OverdueMissionsPage() {
  return <OverdueReportsPage description={MISSION_OVERDUE} />;
}
