import type { TableColumnType, TableProps } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface.js';
import type { ListSearch } from './url-search.ts';

/** Sets a list's URL search from the one before; the page passes its route's navigate. */
export type ListNavigate<Search> = (next: (prev: Search) => Partial<Search>) => void;

/** A list column; a sortable one's key is the sort field that the API takes. */
export type ListColumn<T, Sort extends string> = TableColumnType<T> & ({ key: Sort; sortable: true } | { key: string; sortable?: false });

/**
 * A list's state in its URL, turned into what the search box, the filters and the Table need: one
 * rule for every list, so that a change of filter always goes back to page 1 and sorting reads alike.
 */
export function listUrlState<T, Search extends ListSearch>(search: Search, navigate: ListNavigate<Search>, defaultSort: NonNullable<Search['sort']>) {
  type Sort = NonNullable<Search['sort']>;
  const update = (patch: Partial<Search>) => navigate((prev) => ({ ...prev, page: undefined, ...patch }));
  const sortOrder = (field: string): SortOrder => ((search.sort ?? defaultSort) === field ? (search.order === 'desc' ? 'descend' : 'ascend') : null);

  const onTableChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const field = s?.order ? (s.columnKey as Sort) : undefined;
      update({ sort: field, order: s?.order === 'descend' ? 'desc' : field ? 'asc' : undefined } as Partial<Search>);
    } else {
      update({ page: pagination.current, pageSize: pagination.pageSize } as Partial<Search>);
    }
  };

  const columns = (list: ListColumn<T, Sort>[]): TableColumnType<T>[] =>
    list.map(({ sortable, ...column }) => (sortable ? { ...column, sorter: true, sortOrder: sortOrder(column.key) } : column));

  return { update, reset: () => navigate(() => ({})), onTableChange, columns };
}

/**
 * A list read newest first by its default sort key (the office looks for recent records), and
 * in ascending order by any other key the user sorts on, unless the URL says otherwise.
 */
export function newestFirst<Search extends ListSearch>(search: Search, defaultSort: NonNullable<Search['sort']>): Search {
  return { ...search, order: search.order ?? (search.sort && search.sort !== defaultSort ? 'asc' : 'desc') };
}
