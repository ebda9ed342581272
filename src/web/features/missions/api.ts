import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Mission, MissionInput, MissionOverdueReports, MissionTransition, MissionUpdate } from '../../../shared/contracts/missions.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { MissionsSearch } from './missions-search.ts';

const OVERDUE_KEY = ['missions', 'overdue'] as const;
/**
 * Queries outside the missions list that a mission's change can alter: its members are
 * person-times of the ledger (the dashboard and the fact sheet read it), a mission to a partner
 * is activity on the partner's timeline, and a travelled mission's report may become overdue.
 */
const DERIVED_KEYS = [['ledger'], ['partners'], ['timeline'], ['reports'], OVERDUE_KEY] as const;

/** The list's filters, as the API names them. */
const filters = (search: MissionsSearch) => ({
  status: search.status,
  purpose: search.purpose,
  unitId: search.unitId,
  country: search.country,
  personId: search.personId,
  from: search.from,
  to: search.to,
  overdue: search.overdue,
  counted: search.counted,
});

/** Missions over the API; any write also refreshes the ledger, the dashboard, the partners' activity and the overdue reports. */
export const missionsApi = createResourceHooks<Mission, MissionInput, MissionUpdate, MissionsSearch>({
  key: 'missions',
  path: '/missions',
  entity: 'mission',
  filters,
  alsoOnWrite: DERIVED_KEYS,
});

/** Take one step of the workflow; the mission, its lists, its history and the ledger's figures refresh. */
export function useMissionTransition(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: MissionTransition) => api.post<Mission>(`/missions/${id}/transitions`, step),
    onSuccess: (saved) => {
      client.setQueryData(missionsApi.keys.one(id), saved);
      void client.invalidateQueries({ queryKey: missionsApi.keys.lists });
      void client.invalidateQueries({ queryKey: historyKey('mission', id) });
      for (const queryKey of DERIVED_KEYS) void client.invalidateQueries({ queryKey });
    },
  });
}

/** The list as it is filtered, as a file to download in the user's language (every matching mission, not one page). */
export const missionsExportUrl = (search: MissionsSearch, format: 'csv' | 'xlsx') =>
  `/api/missions/export${toQuery({ ...filters(search), q: search.q, sort: search.sort, order: search.order, format })}`;

/** Travelled missions whose report is overdue at `asOf` (today when absent), per unit. */
export function useMissionOverdueReports(asOf: string | undefined) {
  return useQuery({
    queryKey: [...OVERDUE_KEY, asOf ?? 'today'],
    queryFn: ({ signal }) => api.get<MissionOverdueReports>(`/missions/overdue-reports${toQuery({ asOf })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** The overdue reports as a file to download, in the user's language. */
export const missionOverdueUrl = (asOf: string | undefined, format: 'csv' | 'xlsx') => `/api/missions/overdue-reports${toQuery({ asOf, format })}`;
