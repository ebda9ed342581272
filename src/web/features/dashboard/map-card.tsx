import { useNavigate } from '@tanstack/react-router';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useBreakdown, type BreakdownParams } from '../reports/api.ts';
import { ActivityMap } from './activity-map.tsx';
import { BreakdownExports } from './breakdown-card.tsx';
import { useBreakdownLabel } from './breakdown-labels.ts';

const LISTED = 24;

/**
 * Person-times of the period by country and region: the map, and the places as a list (readable
 * without the map, and Macao a button rather than a few pixels). A place opens its person-times.
 */
export function MapCard({ params }: { params: Omit<BreakdownParams, 'by'> }) {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const label = useBreakdownLabel('country');
  const query = { ...params, by: 'country' as const };
  const { data, error } = useBreakdown(query);
  const rows = useMemo(() => data ?? [], [data]);
  const places = useMemo(() => rows.filter((r) => r.key !== null).sort((a, b) => b.personTimes - a.personTimes), [rows]);
  const open = (country: string) =>
    void navigate({ to: '/ledger', search: { direction: params.direction, from: params.from, to: params.to, unitId: params.unitId, country } });

  return (
    <Card
      title={t('dash.map')}
      extra={
        <Flex gap={12} align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dash.mapHint')}
          </Typography.Text>
          <BreakdownExports params={query} testId="breakdown-country" />
        </Flex>
      }
    >
      {error && !data ? (
        <Alert type="warning" showIcon title={t('dash.notYet')} />
      ) : (
        <>
          <ActivityMap rows={rows} onSelect={open} />
          <Flex gap={6} wrap style={{ marginTop: 12 }} data-testid="activity-places">
            {places.slice(0, LISTED).map((p) => (
              <Tag.CheckableTag key={p.key} checked={false} onChange={() => open(p.key as string)} data-testid={`activity-place-${p.key}`}>
                {label(p.key)} <Typography.Text strong style={{ color: 'inherit' }}>{formatNumber(p.personTimes)}</Typography.Text>
              </Tag.CheckableTag>
            ))}
            {places.length > LISTED ? <Typography.Text type="secondary">{t('figure.andMore', { n: places.length - LISTED })}</Typography.Text> : null}
          </Flex>
        </>
      )}
    </Card>
  );
}
