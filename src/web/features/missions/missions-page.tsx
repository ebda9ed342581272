import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Select, Tag, Typography } from 'antd';
import { MISSION_PURPOSES, MISSION_STATUSES, type Mission } from '../../../shared/contracts/missions.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateRangeInput } from '../../components/date-input.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { peopleApi } from '../people/api.ts';
import { personNames } from '../people/person-values.ts';
import { missionsApi, missionsExportUrl } from './api.ts';
import { DestinationsCell, MembersCell } from './mission-cells.tsx';
import { MissionDates, MissionTags, missionTitle, unitName, useMissionLabels } from './mission-labels.tsx';
import { validateMissionsSearch, type MissionsSearch } from './missions-search.ts';
import { MissionsTabs } from './missions-tabs.tsx';

const route = getRouteApi('/app/missions');

/** The member the list is narrowed to (from a person's page), as a tag that lifts the filter. */
function PersonFilterTag({ personId, onClose }: { personId: number; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { data } = peopleApi.useOne(personId);
  return (
    <Tag closable onClose={onClose} style={{ alignSelf: 'center' }} data-testid="missions-person-filter">
      {t('mission.member.person')}: {data ? personNames(data, locale).primary : `#${personId}`}
    </Tag>
  );
}

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
  // Newest first unless the user sorts otherwise: the office looks for recent missions.
  const search: MissionsSearch = { ...raw, order: raw.order ?? (raw.sort && raw.sort !== 'startDate' ? 'asc' : 'desc') };
  const result = missionsApi.useList(search);

  return (
    <ListPage<Mission, MissionsSearch>
      title={t('nav.missions')}
      create={can(user, 'create', 'mission') ? { to: '/missions/new', label: t('mission.add') } : undefined}
      extra={
        <>
          <MissionsTabs active="all" />
          {/* plain downloads: the server names the file and writes it in the user's language */}
          <a href={missionsExportUrl(search, 'csv')} download data-testid="missions-csv">
            <Button icon={<FileTextOutlined />}>{t('mission.downloadCsv')}</Button>
          </a>
          <a href={missionsExportUrl(search, 'xlsx')} download data-testid="missions-xlsx">
            <Button icon={<FileExcelOutlined />}>{t('mission.downloadXlsx')}</Button>
          </a>
        </>
      }
      search={search}
      navigate={(next) => void navigate({ search: next })}
      defaultSort="startDate"
      result={result}
      searchBox={{ testId: 'missions-search', placeholder: t('mission.searchPlaceholder'), width: 320 }}
      filters={(update) => (
        <>
          {raw.personId ? <PersonFilterTag personId={raw.personId} onClose={() => update({ personId: undefined })} /> : null}
          <Select
            value={raw.status}
            onChange={(status) => update({ status })}
            allowClear
            placeholder={t('mission.allStatuses')}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            options={MISSION_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            data-testid="missions-status-filter"
          />
          <Select
            value={raw.purpose}
            onChange={(purpose) => update({ purpose })}
            allowClear
            placeholder={t('mission.allPurposes')}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            options={MISSION_PURPOSES.map((p) => ({ value: p, label: labels.purpose(p) }))}
            data-testid="missions-purpose-filter"
          />
          <UnitSelect value={raw.unitId} onChange={(unitId) => update({ unitId })} placeholder={t('mission.allUnits')} style={{ width: 220 }} />
          <CountrySelect value={raw.country} onChange={(country) => update({ country })} placeholder={t('mission.allCountries')} style={{ width: 200 }} />
          <DateRangeInput value={[raw.from, raw.to]} onChange={([from, to]) => update({ from, to })} style={{ width: 260 }} />
          <Select
            value={raw.overdue}
            onChange={(overdue) => update({ overdue })}
            allowClear
            placeholder={t('mission.reportFilter')}
            style={{ width: 170 }}
            options={[
              { value: 'true', label: t('mission.overdueOnly') },
              { value: 'false', label: t('mission.notOverdue') },
            ]}
          />
        </>
      )}
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
