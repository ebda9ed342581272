import { useNavigate } from '@tanstack/react-router';
import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { DIRECTIONS, WHO } from '../../../shared/contracts/ledger.ts';
import { EChart } from '../../components/echart.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useTotalsByWho } from './api.ts';

/** Person-times by who travelled, inbound and outbound; a bar opens the ledger rows behind it. */
export function WhoChart() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { cells } = useTotalsByWho();

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: WHO.map((w) => t(`ledger.who.${w}`)) },
      yAxis: { type: 'value', name: t('ledger.totals.personTimes') },
      color: ['#389e0d', '#1f5fa8'],
      series: DIRECTIONS.map((direction) => ({
        name: t(`ledger.direction.${direction}`),
        type: 'bar',
        barMaxWidth: 36,
        data: WHO.map((who) => cells.find((c) => c.direction === direction && c.who === who)?.personTimes ?? 0),
      })),
    }),
    [cells, t],
  );

  return (
    <Card title={t('dash.chartTitle')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dash.chartHint')}</Typography.Text>}>
      <EChart
        option={option}
        height={300}
        onClick={(event) => {
          const direction = DIRECTIONS[event.seriesIndex ?? -1];
          const who = WHO[event.dataIndex];
          if (direction && who) void navigate({ to: '/ledger', search: { direction, who } });
        }}
      />
    </Card>
  );
}
