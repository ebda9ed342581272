import { PlusOutlined } from '@ant-design/icons';
import { Link, type LinkProps } from '@tanstack/react-router';
import { Button, Card, Flex, Table } from 'antd';
import type { ReactNode } from 'react';
import type { Page } from '../../shared/contracts/common.ts';
import { useI18n } from '../lib/i18n.tsx';
import { listUrlState, type ListColumn, type ListNavigate } from '../lib/list-url-state.ts';
import { DEFAULT_PAGE_SIZE, type ListSearch } from '../lib/url-search.ts';
import { ExportLinks, type ExportDescription } from './export-links.tsx';
import { ListFilters, type ListFilter } from './list-filters.tsx';
import { PageHeader } from './page-header.tsx';
import { SearchInput } from './search-input.tsx';
import { ErrorPage } from './status-pages.tsx';

interface ListTableProps<T, Search extends ListSearch> {
  search: Search;
  navigate: ListNavigate<Search>;
  defaultSort: NonNullable<Search['sort']>;
  /** The list query (one page of records). */
  result: { data?: Page<T>; isFetching: boolean };
  searchBox: { testId: string; placeholder: string; width: number };
  /** The filters beside the search box, as data; each sets its URL param and goes back to page 1. */
  filters: ListFilter<Search>[];
  columns: ListColumn<T, NonNullable<Search['sort']>>[];
  /** The card's title and test id, where the list is a part of its page (the experts' appointments). */
  card?: { title: ReactNode; testId: string };
  /** URL params that belong to the page, not the list: a reset keeps them. */
  keepOnReset?: (keyof Search & string)[];
}

/**
 * A remote list in a card: search box, filters and reset, and a server-sorted, server-paged
 * Table, all state in the URL. ListPage puts it under a page's header; a page that shows other
 * things too (figures above the list) uses it alone.
 */
export function ListTable<T extends { id: number }, Search extends ListSearch>(props: ListTableProps<T, Search>) {
  const { search, navigate, defaultSort, result, searchBox, filters, columns, card, keepOnReset = [] } = props;
  const { t } = useI18n();
  const { data, isFetching } = result;
  const state = listUrlState<T, Search>(search, navigate, defaultSort);
  const reset = () => navigate((prev) => Object.fromEntries(keepOnReset.map((key) => [key, prev[key]])) as Partial<Search>);

  return (
    <Card title={card?.title} data-testid={card?.testId}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchInput
          key={search.q ?? ''}
          testId={searchBox.testId}
          defaultValue={search.q}
          placeholder={searchBox.placeholder}
          onSearch={(value) => state.update({ q: value || undefined } as Partial<Search>)}
          width={searchBox.width}
        />
        <ListFilters filters={filters} search={search} update={state.update} />
        <Button onClick={reset}>{t('action.reset')}</Button>
      </Flex>
      <Table<T>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        onChange={state.onTableChange}
        showSorterTooltip={false}
        pagination={{
          current: search.page ?? 1,
          pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 25, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={state.columns(columns)}
      />
    </Card>
  );
}

interface ListPageProps<T, Search extends ListSearch> extends Omit<ListTableProps<T, Search>, 'card' | 'result'> {
  title: ReactNode;
  /** The "new" button's target and label; absent where the user may not create. */
  create?: { to: NonNullable<LinkProps['to']>; label: ReactNode };
  /** More in the header, before the downloads and "new" (tabs, the agreements' renewal watch). */
  extra?: ReactNode;
  /** The list as CSV and Excel, with its filters. */
  exports?: ExportDescription;
  /** The list query (one page of records). */
  result: { data?: Page<T>; isFetching: boolean; error: Error | null };
  /** Between the header and the list: what a figure counts among the records (DistinctGroups). */
  above?: ReactNode;
}

/**
 * The list page of a record module: title, downloads and "new" button, then the ListTable. A
 * module declares only what it lists: its columns, its filters and its export, as data.
 */
export function ListPage<T extends { id: number }, Search extends ListSearch>(props: ListPageProps<T, Search>) {
  const { title, create, extra, exports, above, ...list } = props;

  if (list.result.error) return <ErrorPage error={list.result.error} />;

  return (
    <>
      <PageHeader
        title={title}
        extra={
          <>
            {extra}
            {exports ? <ExportLinks {...exports} /> : null}
            {create ? (
              <Link to={create.to}>
                <Button type="primary" icon={<PlusOutlined />}>
                  {create.label}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      {above}
      <ListTable<T, Search> {...list} />
    </>
  );
}
