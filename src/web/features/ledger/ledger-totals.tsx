import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import type { LedgerTotals } from '../../../shared/contracts/ledger.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useLedgerTotals, type LedgerFilters } from './api.ts';

/** The three figures, each with its title and the figure said under it, if any. */
const TOTALS: { figure: keyof LedgerTotals; title: MessageKey; under?: { figure: keyof LedgerTotals; title: MessageKey } }[] = [
  { figure: 'personTimes', title: 'ledger.totals.personTimes', under: { figure: 'aggregatePersonTimes', title: 'ledger.totals.aggregatePersonTimes' } },
  { figure: 'distinctPersons', title: 'ledger.totals.distinctPersons' },
  { figure: 'countriesAndRegions', title: 'ledger.totals.countriesAndRegions', under: { figure: 'countries', title: 'ledger.totals.countries' } },
];

/** The totals above the ledger: person-times and distinct persons side by side, said which is which. */
export function LedgerTotalsBar({ filters }: { filters: LedgerFilters }) {
  const { t, formatNumber } = useI18n();
  const { data, isFetching } = useLedgerTotals(filters);
  const fmt = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n));

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="ledger-totals">
      <Row gutter={[24, 12]}>
        {TOTALS.map(({ figure, title, under }) => (
          <Col key={figure} xs={12} md={6}>
            <Statistic loading={isFetching && !data} title={t(title)} value={fmt(data?.[figure])} />
            {under ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(under.title)}: {fmt(data?.[under.figure])}
              </Typography.Text>
            ) : null}
          </Col>
        ))}
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
