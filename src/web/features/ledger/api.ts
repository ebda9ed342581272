import type { Page } from '../../../shared/contracts/common.ts';
import type { Aggregate, AggregateInput, AggregateUpdate, LedgerRow, LedgerTotals } from '../../../shared/contracts/ledger.ts';
import { historyKey } from '../../components/record-history.tsx';
import { useApiGet, useItemWrites } from '../../lib/api-query.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import type { LedgerSearch } from './ledger-search.ts';

/** The filters that both the rows and the totals take. */
export type LedgerFilters = Pick<LedgerSearch, 'direction' | 'who' | 'category' | 'country' | 'unitId' | 'from' | 'to'>;

const LEDGER_KEY = ['ledger'] as const;

function filterParams(f: LedgerFilters) {
  return { direction: f.direction, who: f.who, category: f.category, country: f.country, unitId: f.unitId, from: f.from, to: f.to };
}

/** One page of ledger rows (person-times) under the page's filters. */
export const useLedgerRows = (search: LedgerSearch) =>
  useApiGet<Page<LedgerRow>>(
    [...LEDGER_KEY, 'rows', search],
    '/ledger',
    { ...filterParams(search), aggregate: search.aggregate, page: search.page ?? 1, pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE },
    { keep: true },
  );

/** Person-times, distinct persons and countries over the filtered rows. */
export function useLedgerTotals(filters: LedgerFilters) {
  const params = filterParams(filters);
  return useApiGet<LedgerTotals>([...LEDGER_KEY, 'totals', params], '/ledger/totals', params, { keep: true });
}

/** One page of aggregate counts. */
export const useAggregates = (page: number, pageSize: number) =>
  useApiGet<Page<Aggregate>>([...LEDGER_KEY, 'aggregates', page, pageSize], '/ledger/aggregates', { page, pageSize }, { keep: true });

/** Create, change or delete an aggregate count; the ledger and its totals are refreshed after. */
export const useAggregateMutations = () =>
  useItemWrites<Aggregate, AggregateInput, AggregateUpdate>('/ledger/aggregates', (saved) => (saved ? [LEDGER_KEY, historyKey('aggregate', saved.id)] : [LEDGER_KEY]));
