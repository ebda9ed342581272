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

interface ListPageProps<T, Search extends ListSearch> {
  title: ReactNode;
  /** The "new" button's target and label; absent where the user may not create. */
  create?: { to: NonNullable<LinkProps['to']>; label: ReactNode };
  /** More in the header, before the downloads and "new" (tabs, the agreements' renewal watch). */
  extra?: ReactNode;
  /** The list as CSV and Excel, with its filters. */
  exports?: ExportDescription;
  search: Search;
  navigate: ListNavigate<Search>;
  defaultSort: NonNullable<Search['sort']>;
  /** The list query (one page of records). */
  result: { data?: Page<T>; isFetching: boolean; error: Error | null };
  searchBox: { testId: string; placeholder: string; width: number };
  /** The filters beside the search box, as data; each sets its URL param and goes back to page 1. */
  filters: ListFilter<Search>[];
  columns: ListColumn<T, NonNullable<Search['sort']>>[];
}

/**
 * The list page of a record module: title, downloads and "new" button, search box, filters and
 * reset, and a server-sorted, server-paged Table, all state in the URL. A module declares only
 * what it lists: its columns, its filters and its export, as data.
 */
export function ListPage<T extends { id: number }, Search extends ListSearch>(props: ListPageProps<T, Search>) {
  const { title, create, extra, exports, search, navigate, defaultSort, result, searchBox, filters, columns } = props;
  const { t } = useI18n();
  const { data, isFetching, error } = result;
  const state = listUrlState<T, Search>(search, navigate, defaultSort);

  if (error) return <ErrorPage error={error} />;

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
      <Card>
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
          <Button onClick={state.reset}>{t('action.reset')}</Button>
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
    </>
  );
}
