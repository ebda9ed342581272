import { Col, Row } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { HeadlineCards } from './headline-cards.tsx';
import { WhoChart } from './who-chart.tsx';

/** The home page: headline figures of the ledger, each a link to its rows, and a chart by who travelled. */
export function DashboardPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('dash.welcome', { name: user.displayName })} subtitle={t('ledger.totals.note')} />
      <HeadlineCards />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col span={24}>
          <WhoChart />
        </Col>
      </Row>
    </>
  );
}
