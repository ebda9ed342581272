import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Aggregate, AggregateInput, AggregateUpdate, LedgerRow, LedgerTotals } from '../../../shared/contracts/ledger.ts';
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import type { LedgerSearch } from './ledger-search.ts';

/** The filters that both the rows and the totals take. */
export type LedgerFilters = Pick<LedgerSearch, 'direction' | 'who' | 'category' | 'country' | 'unitId' | 'from' | 'to'>;

const LEDGER_KEY = ['ledger'] as const;

function filterParams(f: LedgerFilters) {
  return { direction: f.direction, who: f.who, category: f.category, country: f.country, unitId: f.unitId, from: f.from, to: f.to };
}

/** One page of ledger rows (person-times) under the page's filters. */
export function useLedgerRows(search: LedgerSearch) {
  return useQuery({
    queryKey: [...LEDGER_KEY, 'rows', search],
    queryFn: ({ signal }) =>
      api.get<Page<LedgerRow>>(
        `/ledger${toQuery({ ...filterParams(search), aggregate: search.aggregate, page: search.page ?? 1, pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Person-times, distinct persons and countries over the filtered rows. */
export function useLedgerTotals(filters: LedgerFilters) {
  const params = filterParams(filters);
  return useQuery({
    queryKey: [...LEDGER_KEY, 'totals', params],
    queryFn: ({ signal }) => api.get<LedgerTotals>(`/ledger/totals${toQuery(params)}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** One page of aggregate counts. */
export function useAggregates(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...LEDGER_KEY, 'aggregates', page, pageSize],
    queryFn: ({ signal }) => api.get<Page<Aggregate>>(`/ledger/aggregates${toQuery({ page, pageSize })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Create, change or delete an aggregate count; the ledger and its totals are refreshed after. */
export function useAggregateMutations() {
  const client = useQueryClient();
  const refresh = (id?: number) => {
    void client.invalidateQueries({ queryKey: LEDGER_KEY });
    if (id) void client.invalidateQueries({ queryKey: historyKey('aggregate', id) });
  };
  return {
    create: useMutation({ mutationFn: (input: AggregateInput) => api.post<Aggregate>('/ledger/aggregates', input), onSuccess: (a) => refresh(a.id) }),
    update: useMutation({
      mutationFn: ({ id, update }: { id: number; update: AggregateUpdate }) => api.patch<Aggregate>(`/ledger/aggregates/${id}`, update),
      onSuccess: (a) => refresh(a.id),
    }),
    remove: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => api.del(`/ledger/aggregates/${id}${toQuery({ version })}`),
      onSuccess: () => refresh(),
    }),
  };
}
