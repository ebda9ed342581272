import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, toQuery, type QueryValue } from './api.ts';

/** How a read is kept: the last answer shown while the next loads, only when enabled, how long it stays fresh. */
export interface ReadOptions<T = unknown> {
  keep?: boolean;
  enabled?: boolean;
  staleTime?: number;
  /** Read again every so many ms while this gives a number for the last answer (false: stop). */
  refetchEvery?: (data: T | undefined) => number | false;
}

/**
 * One GET of the API under a query key, with its params as the query string: the one way a feature
 * reads something that is not a record list, so that a feature's api.ts says only the key and the path.
 */
export function useApiGet<T>(queryKey: QueryKey, path: string, params: Record<string, QueryValue> = {}, options: ReadOptions<T> = {}) {
  const { keep, enabled, staleTime, refetchEvery } = options;
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<T>(`${path}${toQuery(params)}`, signal),
    // only what is given: an option set to undefined would hide the query client's default (a stale time of 30 s)
    ...(keep ? { placeholderData: keepPreviousData } : {}),
    ...(enabled === undefined ? {} : { enabled }),
    ...(staleTime === undefined ? {} : { staleTime }),
    ...(refetchEvery ? { refetchInterval: (query: { state: { data: T | undefined } }) => refetchEvery(query.state.data) } : {}),
  });
}

/** Refresh every query under the given keys (no wait: the page goes on while they are read again). */
export function useRefresh(): (keys: readonly QueryKey[]) => void {
  const client = useQueryClient();
  return (keys) => {
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };
}

/**
 * A write whose answer makes other queries stale: the keys to refresh come from the answer and what
 * was sent. With `wait`, the write resolves only once they are read again (a dialog that closes on
 * success then shows the new row at once).
 */
export function useWrite<Vars, Result>(
  mutationFn: (vars: Vars) => Promise<Result>,
  keysOf: (result: Result, vars: Vars) => readonly QueryKey[],
  options: { wait?: boolean } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result: Result, vars: Vars) => {
      const refreshed = keysOf(result, vars).map((queryKey) => client.invalidateQueries({ queryKey }));
      if (options.wait) await Promise.all(refreshed);
    },
  });
}

/** A file as the multipart body of an upload (the field the API reads is "file"). */
export function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/**
 * Create, change at a version and delete at a version the items under one path (a person's expert
 * documents, the ledger's aggregate counts); each write refreshes what `keysOf` names.
 */
export function useItemWrites<T, Input, Update>(path: string, keysOf: (saved?: T) => readonly QueryKey[]) {
  return {
    create: useWrite((input: Input) => api.post<T>(path, input), (saved) => keysOf(saved)),
    update: useWrite(({ id, update }: { id: number; update: Update }) => api.patch<T>(`${path}/${id}`, update), (saved) => keysOf(saved)),
    remove: useWrite(({ id, version }: { id: number; version: number }) => api.del(`${path}/${id}${toQuery({ version })}`), () => keysOf()),
  };
}

/** The address of a report or list as a file to download (a plain link: the browser sends the session cookie). */
export function downloadUrl(path: string, params: Record<string, QueryValue>, format: 'csv' | 'xlsx'): string {
  return `/api${path}${toQuery({ ...params, format })}`;
}

/**
 * A kind's report of what is overdue on a date (today when absent) and that report as a file: the
 * reports of visits, missions and conferences are read alike. Its key is under the kind's own, so
 * that the kind's writes refresh it.
 */
export function overdueReport<R>(kind: string, report: string) {
  const key = [kind, 'overdue'] as const;
  const path = `/${kind}/${report}`;
  return {
    key,
    useReport: (asOf: string | undefined) => useApiGet<R>([...key, asOf ?? 'today'], path, { asOf }, { keep: true }),
    fileUrl: (asOf: string | undefined, format: 'csv' | 'xlsx') => downloadUrl(path, { asOf }, format),
  };
}
