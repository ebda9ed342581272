import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, Empty, Flex, Tooltip } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { BreakdownRow } from '../../../shared/contracts/reports.ts';
import { EChart } from '../../components/echart.tsx';
import { INTL_TAGS, useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { breakdownFileUrl, useBreakdown, type BreakdownParams } from '../reports/api.ts';
import { ledgerFilterOf, useBreakdownLabel, type BreakdownBy } from './breakdown-labels.ts';

/** The two files a breakdown downloads as. */
const DOWNLOADS = [
  { format: 'csv', title: 'agr.downloadCsv', icon: <FileTextOutlined /> },
  { format: 'xlsx', title: 'agr.downloadXlsx', icon: <FileExcelOutlined /> },
] as const;

/** Download links for a breakdown as CSV and Excel, written by the server. */
export function BreakdownExports({ params, testId }: { params: BreakdownParams; testId: string }) {
  const { t } = useI18n();
  return (
    <Flex gap={4}>
      {DOWNLOADS.map(({ format, title, icon }) => (
        <Tooltip key={format} title={t(title)}>
          <a href={breakdownFileUrl(params, format)} download data-testid={`${testId}-${format}`}>
            <Button size="small" icon={icon} aria-label={t(title)}>
              {format.toUpperCase()}
            </Button>
          </a>
        </Tooltip>
      ))}
    </Flex>
  );
}

const MAX_BARS = 15;

function barOption(rows: readonly BreakdownRow[], label: (key: string | null) => string, name: string, compact: (n: number) => string) {
  // largest at the top: ECharts draws a category axis from the bottom
  const shown = [...rows].sort((a, b) => b.personTimes - a.personTimes).slice(0, MAX_BARS).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
    // few, short ticks: the cards are narrow and the counts run to tens of thousands
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: compact } },
    yAxis: { type: 'category', data: shown.map((r) => label(r.key)), axisLabel: { width: 150, overflow: 'truncate' } },
    color: ['#1f5fa8'],
    series: [{ type: 'bar', name, barMaxWidth: 18, data: shown.map((r) => ({ value: r.personTimes, key: r.key })) }],
  };
}

function pieOption(rows: readonly BreakdownRow[], label: (key: string | null) => string, name: string) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', name, radius: ['35%', '65%'], top: 0, bottom: 28, data: rows.map((r) => ({ name: label(r.key), value: r.personTimes, key: r.key })) }],
  };
}

interface BreakdownCardProps {
  by: Exclude<BreakdownBy, 'country'>;
  title: ReactNode;
  params: Omit<BreakdownParams, 'by'>;
  chart: 'bar' | 'pie';
}

/** Person-times of the period by purpose, unit or who; an element opens the ledger filtered to it. */
export function BreakdownCard({ by, title, params, chart }: BreakdownCardProps) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const units = useUnitMap();
  const compact = useMemo(() => {
    const format = new Intl.NumberFormat(INTL_TAGS[locale], { notation: 'compact' });
    return (n: number) => format.format(n);
  }, [locale]);
  const label = useBreakdownLabel(by);
  const query = { ...params, by };
  const { data, error, isLoading } = useBreakdown(query);
  const rows = useMemo(() => data ?? [], [data]);
  const option = useMemo(() => (chart === 'pie' ? pieOption(rows, label, t('ledger.totals.personTimes')) : barOption(rows, label, t('ledger.totals.personTimes'), compact)), [chart, rows, label, t, compact]);
  const height = chart === 'pie' ? 300 : Math.max(160, Math.min(rows.length, MAX_BARS) * 26 + 40);

  return (
    <Card title={title} size="small" extra={<BreakdownExports params={query} testId={`breakdown-${by}`} />} style={{ height: '100%' }}>
      {error && !data ? (
        <Alert type="warning" showIcon title={t('dash.notYet')} />
      ) : !isLoading && rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.noData')} />
      ) : (
        <div data-testid={`breakdown-${by}`}>
          <EChart
            option={option}
            height={height}
            onClick={(event) => {
              const key = (event.data as { key?: string | null } | undefined)?.key;
              const filter = key === undefined ? null : ledgerFilterOf(by, key, units);
              if (!filter) return;
              void navigate({ to: '/ledger', search: { direction: params.direction, from: params.from, to: params.to, unitId: params.unitId, ...filter } });
            }}
          />
        </div>
      )}
    </Card>
  );
}
