import type { Figure, FigureItem } from '../../../shared/contracts/reports.ts';
import { DEFAULT_PROTOCOL_THRESHOLD } from '../../../shared/contracts/visits.ts';
import { personTimes } from '../../modules/ledger/ledger-figures.service.ts';
import { listNotableVisitors, type NotableVisitor } from '../../modules/visits/visits.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/** Inbound person-times are counted from this day: the seed's "since 1980". */
export const INBOUND_SINCE = '1980-01-01';

/** A visitor's names, each in its own script: "Jacques Chirac" and "希拉克". */
function visitorItem(v: NotableVisitor): FigureItem {
  const m = v.member;
  return { key: String(m.personId), count: null, nameEn: [m.givenName, m.familyName].filter(Boolean).join(' '), nameZh: m.nameZh, title: m.title };
}

/**
 * "Since 1980 … received about 50,000 (time/person) …, among them …": inbound person-times
 * whose stay started between 1 January 1980 and the date (a stay spanning New Year counts in
 * the year it started; aggregate counts included), read through the ledger's one function; and
 * the head of each notable visit (held or closed, at the default protocol threshold).
 */
export async function inboundFigures(ctx: FigureContext): Promise<Figure[]> {
  const total = await personTimes(ctx.db, { direction: 'inbound', from: INBOUND_SINCE, to: ctx.asOf, ...(ctx.unitId !== null ? { unitId: ctx.unitId } : {}) });
  const notable = await listNotableVisitors(ctx.db, { to: ctx.asOf });
  const items = notable.visitors.map(visitorItem);
  return [
    figure(ctx, 'inbound.personTimesSince1980', 'person_times', total, {
      asOf: null,
      from: INBOUND_SINCE,
      to: ctx.asOf,
      records: recordsAt('/api/ledger', '/ledger', { direction: 'inbound', from: INBOUND_SINCE, to: ctx.asOf }),
    }),
    figure(
      ctx,
      'inbound.notableVisitors',
      'names',
      items.map((i) => i.nameEn ?? i.nameZh ?? ''),
      {
        asOf: null,
        to: ctx.asOf,
        records: recordsAt('/api/visits', '/visits', { notable: 'true', counted: 'true', to: ctx.asOf, unitId: ctx.chosenUnitId }),
        items,
        filters: { protocolThreshold: DEFAULT_PROTOCOL_THRESHOLD },
      },
    ),
  ];
}
