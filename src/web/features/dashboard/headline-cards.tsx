import { ArrowRightOutlined } from '@ant-design/icons';
import { Link, type LinkProps } from '@tanstack/react-router';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useTotals, type TotalsFilter } from './api.ts';

interface HeadlineProps {
  title: string;
  value: number | undefined;
  loading: boolean;
  footer: ReactNode;
  search: LinkProps['search'];
  testId: string;
}

/** One headline figure; the whole card links to the ledger rows behind it. */
function Headline({ title, value, loading, footer, search, testId }: HeadlineProps) {
  const { t, formatNumber } = useI18n();
  return (
    <Link to="/ledger" search={search} style={{ display: 'block' }} data-testid={testId}>
      <Card hoverable>
        <Statistic title={title} value={value === undefined ? '—' : formatNumber(value)} loading={loading} />
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', minHeight: 20 }}>
          {footer}
        </Typography.Text>
        <Typography.Link style={{ fontSize: 12 }}>
          {t('dash.openLedger')} <ArrowRightOutlined />
        </Typography.Link>
      </Card>
    </Link>
  );
}

/**
 * The ledger over the dashboard's period and unit: inbound and outbound person-times, distinct
 * persons, countries and regions. Unlike the fact sheet's figures (fixed periods), these follow the
 * filters, and each opens the ledger under the same filters.
 */
export function HeadlineCards({ filter }: { filter: Omit<TotalsFilter, 'direction'> }) {
  const { t, formatNumber } = useI18n();
  const all = useTotals(filter);
  const inbound = useTotals({ ...filter, direction: 'inbound' });
  const outbound = useTotals({ ...filter, direction: 'outbound' });
  const span = { xs: 24, sm: 12, xl: 6 };
  const regions = all.data ? all.data.countriesAndRegions - all.data.countries : 0;

  const byDirection = (['inbound', 'outbound'] as const).map((direction): HeadlineProps => {
    const totals = direction === 'inbound' ? inbound : outbound;
    const footer = totals.data ? `${t('dash.distinctOf', { n: formatNumber(totals.data.distinctPersons) })} · ${t('dash.aggregateOf', { n: formatNumber(totals.data.aggregatePersonTimes) })}` : null;
    const title = t(direction === 'inbound' ? 'dash.inbound' : 'dash.outbound');
    return { testId: `headline-${direction}`, title, value: totals.data?.personTimes, loading: totals.isLoading, search: { ...filter, direction }, footer };
  });
  const headlines: HeadlineProps[] = [
    ...byDirection,
    { testId: 'headline-distinct', title: t('dash.distinct'), value: all.data?.distinctPersons, loading: all.isLoading, search: { ...filter, aggregate: 'false' }, footer: t('dash.inboundAndOutbound') },
    {
      testId: 'headline-countries',
      title: t('dash.countries'),
      value: all.data?.countriesAndRegions,
      loading: all.isLoading,
      search: filter,
      footer: all.data ? t('dash.countriesOf', { n: formatNumber(all.data.countries), r: formatNumber(regions) }) : null,
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      {headlines.map((headline) => (
        <Col key={headline.testId} {...span}>
          <Headline {...headline} />
        </Col>
      ))}
    </Row>
  );
}
