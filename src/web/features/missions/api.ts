import type { Mission, MissionInput, MissionOverdueReports, MissionTransition, MissionUpdate } from '../../../shared/contracts/missions.ts';
import { overdueReport } from '../../lib/api-query.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { MissionsSearch } from './missions-search.ts';

/** Travelled missions whose report is overdue, per unit. */
const overdue = overdueReport<MissionOverdueReports>('missions', 'overdue-reports');

/**
 * Missions over the API. A mission's change can alter queries outside its list: its members are
 * person-times of the ledger (the dashboard and the fact sheet read it), a mission to a partner
 * is activity on the partner's timeline, and a travelled mission's report may become overdue.
 */
export const missionsApi = createResourceHooks<Mission, MissionInput, MissionUpdate, MissionsSearch, MissionTransition>('missions', 'mission', {
  filters: ['status', 'purpose', 'unitId', 'country', 'personId', 'from', 'to', 'overdue', 'counted'],
  alsoOnWrite: [['ledger'], ['partners'], ['timeline'], ['reports'], overdue.key],
  exportPath: '/missions/export',
});

/** Take one step of the workflow; the mission, its lists, its history and the ledger's figures refresh. */
export const useMissionTransition = (id: number) => missionsApi.useTransition(id);

/** The list as it is filtered, as a file to download in the user's language (every matching mission, not one page). */
export const missionsExportUrl = missionsApi.exportUrl;

/** Travelled missions whose report is overdue at `asOf` (today when absent), per unit. */
export const useMissionOverdueReports = overdue.useReport;

/** The overdue reports as a file to download, in the user's language. */
export const missionOverdueUrl = overdue.fileUrl;
