import { getRouteApi } from '@tanstack/react-router';
import { MISSION_PURPOSES, MISSION_STATUSES, type Mission, type MissionPurpose, type MissionStatus } from '../../../shared/contracts/missions.ts';
import { ListPage } from '../../components/list-page.tsx';
import { movementColumns, movementFilters } from '../../components/movement-list.tsx';
import { newestFirst } from '../../lib/list-url-state.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { missionsApi, missionsExportUrl } from './api.ts';
import { DestinationsCell, MembersCell } from './mission-cells.tsx';
import { MissionTags, unitName, useMissionLabels } from './mission-labels.tsx';
import { validateMissionsSearch, type MissionsSearch } from './missions-search.ts';
import { MissionsTabs } from './missions-tabs.tsx';

const route = getRouteApi('/app/missions');

/**
 * The missions list: search, filters (status, purpose, sending unit, destination, member,
 * dates, report overdue), newest first, all in the URL; the same list as CSV or Excel.
 */
export function MissionsPage() {
  const { t, locale } = useI18n();
  const labels = useMissionLabels();
  const user = useCurrentUser();
  // The router keeps params that failed validation beside the valid ones; read only the valid ones.
  const raw = validateMissionsSearch(route.useSearch());
  const navigate = route.useNavigate();
  const search = newestFirst(raw, 'startDate');
  const result = missionsApi.useList(search);
  const kinds = { kind: 'mission', statuses: MISSION_STATUSES, purposes: MISSION_PURPOSES, labels, t } as const;

  return (
    <ListPage<Mission, MissionsSearch>
      title={t('nav.missions')}
      create={can(user, 'create', 'mission') ? { to: '/missions/new', label: t('mission.add') } : undefined}
      extra={<MissionsTabs active="all" />}
      exports={{ href: (format) => missionsExportUrl(search, format), testId: 'missions', labels: { csv: 'mission.downloadCsv', xlsx: 'mission.downloadXlsx' } }}
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="startDate"
      result={result}
      searchBox={{ testId: 'missions-search', placeholder: t('mission.searchPlaceholder'), width: 320 }}
      filters={[...movementFilters<MissionsSearch, MissionStatus, MissionPurpose>(kinds), { type: 'flag', key: 'overdue', yes: t('mission.overdueOnly'), no: t('mission.notOverdue'), placeholder: t('mission.reportFilter'), width: 170 }]}
      columns={[
        ...movementColumns<Mission, MissionStatus, MissionPurpose>(kinds, locale),
        { key: 'unit', title: t('mission.field.unitId'), width: 170, render: (_, m) => unitName(m, locale) },
        { key: 'members', title: t('mission.members'), width: 200, render: (_, m) => <MembersCell mission={m} /> },
        { key: 'destinations', title: t('mission.destinations'), width: 200, render: (_, m) => <DestinationsCell mission={m} hosts /> },
        { key: 'approvalDocumentNo', title: t('mission.field.approvalDocumentNo'), width: 150, render: (_, m) => m.approvalDocumentNo ?? '' },
        { key: 'status', title: t('mission.field.status'), width: 150, render: (_, m) => <MissionTags mission={m} /> },
      ]}
    />
  );
}
