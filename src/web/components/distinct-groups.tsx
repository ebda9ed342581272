import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Page } from '../../shared/contracts/common.ts';
import { groupRows, type FigureGrouping, type GroupedRows } from '../../shared/figure-groups.ts';
import { api, toQuery, type QueryValue } from '../lib/api.ts';
import { errorText } from '../lib/errors.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';

const PAGE = 200;

/** Every row of a list that matches `query`, page after page (the lists a figure opens hold a few hundred). */
async function allRows<T>(apiPath: string, query: Record<string, QueryValue>, signal: AbortSignal): Promise<{ total: number; rows: T[] }> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<Page<T>>(`${apiPath}${toQuery({ ...query, page, pageSize: PAGE })}`, signal);
    rows.push(...answer.items);
    if (rows.length >= answer.total || answer.items.length === 0) return { total: answer.total, rows };
  }
}

interface DistinctGroupsProps<G extends FigureGrouping> {
  grouping: G;
  /** The list's API path under /api and its filters (without paging or sort): the rows the page lists. */
  apiPath: string;
  query: Record<string, QueryValue>;
  /** A group's name, from its first row. */
  name: (row: GroupedRows[G]) => ReactNode;
  /** Back to the plain list (the URL without `groupBy`). */
  onClose: () => void;
}

/**
 * The distinct things a figure counts, above the list of its records: "31 host institutions
 * among 199 applications", and each with its number of rows. The rows are the list's own, grouped
 * as the server's figure groups them (src/shared/figure-groups.ts), so the count at the top is
 * the figure's.
 */
export function DistinctGroups<G extends FigureGrouping>({ grouping, apiPath, query, name, onClose }: DistinctGroupsProps<G>) {
  const { t, locale, formatNumber } = useI18n();
  const { data, error, isPending } = useQuery({
    queryKey: ['distinct-groups', apiPath, grouping, query],
    queryFn: ({ signal }) => allRows<GroupedRows[G]>(apiPath, query, signal),
  });
  if (error) return <Alert type="error" showIcon message={errorText(error, locale)} />;
  const grouped = data ? groupRows(grouping, data.rows) : null;
  return (
    <Card
      size="small"
      loading={isPending}
      style={{ marginBottom: 16 }}
      data-testid="distinct-groups"
      title={
        grouped && data ? (
          <span data-testid="distinct-count" data-count={grouped.groups.length}>
            {t(`distinct.${grouping}` as MessageKey, { n: formatNumber(grouped.groups.length), count: grouped.groups.length, rows: formatNumber(data.total), total: data.total })}
          </span>
        ) : null
      }
      extra={
        <Button size="small" onClick={onClose} data-testid="distinct-close">
          {t('distinct.plainList')}
        </Button>
      }
    >
      {grouped?.ungrouped ? <Typography.Paragraph type="secondary">{t('distinct.ungrouped', { n: formatNumber(grouped.ungrouped) })}</Typography.Paragraph> : null}
      <Table
        rowKey="key"
        size="small"
        dataSource={grouped?.groups ?? []}
        pagination={(grouped?.groups.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { key: 'name', title: t('distinct.group'), render: (_, g) => name(g.first) },
          { key: 'rows', title: t('distinct.rows'), width: 140, align: 'right', render: (_, g) => formatNumber(g.rows) },
        ]}
        data-testid="distinct-table"
      />
    </Card>
  );
}
