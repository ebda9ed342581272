import { Card, Skeleton, Typography } from 'antd';
import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** The headline of the office: "N universities from M countries and regions", as of a date. */
export function PartnersHeadline({ figures }: { figures?: PartnerFigures }) {
  const { t, formatNumber } = useI18n();
  if (!figures) return <Card><Skeleton active paragraph={{ rows: 1 }} /></Card>;
  return (
    <Card>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="partner-headline">
        {t('partner.headline', { universities: formatNumber(figures.universities), places: formatNumber(figures.countriesAndRegions) })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('partner.headlineDetail', {
          countries: formatNumber(figures.countries),
          regions: formatNumber(figures.countriesAndRegions - figures.countries),
          date: figures.asOf,
        })}
      </Typography.Text>
    </Card>
  );
}
