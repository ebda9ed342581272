import { getRouteApi } from '@tanstack/react-router';
import { MISSION_REPORT_DUE_DAYS, type MissionOverdueReports } from '../../../shared/contracts/missions.ts';
import { OverdueReportsPage, type OverdueDescription } from '../../components/overdue-reports-page.tsx';
import { missionOverdueUrl, useMissionOverdueReports } from './api.ts';
import { MissionDates, missionTitle } from './mission-labels.tsx';
import { validateMissionOverdueSearch } from './missions-search.ts';
import { MissionsTabs } from './missions-tabs.tsx';

const route = getRouteApi('/app/missions/overdue-reports');

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
  // The router keeps params that failed validation beside the valid ones; read only the valid ones.
  const { asOf } = validateMissionOverdueSearch(route.useSearch());
  const navigate = route.useNavigate();
  return <OverdueReportsPage description={MISSION_OVERDUE} asOf={asOf} onAsOf={(next) => void navigate({ search: next ? { asOf: next } : {} })} />;
}
