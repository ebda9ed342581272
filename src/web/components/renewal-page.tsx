import { useNavigate, useSearch, type LinkProps } from '@tanstack/react-router';
import { Card, Empty, Flex, InputNumber, Table, Typography, type TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { WholeNumber } from '../../shared/contracts/common.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { readParam } from '../lib/url-search.ts';
import { BackLink } from './back-link.tsx';
import { ExportLinks, type FileFormat } from './export-links.tsx';
import { PageHeader } from './page-header.tsx';
import { ErrorPage } from './status-pages.tsx';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead a renewal page looks, as the contracts take it. */
const Months = WholeNumber.pipe(z.number().int().min(1).max(60));

/** Whole days from one calendar date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * What the renewal page of a kind of record reads (the agreements' renewal watch, the experts'
 * renewals): plain data, and the hooks of its feature.
 */
export interface RenewalDescription<T> {
  title: MessageKey;
  /** Takes {months}. */
  subtitle: MessageKey;
  emptyText: MessageKey;
  /** The list the page belongs to. */
  backTo: NonNullable<LinkProps['to']>;
  /** How many months ahead when the URL does not say (the server's default). */
  defaultMonths: number;
  /** `renewal-watch` gives `renewal-watch-months`, `-table`, `-csv`, `-xlsx`. */
  testId: string;
  useItems: (months: number) => { data?: { asOf: string; items: T[] }; isFetching: boolean; error: Error | null };
  fileUrl: (months: number, format: FileFormat) => string;
  rowKey: (item: T) => string | number;
  /** The first column: the date due, with the days left under it. */
  due: { key: string; title: MessageKey; width: number; date: (item: T) => string | null; show?: (item: T) => ReactNode };
  /** The other columns (a hook: they may read labels and lookups). */
  useColumns: () => TableColumnType<T>[];
}

/** What ends or expires within N months, soonest first, and the same as CSV or Excel. */
export function RenewalPage<T extends object>({ description: d }: { description: RenewalDescription<T> }) {
  const { t } = useI18n();
  // How many months ahead is the page's one URL param, absent for the default.
  const months = (readParam(Months, useSearch({ strict: false }).months) as number | undefined) ?? d.defaultMonths;
  const navigate = useNavigate();
  const onMonths = (next: number | undefined) => void navigate({ to: '.', search: next ? { months: next } : {} });
  const { data, isFetching, error } = d.useItems(months);
  const columns = d.useColumns();

  if (error) return <ErrorPage error={error} />;

  const dueColumn: TableColumnType<T> = {
    key: d.due.key,
    title: t(d.due.title),
    width: d.due.width,
    render: (_, item) => {
      const date = d.due.date(item);
      return (
        <>
          {d.due.show ? d.due.show(item) : date}
          {data && date ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('agr.daysLeft', { days: daysBetween(data.asOf, date) })}
            </Typography.Text>
          ) : null}
        </>
      );
    },
  };

  return (
    <>
      <PageHeader
        title={t(d.title)}
        subtitle={t(d.subtitle, { months })}
        extra={
          <>
            <BackLink to={d.backTo} />
            <ExportLinks href={(format) => d.fileUrl(months, format)} testId={d.testId} labels={{ csv: 'agr.downloadCsv', xlsx: 'agr.downloadXlsx' }} />
          </>
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('agr.watchMonths')}</Typography.Text>
          <InputNumber
            aria-label={t('agr.watchMonths')}
            min={1}
            max={60}
            value={months}
            onChange={(value) => onMonths(value && value !== d.defaultMonths ? value : undefined)}
            data-testid={`${d.testId}-months`}
          />
        </Flex>
        <Table<T>
          rowKey={d.rowKey}
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(d.emptyText)} /> }}
          data-testid={`${d.testId}-table`}
          columns={[dueColumn, ...columns]}
        />
      </Card>
    </>
  );
}
