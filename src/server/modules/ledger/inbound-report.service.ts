import type { Scoped } from '../../core/request-context.ts';
import type { LedgerTotals } from '../../../shared/contracts/ledger.ts';
import { ledgerTotals } from './ledger.repo.ts';
import { topInboundCountries, type CountryPersonTimes } from './inbound-report.repo.ts';

/** "Since 1980 … received about 50,000 (time/person)": the inbound figures of a period, from the ledger. */
export interface InboundReport extends LedgerTotals {
  since: string;
  until: string;
  topCountries: CountryPersonTimes[];
}

/**
 * Inbound person-times, distinct persons, aggregate person-times and the leading countries and
 * regions over [since, until] (by the day each stay started). It reads the ledger, not the
 * visits, so that conference participants and the aggregate counts of years without records
 * count alike; a coordinator sees their unit's.
 */
export async function getInboundReport(ctx: Scoped, options: { since: string; until: string; top?: number }): Promise<InboundReport> {
  const { since, until } = options;
  const totals = await ledgerTotals(ctx, { direction: 'inbound', from: since, to: until });
  const topCountries = await topInboundCountries(ctx, { since, until }, options.top ?? 10);
  return { since, until, ...totals, topCountries };
}
