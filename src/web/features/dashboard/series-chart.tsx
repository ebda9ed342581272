import { useNavigate } from '@tanstack/react-router';
import { Alert, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../components/echart.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useSeries } from '../reports/api.ts';
import type { DashboardSearch } from './dashboard-search.ts';

const SERIES = [
  { key: 'inbound', color: '#389e0d' },
  { key: 'outbound', color: '#1f5fa8' },
  { key: 'agreementsInForce', color: '#d4880f' },
] as const;

/**
 * Inbound and outbound person-times (bars) and agreements in force (a line, its own axis) by year.
 * A bar opens the ledger for that year and direction; a point of the line, the partners in force then.
 */
export function SeriesChart({ search }: { search: DashboardSearch }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error } = useSeries({ from: search.from, to: search.to, unitId: search.unitId });
  const points = useMemo(() => data ?? [], [data]);

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
      yAxis: [
        { type: 'value', name: t('ledger.totals.personTimes'), nameTextStyle: { align: 'left' } },
        // the name ends at the axis so that it stays inside the card
        { type: 'value', name: t('dash.series.agreements'), nameTextStyle: { align: 'right' }, splitLine: { show: false } },
      ],
      color: SERIES.map((s) => s.color),
      series: SERIES.map((s) => ({
        name: t(s.key === 'agreementsInForce' ? 'dash.series.agreements' : `dash.series.${s.key}`),
        type: s.key === 'agreementsInForce' ? 'line' : 'bar',
        yAxisIndex: s.key === 'agreementsInForce' ? 1 : 0,
        stack: s.key === 'agreementsInForce' ? undefined : 'person-times',
        barMaxWidth: 28,
        showSymbol: points.length < 40,
        data: points.map((p) => p[s.key]),
      })),
    }),
    [points, t],
  );

  return (
    <Card title={t('dash.series')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dash.seriesHint')}</Typography.Text>}>
      {error && !data ? (
        <Alert type="warning" showIcon title={t('dash.notYet')} />
      ) : (
        <div data-testid="dash-series">
          <EChart
            option={option}
            height={320}
            onClick={(event) => {
              const point = points[event.dataIndex];
              const series = SERIES[event.seriesIndex ?? -1];
              if (!point || !series) return;
              if (series.key === 'agreementsInForce') {
                // the partners in force at the end of that year (today for the year under way)
                const today = new Date().toISOString().slice(0, 10);
                const end = `${point.year}-12-31`;
                void navigate({ to: '/partners', search: { asOf: end < today ? end : today } });
                return;
              }
              void navigate({
                to: '/ledger',
                search: { direction: series.key, from: `${point.year}-01-01`, to: `${point.year}-12-31`, unitId: search.unitId },
              });
            }}
          />
        </div>
      )}
    </Card>
  );
}
