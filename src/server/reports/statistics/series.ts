import type { RequestContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { SeriesPoint } from '../../../shared/contracts/reports.ts';
import { countAgreementsInForce } from '../../modules/agreements/agreement-figures.service.ts';
import { personTimesByYear } from '../../modules/ledger/ledger-figures.service.ts';
import { figureContext } from '../figures/figure-context.ts';
import { INBOUND_SINCE } from '../figures/inbound.ts';

/**
 * Per year from `from` (default 1980) to `to` (default this year): inbound and outbound
 * person-times by the year the stays started, and the agreements in force on 31 December
 * (today, for the year not yet over). A coordinator's series is their unit's.
 */
export async function computeSeries(caller: RequestContext, options: { from?: number; to?: number; unitId?: number }): Promise<SeriesPoint[]> {
  const today = officeToday();
  const thisYear = Number(today.slice(0, 4));
  const from = options.from ?? Number(INBOUND_SINCE.slice(0, 4));
  const to = options.to ?? thisYear;
  if (from > to) return [];
  const ctx = figureContext(caller, { asOf: today, ...(options.unitId !== undefined ? { unitId: options.unitId } : {}) });
  const { db } = ctx;
  const filter = { from: `${from}-01-01`, to: `${to}-12-31`, ...(ctx.unitId !== null ? { unitId: ctx.unitId } : {}) };
  const inbound = new Map((await personTimesByYear(db, { ...filter, direction: 'inbound' })).map((p) => [p.year, p.personTimes]));
  const outbound = new Map((await personTimesByYear(db, { ...filter, direction: 'outbound' })).map((p) => [p.year, p.personTimes]));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const yearEnd = (y: number) => (y >= thisYear ? today : `${y}-12-31`);
  const inForce = await countAgreementsInForce(db, { dates: years.map(yearEnd) });
  return years.map((year) => ({ year, inbound: inbound.get(year) ?? 0, outbound: outbound.get(year) ?? 0, agreementsInForce: inForce.get(yearEnd(year)) ?? 0 }));
}
