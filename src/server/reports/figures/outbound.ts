import type { Figure } from '../../../shared/contracts/reports.ts';
import { personTimes } from '../../modules/ledger/ledger-figures.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/** Outbound person-times are counted from this day: the seed's "since 1954". */
export const OUTBOUND_SINCE = '1954-01-01';

/**
 * "Since 1954, the school has sent about 17,000 (time/person) experts and professionals …":
 * outbound staff person-times whose trip started between 1 January 1954 and the date (each
 * member of a travelled or closed mission, and the annual counts of the years before
 * individual records), read through the ledger's one function. Students sent abroad are
 * outbound too, but they are not "experts and professionals": `who` is staff.
 */
export async function outboundFigures(ctx: FigureContext): Promise<Figure[]> {
  const filter = { direction: 'outbound', who: 'staff', from: OUTBOUND_SINCE, to: ctx.asOf } as const;
  const total = await personTimes(ctx.db, { ...filter, ...(ctx.unitId !== null ? { unitId: ctx.unitId } : {}) });
  return [
    figure(ctx, 'outbound.personTimesSince1954', 'person_times', total, {
      asOf: null,
      from: OUTBOUND_SINCE,
      to: ctx.asOf,
      records: recordsAt('/api/ledger', '/ledger', filter),
      filters: { who: 'staff' },
    }),
  ];
}
