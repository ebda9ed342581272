import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { useLedgerTotals, type LedgerFilters } from './api.ts';

/** The totals above the ledger: person-times and distinct persons side by side, said which is which. */
export function LedgerTotalsBar({ filters }: { filters: LedgerFilters }) {
  const { t, formatNumber } = useI18n();
  const { data, isFetching } = useLedgerTotals(filters);
  const fmt = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n));

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="ledger-totals">
      <Row gutter={[24, 12]}>
        <Col xs={12} md={6}>
          <Statistic loading={isFetching && !data} title={t('ledger.totals.personTimes')} value={fmt(data?.personTimes)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.totals.aggregatePersonTimes')}: {fmt(data?.aggregatePersonTimes)}
          </Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic loading={isFetching && !data} title={t('ledger.totals.distinctPersons')} value={fmt(data?.distinctPersons)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic loading={isFetching && !data} title={t('ledger.totals.countriesAndRegions')} value={fmt(data?.countriesAndRegions)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.totals.countries')}: {fmt(data?.countries)}
          </Typography.Text>
        </Col>
        <Col xs={24} md={6}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
            <Tooltip title={t('ledger.totals.note')}>
              <InfoCircleOutlined />
            </Tooltip>{' '}
            {t('ledger.totals.note')}
          </Typography.Paragraph>
        </Col>
      </Row>
    </Card>
  );
}
