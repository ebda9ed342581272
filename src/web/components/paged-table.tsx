import { Table, type TableProps } from 'antd';
import type { Page } from '../../shared/contracts/common.ts';
import { useI18n } from '../lib/i18n.tsx';

interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> {
  /** The query of the page: the page the API answered (its rows and the total), undefined while it loads. */
  query: { data?: Page<T>; isFetching: boolean };
  /** The page shown and its size. */
  at: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  /** The page sizes offered (true: the table's own); without it, the size is offered only past 50 rows. */
  sizes?: number[] | true;
}

/** A table of one page of records (by their id unless told), with the pager under it saying how many there are in all. */
export function PagedTable<T extends object>({ query: { data, isFetching }, at, onPage, sizes, rowKey = 'id', ...table }: PagedTableProps<T>) {
  const { t } = useI18n();
  return (
    <Table<T>
      {...table}
      rowKey={rowKey}
      loading={isFetching}
      dataSource={data?.items ?? []}
      pagination={{
        current: at.page,
        pageSize: at.pageSize,
        total: data?.total ?? 0,
        // without sizes, the pager's own rule (a size changer past 50 rows) holds
        ...(sizes ? { showSizeChanger: true } : {}),
        ...(Array.isArray(sizes) ? { pageSizeOptions: sizes } : {}),
        showTotal: (total) => t('common.total', { total }),
        onChange: onPage,
      }}
    />
  );
}
