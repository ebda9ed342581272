import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../policies/actor.ts';
import { scopeOf } from '../../policies/policies.ts';
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
export async function getInboundReport(options: { actor: Actor; since: string; until: string; top?: number }, db: Queryable): Promise<InboundReport> {
  const { since, until } = options;
  const scope = scopeOf(options.actor);
  const totals = await ledgerTotals(db, scope, { direction: 'inbound', from: since, to: until });
  const topCountries = await topInboundCountries(db, scope, { since, until }, options.top ?? 10);
  return { since, until, ...totals, topCountries };
}
