import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../../shared/contracts/common.ts';
import { historyKey } from '../components/record-history.tsx';
import { api, toQuery, type QueryValue } from './api.ts';
import { fileForm, useRefresh } from './api-query.ts';
import { DEFAULT_PAGE_SIZE, type ListSearch } from './url-search.ts';

/** What differs between the record modules' APIs besides their names; the rest (keys, paging, invalidation) is shared. */
export interface ResourceConfig<Search extends ListSearch> {
  /** The list's filters (besides q, sort, order and paging), named as the URL and the API name them, in query-string order. */
  filters: readonly (keyof Search & string)[];
  /** Other queries that a new record changes (the catalogue marks what is already added). */
  alsoOnCreate?: readonly QueryKey[];
  /** Other queries that any write changes (an agreement's dates change the partner figures). */
  alsoOnWrite?: readonly QueryKey[];
  /** Other queries of one record that its writes change (a conference's attendee list). */
  alsoOfRecord?: (id: number) => readonly QueryKey[];
  /** Where the list is downloaded as a file, when not at the resource's own path ("/missions/export"). */
  exportPath?: string;
}

/** The formats a list or a report is downloaded in. */
export type FileFormat = 'csv' | 'xlsx';

/**
 * The query hooks of a module whose records are listed, opened, created, changed at a version and
 * deleted at a version, with the cache kept right after each write. One place for every module, so
 * that a module's api.ts is a declaration and every list refreshes the same way. `key` is the first
 * part of every query key of the resource and its path under /api ("institutions"); `entity` is its
 * audit entity ("institution"), whose history a change refreshes.
 */
export function createResourceHooks<T extends { id: number }, Input, Update, Search extends ListSearch, Step = never>(
  key: string,
  entity: string,
  config: ResourceConfig<Search>,
) {
  const { alsoOnCreate = [], alsoOnWrite = [], alsoOfRecord = () => [] } = config;
  const path = `/${key}`;
  const { exportPath = path } = config;
  const filters = (search: Search): Record<string, QueryValue> => Object.fromEntries(config.filters.map((name) => [name, search[name] as QueryValue]));
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

  /** What a write on one record makes stale besides the record itself: the lists, its history and what derives from it. */
  const staleAfter = (id: number): QueryKey[] => [keys.lists, historyKey(entity, id), ...alsoOnWrite, ...alsoOfRecord(id)];

  /** After a write that answered with the record: cache it, refresh what it makes stale. */
  function useAfterWrite() {
    const client = useQueryClient();
    const refresh = useRefresh();
    return (saved: T) => {
      client.setQueryData(keys.one(saved.id), saved);
      refresh(staleAfter(saved.id));
    };
  }

  return {
    keys,
    staleAfter,
    useAfterWrite,

    /** The list as it is filtered, as a file to download in the user's language (every matching record, not one page). */
    exportUrl: (search: Search, format: FileFormat) =>
      `/api${exportPath}${toQuery({ ...filters(search), q: search.q, sort: search.sort, order: search.order, format })}`,

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
      const afterWrite = useAfterWrite();
      return useMutation({ mutationFn: (update: Update) => api.patch<T>(`${path}/${id}`, update), onSuccess: afterWrite });
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

    /** Take one step of the record's workflow at its version; the record, its lists, its history and what derives from it refresh. */
    useTransition(id: number) {
      const afterWrite = useAfterWrite();
      return useMutation({ mutationFn: (step: Step) => api.post<T>(`${path}/${id}/transitions`, step), onSuccess: afterWrite });
    },

    /** Draft the successor of a record that is renewed (an agreement, an appointment); the predecessor, which now names it, is read again. */
    useRenewal(id: number) {
      const afterWrite = useAfterWrite();
      const refresh = useRefresh();
      return useMutation({
        mutationFn: (version: number) => api.post<T>(`${path}/${id}/renewal`, { version }),
        onSuccess: (successor) => {
          afterWrite(successor);
          refresh([keys.one(id), historyKey(entity, id)]);
        },
      });
    },

    /** Upload and delete the files a record keeps under `folder` ("documents", "files"); the record, which lists them, is read again. */
    useFiles<F>(id: number, folder: string) {
      const refresh = useRefresh();
      const onSuccess = () => refresh([keys.one(id), historyKey(entity, id)]);
      return {
        upload: useMutation({ mutationFn: (file: File) => api.upload<F>(`${path}/${id}/${folder}`, fileForm(file)), onSuccess }),
        remove: useMutation({ mutationFn: (fileId: number) => api.del(`${path}/${id}/${folder}/${fileId}`), onSuccess }),
      };
    },

    /** Where one of a record's files is downloaded from (the browser sends the session cookie). */
    fileUrl: (id: number, folder: string, fileId: number) => `/api${path}/${id}/${folder}/${fileId}`,
  };
}
