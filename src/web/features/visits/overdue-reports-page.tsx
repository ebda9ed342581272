import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Badge, Button, Card, Empty, Flex, Space, Spin, Table, Typography } from 'antd';
import { REPORT_DUE_DAYS, type OverdueReports, type OverdueVisit } from '../../../shared/contracts/visits.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayNames } from '../../lib/names.ts';
import { overdueReportsUrl, useOverdueReports } from './api.ts';
import { VisitDates, visitTitle } from './visit-labels.tsx';
import { validateOverdueReportsSearch } from './visits-search.ts';
import { VisitsTabs } from './visits-tabs.tsx';

const route = getRouteApi('/app/visits/overdue-reports');

type OverdueUnit = OverdueReports['units'][number];

/** One host unit's overdue reports: the visits, how late, how many person-times they carry. */
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
      data-testid={`overdue-unit-${unit.code}`}
    >
      <Table<OverdueVisit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={unit.visits}
        columns={[
          {
            key: 'title',
            title: t('visit.title'),
            render: (_, v) => (
              <Link to="/visits/$id" params={{ id: String(v.id) }}>
                {visitTitle(v, locale)}
              </Link>
            ),
          },
          { key: 'dates', title: t('visit.dates'), width: 210, render: (_, v) => <VisitDates visit={v} /> },
          { key: 'reportDueOn', title: t('visit.field.reportDueOn'), width: 150, dataIndex: 'reportDueOn' },
          { key: 'daysOverdue', title: t('visit.daysOverdue'), width: 120, align: 'right', render: (_, v) => <Typography.Text type="warning">{formatNumber(v.daysOverdue)}</Typography.Text> },
          { key: 'personTimes', title: t('visit.personTimes'), width: 110, align: 'right', render: (_, v) => formatNumber(v.personTimes) },
        ]}
      />
    </Card>
  );
}

/** Held visits whose report is past due, per host unit, at a date (today unless chosen), and the same as CSV or Excel. */
export function OverdueReportsPage() {
  const { t } = useI18n();
  // The router keeps params that failed validation beside the valid ones; read only the valid ones.
  const search = validateOverdueReportsSearch(route.useSearch());
  const navigate = route.useNavigate();
  const { data, isFetching, error } = useOverdueReports(search.asOf);

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t('visit.tab.overdue')}
        subtitle={data ? t('visit.overdueSubtitle', { days: REPORT_DUE_DAYS, date: data.asOf }) : null}
        extra={
          <>
            <VisitsTabs active="overdue" />
            {/* plain downloads: the server names the file and writes it in the user's language */}
            <a href={overdueReportsUrl(search.asOf, 'csv')} download data-testid="overdue-csv">
              <Button icon={<FileTextOutlined />}>{t('visit.downloadCsv')}</Button>
            </a>
            <a href={overdueReportsUrl(search.asOf, 'xlsx')} download data-testid="overdue-xlsx">
              <Button icon={<FileExcelOutlined />}>{t('visit.downloadXlsx')}</Button>
            </a>
          </>
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t('visit.asOf')}</Typography.Text>
        <DateInput value={search.asOf ?? data?.asOf} allowClear onChange={(asOf) => void navigate({ search: asOf ? { asOf } : {} })} data-testid="overdue-as-of" />
        {data ? <Typography.Text type="secondary">{t('visit.overdueCount', { n: data.total })}</Typography.Text> : null}
        {isFetching ? <Spin size="small" /> : null}
      </Flex>
      {data && data.units.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visit.overdueNone')} />
        </Card>
      ) : (
        <Flex vertical gap={16} data-testid="overdue-units">
          {(data?.units ?? []).map((unit) => (
            <UnitCard key={unit.unitId} unit={unit} />
          ))}
        </Flex>
      )}
    </>
  );
}
