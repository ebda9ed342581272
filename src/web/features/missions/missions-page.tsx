import { getRouteApi, Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import { MISSION_PURPOSES, MISSION_STATUSES, type Mission } from '../../../shared/contracts/missions.ts';
import { ListPage } from '../../components/list-page.tsx';
import { newestFirst } from '../../lib/list-url-state.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { PersonFilterTag } from '../people/person-filter-tag.tsx';
import { missionsApi, missionsExportUrl } from './api.ts';
import { DestinationsCell, MembersCell } from './mission-cells.tsx';
import { MissionDates, MissionTags, missionTitle, unitName, useMissionLabels } from './mission-labels.tsx';
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
      filters={[
        {
          type: 'custom',
          render: (s, update) =>
            s.personId ? <PersonFilterTag personId={s.personId} role={t('mission.member.person')} onClose={() => update({ personId: undefined })} testId="missions-person-filter" /> : null,
        },
        { type: 'select', key: 'status', options: MISSION_STATUSES.map((s) => ({ value: s, label: labels.status(s) })), placeholder: t('mission.allStatuses'), width: 170, testId: 'missions-status-filter' },
        { type: 'select', key: 'purpose', options: MISSION_PURPOSES.map((p) => ({ value: p, label: labels.purpose(p) })), placeholder: t('mission.allPurposes'), width: 170, testId: 'missions-purpose-filter' },
        { type: 'unit', key: 'unitId', placeholder: t('mission.allUnits'), width: 220 },
        { type: 'country', key: 'country', placeholder: t('mission.allCountries'), width: 200 },
        { type: 'dates', from: 'from', to: 'to', width: 260 },
        { type: 'flag', key: 'overdue', yes: t('mission.overdueOnly'), no: t('mission.notOverdue'), placeholder: t('mission.reportFilter'), width: 170 },
      ]}
      columns={[
        { key: 'startDate', sortable: true, sortDirections: ['descend', 'ascend'], title: t('mission.dates'), width: 125, render: (_, m) => <MissionDates mission={m} stacked /> },
        {
          key: 'titleEn',
          sortable: true,
          title: t('mission.title'),
          minWidth: 260,
          render: (_, m) => (
            <div style={{ lineHeight: 1.35 }}>
              <Link to="/missions/$id" params={{ id: String(m.id) }}>
                {missionTitle(m, locale)}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {labels.purpose(m.purpose)}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'unit', title: t('mission.field.unitId'), width: 170, render: (_, m) => unitName(m, locale) },
        { key: 'members', title: t('mission.members'), width: 200, render: (_, m) => <MembersCell mission={m} /> },
        { key: 'destinations', title: t('mission.destinations'), width: 200, render: (_, m) => <DestinationsCell mission={m} hosts /> },
        { key: 'approvalDocumentNo', title: t('mission.field.approvalDocumentNo'), width: 150, render: (_, m) => m.approvalDocumentNo ?? '' },
        { key: 'status', title: t('mission.field.status'), width: 150, render: (_, m) => <MissionTags mission={m} /> },
      ]}
    />
  );
}
