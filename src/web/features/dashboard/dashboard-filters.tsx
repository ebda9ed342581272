import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, InputNumber, Segmented, Typography } from 'antd';
import type { Figure } from '../../../shared/contracts/reports.ts';
import type { CurrentUser } from '../../../shared/contracts/auth.ts';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { figuresCsv } from '../reports/figure-format.ts';
import type { DashboardSearch } from './dashboard-search.ts';

interface DashboardFiltersProps {
  search: DashboardSearch;
  user: CurrentUser;
  figures: readonly Figure[] | undefined;
  onChange: (patch: Partial<DashboardSearch>) => void;
}

/** Save the figure set as a CSV file, written here: the API gives the figures as JSON only. */
function downloadCsv(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `interchange-figures-${new Date().toISOString().slice(0, 10)}.csv`;
  a.click();
  // the click has started the download; the address is no longer needed
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The dashboard's filters: the period in whole years, the unit (a coordinator's is fixed by the
 * server, so they choose only within their own part of the organization), the direction of the map
 * and breakdowns; and the figures' export.
 */
export function DashboardFilters({ search, user, figures, onChange }: DashboardFiltersProps) {
  const { t } = useI18n();
  const confined = user.role === 'coordinator';
  const thisYear = new Date().getFullYear();
  return (
    <Flex gap={8} wrap align="center" data-testid="dash-filters">
      <YearInput value={search.from} min={1950} max={search.to ?? thisYear} onChange={(from) => onChange({ from })} label={t('dash.filter.fromYear')} testId="dash-from" />
      <YearInput value={search.to} min={search.from ?? 1950} max={2100} onChange={(to) => onChange({ to })} label={t('dash.filter.toYear')} testId="dash-to" />
      {confined && user.unitId == null ? null : (
        <UnitSelect
          value={search.unitId}
          onChange={(unitId) => onChange({ unitId })}
          within={confined ? user.unitId : undefined}
          placeholder={t('dash.filter.unit')}
          style={{ width: 240 }}
          data-testid="dash-unit"
        />
      )}
      <Segmented
        value={search.direction ?? 'inbound'}
        onChange={(direction) => onChange({ direction: direction === 'inbound' ? undefined : 'outbound' })}
        options={[
          { value: 'inbound', label: t('ledger.direction.inbound') },
          { value: 'outbound', label: t('ledger.direction.outbound') },
        ]}
        data-testid="dash-direction"
      />
      <Button icon={<DownloadOutlined />} disabled={!figures?.length} onClick={() => figures && downloadCsv(figuresCsv(figures, t, window.location.origin))} data-testid="dash-figures-csv">
        {t('dash.exportFiguresCsv')}
      </Button>
      {confined ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dash.filter.yourUnit')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

interface YearInputProps {
  value: number | undefined;
  min: number;
  max: number;
  onChange: (year: number | undefined) => void;
  label: string;
  testId: string;
}

/** One end of the period, a year typed or cleared. */
function YearInput({ value, min, max, onChange, label, testId }: YearInputProps) {
  return (
    <InputNumber<number>
      min={min}
      max={max}
      value={value ?? null}
      onChange={(year) => onChange(year ?? undefined)}
      placeholder={label}
      aria-label={label}
      style={{ width: 130 }}
      data-testid={testId}
    />
  );
}
