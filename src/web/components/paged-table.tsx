import { Table, type TableProps } from 'antd';
import type { Page } from '../../shared/contracts/common.ts';
import { useI18n } from '../lib/i18n.tsx';

interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination'> {
  /** The page the API answered (its rows and the total), undefined while it loads. */
  data: Page<T> | undefined;
  /** The page shown and its size. */
  at: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  /** The page sizes offered (true: the table's own); without it, the size is offered only past 50 rows. */
  sizes?: number[] | true;
}

/** A table of one page of records, with the pager under it saying how many there are in all. */
export function PagedTable<T extends object>({ data, at, onPage, sizes, ...table }: PagedTableProps<T>) {
  const { t } = useI18n();
  return (
    <Table<T>
      {...table}
      dataSource={data?.items ?? []}
      pagination={{
        current: at.page,
        pageSize: at.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: sizes ? true : undefined,
        pageSizeOptions: Array.isArray(sizes) ? sizes : undefined,
        showTotal: (total) => t('common.total', { total }),
        onChange: onPage,
      }}
    />
  );
}
