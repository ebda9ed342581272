import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Badge, Button, Card, Empty, Flex, Space, Spin, Table, Typography } from 'antd';
import { MISSION_REPORT_DUE_DAYS, type MissionOverdueReports, type OverdueMission } from '../../../shared/contracts/missions.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayNames } from '../../lib/names.ts';
import { missionOverdueUrl, useMissionOverdueReports } from './api.ts';
import { MissionDates, missionTitle } from './mission-labels.tsx';
import { validateMissionOverdueSearch } from './missions-search.ts';
import { MissionsTabs } from './missions-tabs.tsx';

const route = getRouteApi('/app/missions/overdue-reports');

type OverdueUnit = MissionOverdueReports['units'][number];

/** One unit's overdue reports: the missions, how late, how many person-times they carry. */
function UnitCard({ unit }: { unit: OverdueUnit }) {
  const { t, locale, formatNumber } = useI18n();
  const { primary, secondary } = displayNames(unit, locale);
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{primary}</span>
          <Badge count={unit.count} color="orange" />
        </Space>
      }
      extra={<Typography.Text type="secondary">{secondary}</Typography.Text>}
      data-testid={`mission-overdue-unit-${unit.code}`}
    >
      <Table<OverdueMission>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={unit.missions}
        columns={[
          {
            key: 'title',
            title: t('mission.title'),
            render: (_, m) => (
              <Link to="/missions/$id" params={{ id: String(m.id) }}>
                {missionTitle(m, locale)}
              </Link>
            ),
          },
          { key: 'dates', title: t('mission.dates'), width: 210, render: (_, m) => <MissionDates mission={m} /> },
          { key: 'reportDueOn', title: t('mission.field.reportDueOn'), width: 150, dataIndex: 'reportDueOn' },
          { key: 'daysOverdue', title: t('mission.daysOverdue'), width: 120, align: 'right', render: (_, m) => <Typography.Text type="warning">{formatNumber(m.daysOverdue)}</Typography.Text> },
          { key: 'personTimes', title: t('mission.personTimes'), width: 110, align: 'right', render: (_, m) => formatNumber(m.personTimes) },
        ]}
      />
    </Card>
  );
}

/** Travelled missions whose report is past due, per unit, at a date (today unless chosen), and the same as CSV or Excel. */
export function OverdueMissionsPage() {
  const { t } = useI18n();
  // The router keeps params that failed validation beside the valid ones; read only the valid ones.
  const search = validateMissionOverdueSearch(route.useSearch());
  const navigate = route.useNavigate();
  const { data, isFetching, error } = useMissionOverdueReports(search.asOf);

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t('mission.tab.overdue')}
        subtitle={data ? t('mission.overdueSubtitle', { days: MISSION_REPORT_DUE_DAYS, date: data.asOf }) : null}
        extra={
          <>
            <MissionsTabs active="overdue" />
            {/* plain downloads: the server names the file and writes it in the user's language */}
            <a href={missionOverdueUrl(search.asOf, 'csv')} download data-testid="mission-overdue-csv">
              <Button icon={<FileTextOutlined />}>{t('mission.downloadCsv')}</Button>
            </a>
            <a href={missionOverdueUrl(search.asOf, 'xlsx')} download data-testid="mission-overdue-xlsx">
              <Button icon={<FileExcelOutlined />}>{t('mission.downloadXlsx')}</Button>
            </a>
          </>
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t('mission.asOf')}</Typography.Text>
        <DateInput value={search.asOf ?? data?.asOf} allowClear onChange={(asOf) => void navigate({ search: asOf ? { asOf } : {} })} data-testid="mission-overdue-as-of" />
        {data ? <Typography.Text type="secondary">{t('mission.overdueCount', { n: data.total })}</Typography.Text> : null}
        {isFetching ? <Spin size="small" /> : null}
      </Flex>
      {data && data.units.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mission.overdueNone')} />
        </Card>
      ) : (
        <Flex vertical gap={16} data-testid="mission-overdue-units">
          {(data?.units ?? []).map((unit) => (
            <UnitCard key={unit.unitId} unit={unit} />
          ))}
        </Flex>
      )}
    </>
  );
}
