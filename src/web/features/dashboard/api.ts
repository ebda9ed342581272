import type { Direction, LedgerTotals } from '../../../shared/contracts/ledger.ts';
import { useApiGet } from '../../lib/api-query.ts';

/** The ledger filters the dashboard's period totals take. */
export interface TotalsFilter {
  direction?: Direction;
  from?: string;
  to?: string;
  unitId?: number;
}

/** Ledger totals over the dashboard's period and unit, overall or for one direction. */
export function useTotals(filter: TotalsFilter) {
  const params = { direction: filter.direction, from: filter.from, to: filter.to, unitId: filter.unitId };
  // under the ledger's key, so that every write that refreshes the ledger refreshes these too
  return useApiGet<LedgerTotals>(['ledger', 'totals', params], '/ledger/totals', params, { staleTime: 60_000 });
}
