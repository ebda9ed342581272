import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton, Tooltip, Typography } from 'antd';
import type { Figure } from '../../../shared/contracts/reports.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { figureCounts, figureNames, figureTitle, figureValueText, figureWhen } from '../reports/figure-format.ts';
import { FigureLink } from './figure-link.tsx';

/** One figure of the fact sheet: its value, what it counts, when; the card opens its records. */
function FigureCard({ figure }: { figure: Figure }) {
  const { t, locale, formatNumber } = useI18n();
  const missing = figure.value === null;
  const names = figureNames(figure, t, 3, locale);
  const body = (
    <Card hoverable={!!figure.records} size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', minHeight: 40 }}>
        {figureTitle(figure, t)}
      </Typography.Text>
      {missing ? (
        <Tooltip title={t('figure.notAvailableHint')}>
          <Typography.Text type="secondary" italic style={{ fontSize: 16, display: 'block', margin: '6px 0' }} data-testid="figure-value">
            {t('figure.notAvailable')}
          </Typography.Text>
        </Tooltip>
      ) : (
        <Typography.Text strong style={{ fontSize: typeof figure.value === 'object' && !Array.isArray(figure.value) ? 16 : 24, display: 'block' }} data-testid="figure-value">
          {figureValueText(figure, t, formatNumber)}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {missing ? null : [figureCounts(figure, t), figureWhen(figure, t)].filter(Boolean).join(' · ')}
      </Typography.Text>
      {names ? (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ fontSize: 12, margin: '4px 0 0' }}>
          {names}
        </Typography.Paragraph>
      ) : null}
      {figure.records ? (
        <Typography.Link style={{ fontSize: 12 }}>
          {t('figure.openRecords')} <ArrowRightOutlined />
        </Typography.Link>
      ) : null}
    </Card>
  );
  return (
    <FigureLink href={figure.records?.page} testId={`figure-${figure.key}`} style={{ height: '100%' }}>
      {body}
    </FigureLink>
  );
}

/** The fact sheet's figures, each a card that opens the records it counts. */
export function FigureCards({ figures, loading, error }: { figures: readonly Figure[] | undefined; loading: boolean; error: unknown }) {
  const { t } = useI18n();
  if (error && !figures) return <Alert type="warning" showIcon title={t('dash.figuresNotYet')} />;
  if (loading && !figures) return <Skeleton active />;
  return (
    <Row gutter={[12, 12]} data-testid="figure-cards">
      {(figures ?? []).map((figure) => (
        <Col key={figure.key} xs={24} sm={12} lg={8} xl={6} xxl={4}>
          <FigureCard figure={figure} />
        </Col>
      ))}
    </Row>
  );
}
