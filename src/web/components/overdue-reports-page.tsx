import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Badge, Card, Empty, Flex, Space, Spin, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { IsoDate } from '../../shared/contracts/common.ts';
import { MOVEMENT_REPORT_DUE_DAYS } from '../../shared/contracts/movements.ts';
import { useSettingValue } from '../features/settings/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { displayNames } from '../lib/names.ts';
import { readParam } from '../lib/url-search.ts';
import { DateInput } from './date-input.tsx';
import { DateSpan } from './date-span.tsx';
import { ExportLinks, type FileFormat } from './export-links.tsx';
import { movementTitle } from './movement-list.tsx';
import { PageHeader } from './page-header.tsx';
import { ErrorPage } from './status-pages.tsx';

/** A record whose report is past due, as the overdue-reports endpoints list it. */
export interface OverdueRecord {
  id: number;
  titleEn: string;
  titleZh: string | null;
  startDate: string;
  endDate: string;
  reportDueOn: string;
  daysOverdue: number;
  personTimes: number;
}

/** A unit and how many of its records are overdue. */
export interface OverdueUnit {
  unitId: number;
  code: string;
  nameEn: string;
  nameZh: string;
  nameFr: string | null;
  count: number;
  /** The unit's records: a visit's or a mission's, as the kind's report names them. */
  visits?: OverdueRecord[];
  missions?: OverdueRecord[];
}

/** The overdue reports at a date, per unit. */
export interface OverdueReportsData<U extends OverdueUnit> {
  asOf: string;
  total: number;
  units: U[];
}

/**
 * What the overdue-reports page of a kind of movement reads: its hooks and links. Its messages
 * are the kind's (`visit.title`, `mission.overdueNone` …), its records under `visits` or
 * `missions` of each unit, each linked to its page.
 */
export interface OverdueDescription<U extends OverdueUnit> {
  messages: 'visit' | 'mission';
  /** `overdue` gives `overdue-as-of`, `overdue-csv`, `overdue-unit-<code>` … */
  testId: string;
  /** The kind's tabs (its list, its overdue reports). */
  tabs: ReactNode;
  useReports: (asOf: string | undefined) => { data?: OverdueReportsData<U>; isFetching: boolean; error: Error | null };
  fileUrl: (asOf: string | undefined, format: FileFormat) => string;
}

/** Where each kind's overdue records are in a unit, and their page. */
const RECORDS = { visit: { key: 'visits', path: '/visits/$id' }, mission: { key: 'missions', path: '/missions/$id' } } as const;

/** One unit's overdue reports: the records, how late, how many person-times they carry. */
function UnitCard<U extends OverdueUnit>({ unit, description: d }: { unit: U; description: OverdueDescription<U> }) {
  const { t, locale, formatNumber } = useI18n();
  const { primary, secondary } = displayNames(unit, locale);
  const m = d.messages;
  const records = RECORDS[m];
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{primary}</span>
          <Badge count={unit.count} color="orange" />
        </Space>
      }
      extra={<Typography.Text type="secondary">{secondary}</Typography.Text>}
      data-testid={`${d.testId}-unit-${unit.code}`}
    >
      <Table<OverdueRecord>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={unit[records.key] ?? []}
        columns={[
          {
            key: 'title',
            title: t(`${m}.title`),
            render: (_, r) => (
              <Link to={records.path} params={{ id: String(r.id) }}>
                {movementTitle(r, locale)}
              </Link>
            ),
          },
          { key: 'dates', title: t(`${m}.dates`), width: 210, render: (_, r) => <DateSpan start={r.startDate} end={r.endDate} /> },
          { key: 'reportDueOn', title: t(`${m}.field.reportDueOn`), width: 150, dataIndex: 'reportDueOn' },
          { key: 'daysOverdue', title: t(`${m}.daysOverdue`), width: 120, align: 'right', render: (_, r) => <Typography.Text type="warning">{formatNumber(r.daysOverdue)}</Typography.Text> },
          { key: 'personTimes', title: t(`${m}.personTimes`), width: 110, align: 'right', render: (_, r) => formatNumber(r.personTimes) },
        ]}
      />
    </Card>
  );
}

/**
 * Records whose report is past due, per unit, at a date (today unless chosen), and the same as
 * CSV or Excel: one page for every kind whose records owe a report (visits, missions).
 */
export function OverdueReportsPage<U extends OverdueUnit>({ description: d }: { description: OverdueDescription<U> }) {
  const { t } = useI18n();
  // The date read at is the page's one URL param (today when absent); the router keeps an invalid one, so it is read again.
  const asOf = readParam(IsoDate, useSearch({ strict: false }).asOf) as string | undefined;
  const navigate = useNavigate();
  const onAsOf = (next: string | undefined) => void navigate({ to: '.', search: next ? { asOf: next } : {} });
  const { data, isFetching, error } = d.useReports(asOf);
  const m = d.messages;
  // the lead time in force: the office may have changed the description's 30 days
  const days = useSettingValue(`deadline.${m}s.report`) ?? MOVEMENT_REPORT_DUE_DAYS;

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t(`${m}.tab.overdue`)}
        subtitle={data ? t(`${m}.overdueSubtitle`, { days, date: data.asOf }) : null}
        extra={
          <>
            {d.tabs}
            <ExportLinks href={(format) => d.fileUrl(asOf, format)} testId={d.testId} labels={{ csv: `${m}.downloadCsv`, xlsx: `${m}.downloadXlsx` }} />
          </>
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t(`${m}.asOf`)}</Typography.Text>
        <DateInput value={asOf ?? data?.asOf} allowClear onChange={onAsOf} data-testid={`${d.testId}-as-of`} />
        {data ? <Typography.Text type="secondary">{t(`${m}.overdueCount`, { n: data.total })}</Typography.Text> : null}
        {isFetching ? <Spin size="small" /> : null}
      </Flex>
      {data && data.units.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${m}.overdueNone`)} />
        </Card>
      ) : (
        <Flex vertical gap={16} data-testid={`${d.testId}-units`}>
          {(data?.units ?? []).map((unit) => (
            <UnitCard key={unit.unitId} unit={unit} description={d} />
          ))}
        </Flex>
      )}
    </>
  );
}
