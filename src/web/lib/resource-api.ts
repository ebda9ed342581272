import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../../shared/contracts/common.ts';
import { historyKey } from '../components/record-history.tsx';
import { api, toQuery, type QueryValue } from './api.ts';
import { DEFAULT_PAGE_SIZE, type ListSearch } from './url-search.ts';

/** What differs between the record modules' APIs; the rest (keys, paging, invalidation) is shared. */
export interface ResourceConfig<Search extends ListSearch> {
  /** First part of every query key of the resource ("institutions"). */
  key: string;
  /** Its path under /api ("/institutions"). */
  path: string;
  /** Its audit entity ("institution"), whose history a change refreshes. */
  entity: string;
  /** The list's filter params (besides q, sort, order and paging), in query-string order. */
  filters: (search: Search) => Record<string, QueryValue>;
  /** Other queries that a new record changes (the catalogue marks what is already added). */
  alsoOnCreate?: readonly QueryKey[];
  /** Other queries that any write changes (an agreement's dates change the partner figures). */
  alsoOnWrite?: readonly QueryKey[];
}

/**
 * The query hooks of a module whose records are listed, opened, created, changed at a version and
 * deleted at a version, with the cache kept right after each write. One place for every module, so
 * that a module's api.ts is a declaration and every list refreshes the same way.
 */
export function createResourceHooks<T extends { id: number }, Input, Update, Search extends ListSearch>(config: ResourceConfig<Search>) {
  const { key, path, entity, filters, alsoOnCreate = [], alsoOnWrite = [] } = config;
  const keys = {
    all: [key] as const,
    lists: [key, 'list'] as const,
    list: (search: Search) => [key, 'list', search] as const,
    one: (id: number) => [key, 'one', id] as const,
  };

  const listParams = (search: Search) => ({
    q: search.q,
    ...filters(search),
    sort: search.sort,
    order: search.order,
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
  });

  return {
    keys,

    /** One page of records, as the list's URL params describe it. */
    useList(search: Search) {
      return useQuery({
        queryKey: keys.list(search),
        queryFn: ({ signal }) => api.get<Page<T>>(`${path}${toQuery(listParams(search))}`, signal),
        placeholderData: keepPreviousData,
      });
    },

    /** One record. */
    useOne(id: number) {
      return useQuery({ queryKey: keys.one(id), queryFn: ({ signal }) => api.get<T>(`${path}/${id}`, signal) });
    },

    /** Create a record; it is cached at once for the page the user goes to next. */
    useCreate() {
      const client = useQueryClient();
      return useMutation({
        mutationFn: (input: Input) => api.post<T>(path, input),
        onSuccess: (created) => {
          client.setQueryData(keys.one(created.id), created);
          void client.invalidateQueries({ queryKey: keys.all });
          for (const queryKey of [...alsoOnCreate, ...alsoOnWrite]) void client.invalidateQueries({ queryKey });
        },
      });
    },

    /** Change a record (the update names the version it is based on); lists and its history refresh. */
    useUpdate(id: number) {
      const client = useQueryClient();
      return useMutation({
        mutationFn: (update: Update) => api.patch<T>(`${path}/${id}`, update),
        onSuccess: (saved) => {
          client.setQueryData(keys.one(id), saved);
          void client.invalidateQueries({ queryKey: keys.lists });
          void client.invalidateQueries({ queryKey: historyKey(entity, id) });
          for (const queryKey of alsoOnWrite) void client.invalidateQueries({ queryKey });
        },
      });
    },

    /** Delete a record at a given version. */
    useRemove() {
      const client = useQueryClient();
      return useMutation({
        mutationFn: ({ id, version }: { id: number; version: number }) => api.del(`${path}/${id}${toQuery({ version })}`),
        onSuccess: async () => {
          for (const queryKey of alsoOnWrite) void client.invalidateQueries({ queryKey });
          await client.invalidateQueries({ queryKey: keys.all });
        },
      });
    },
  };
}
