import { getRouteApi, Link } from '@tanstack/react-router';
import { Card, Col, Empty, Flex, Row, Table, Typography } from 'antd';
import type { Conference } from '../../../shared/contracts/conferences.ts';
import { BackLink } from '../../components/back-link.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { useOverdueSummaries } from './api.ts';
import { ConferenceTags, conferenceTitle } from './conference-labels.tsx';

const route = getRouteApi('/app/conferences/overdue');

/** Summaries overdue on a date (two months after the end, none submitted), counted per host unit, with the conferences behind each count. */
export function OverdueSummariesPage() {
  const { t, locale, formatNumber } = useI18n();
  const units = useUnitMap();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { data, isFetching, error } = useOverdueSummaries(search.asOf);
  const unitName = (id: number) => {
    const unit = units.get(id);
    return unit ? primaryName(unit, locale) : `#${id}`;
  };

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t('conf.overdueTitle')}
        subtitle={t('conf.overdueSubtitle')}
        extra={
          <>
            <Flex align="center" gap={8}>
              <Typography.Text>{t('partner.asOf')}</Typography.Text>
              <DateInput value={search.asOf ?? data?.asOf} onChange={(asOf) => void navigate({ search: asOf ? { asOf } : {} })} allowClear data-testid="overdue-as-of" />
            </Flex>
            <BackLink to="/conferences" />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t('conf.overdueByUnit')}>
            <Table
              rowKey="unitId"
              size="small"
              loading={isFetching}
              pagination={false}
              dataSource={data?.byUnit ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conf.noneOverdue')} /> }}
              data-testid="overdue-by-unit"
              columns={[
                { key: 'unit', title: t('conf.field.hostUnitId'), render: (_, u) => unitName(u.unitId) },
                {
                  key: 'overdue',
                  title: t('conf.overdueCount'),
                  width: 110,
                  align: 'right',
                  // the list filtered the same way, so that the count leads to its conferences
                  render: (_, u) => (
                    <Link to="/conferences" search={{ hostUnitId: u.unitId, summaryOverdue: 'true' }}>
                      {formatNumber(u.overdue)}
                    </Link>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('conf.overdueList')}>
            <Table<Conference>
              rowKey="id"
              size="small"
              loading={isFetching}
              pagination={(data?.items.length ?? 0) > 25 ? { pageSize: 25 } : false}
              dataSource={data?.items ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conf.noneOverdue')} /> }}
              columns={[
                {
                  key: 'title',
                  title: t('conf.title'),
                  render: (_, c) => (
                    <Link to="/conferences/$id" params={{ id: String(c.id) }}>
                      {conferenceTitle(c, locale)}
                    </Link>
                  ),
                },
                { key: 'unit', title: t('conf.field.hostUnitId'), width: 180, render: (_, c) => unitName(c.hostUnitId) },
                { key: 'endDate', title: t('conf.field.endDate'), width: 110, render: (_, c) => c.endDate },
                { key: 'due', title: t('conf.summaryDueOn'), width: 130, render: (_, c) => <Typography.Text type="danger">{c.summaryDueOn}</Typography.Text> },
                { key: 'status', title: t('agr.field.status'), width: 170, render: (_, c) => <ConferenceTags conference={c} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
