import { useQueries, useQuery } from '@tanstack/react-query';
import { DIRECTIONS, WHO, type Direction, type LedgerTotals, type Who } from '../../../shared/contracts/ledger.ts';
import { api, toQuery } from '../../lib/api.ts';

type TotalsFilter = { direction?: Direction; who?: Who };

const totalsQuery = (filter: TotalsFilter) => ({
  queryKey: ['ledger', 'totals', filter],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<LedgerTotals>(`/ledger/totals${toQuery(filter)}`, signal),
  staleTime: 60_000,
});

/** Ledger totals overall, or for one direction. */
export function useTotals(direction?: Direction) {
  return useQuery(totalsQuery(direction ? { direction } : {}));
}

/** Person-times for every direction × who, for the dashboard chart. */
export function useTotalsByWho() {
  const pairs = DIRECTIONS.flatMap((direction) => WHO.map((who) => ({ direction, who })));
  const results = useQueries({ queries: pairs.map((p) => totalsQuery(p)) });
  return {
    isLoading: results.some((r) => r.isLoading),
    cells: pairs.map((p, i) => ({ ...p, personTimes: results[i]?.data?.personTimes ?? 0 })),
  };
}
