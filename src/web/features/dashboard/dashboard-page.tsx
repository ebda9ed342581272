import { getRouteApi } from '@tanstack/react-router';
import { Col, Flex, Row, Typography } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useFigures } from '../reports/api.ts';
import { BreakdownCard } from './breakdown-card.tsx';
import { DashboardFilters } from './dashboard-filters.tsx';
import { periodDates, type DashboardSearch } from './dashboard-search.ts';
import { FigureCards } from './figure-cards.tsx';
import { HeadlineCards } from './headline-cards.tsx';
import { MapCard } from './map-card.tsx';
import { SeriesChart } from './series-chart.tsx';

const route = getRouteApi('/app/');

/**
 * The home page: the fact sheet's figures, the ledger over the chosen period, the years, the world
 * map and the breakdowns. Every number and chart element opens the records it counts.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (patch: Partial<DashboardSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const figures = useFigures({ unitId: search.unitId });
  const period = { ...periodDates(search), unitId: search.unitId };
  const breakdown = { ...period, direction: search.direction ?? 'inbound' };

  return (
    <>
      <PageHeader title={t('dash.welcome', { name: user.displayName })} subtitle={t('dash.subtitle')} />
      <Flex vertical gap={16}>
        <DashboardFilters search={search} user={user} figures={figures.data?.figures} onChange={update} />
        <section>
          <Typography.Title level={5}>{t('dash.figures')}</Typography.Title>
          <FigureCards figures={figures.data?.figures} loading={figures.isLoading} error={figures.error} />
        </section>
        <section>
          <Typography.Title level={5}>{t('dash.periodTotals')}</Typography.Title>
          <HeadlineCards filter={period} />
        </section>
        <SeriesChart search={search} />
        <MapCard params={breakdown} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <BreakdownCard by="category" chart="bar" title={t('dash.byCategory')} params={breakdown} />
          </Col>
          <Col xs={24} xl={8}>
            <BreakdownCard by="unit" chart="bar" title={t('dash.byUnit')} params={breakdown} />
          </Col>
          <Col xs={24} xl={7}>
            <BreakdownCard by="who" chart="pie" title={t('dash.byWho')} params={breakdown} />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
