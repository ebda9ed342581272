import type { Figure } from '../../../shared/contracts/reports.ts';
import { exchangeFiguresAsOf, selectionsAsOf } from '../../modules/exchanges/exchanges.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/**
 * "Currently, about 200 students are sent every year to 31 universities or colleges in 13
 * different countries for short-term training or jointly-managed graduate programs":
 * - "currently … every year" is the last complete academic year before the date (1 September
 *   to 31 August; on 31 August the year still runs, so the one before it is taken);
 * - studentsPerYear: outbound exchange person-times departing in that year (applications
 *   departed or returned; a withdrawn student never counts). The joint programme's residency
 *   placements are not exchanges (the seed tells of the programme apart) and are not counted;
 * - universities: the distinct host institutions of those person-times;
 * - countries: the hosts' distinct countries; Hong Kong, Macao and Taiwan are regions and are
 *   not counted ("13 different countries").
 * Each links to exactly the applications it counts (countries: those in a country, not a region).
 * - selected: "SJTUSM has also actively selected excellent students for international exchanges,
 *   overseas study programs or the pursuit of degrees": the students selected on or before the
 *   date, by what their opportunity offers ({ exchange, study, degree }), each once per purpose.
 */
export async function exchangeFigures(ctx: FigureContext): Promise<Figure[]> {
  const f = await exchangeFiguresAsOf(ctx.db, { asOf: ctx.asOf });
  const period = { asOf: null, from: f.from, to: f.to };
  const records = (extra: Record<string, string> = {}) =>
    recordsAt('/api/exchange-applications', '/exchanges/applications', { counted: 'true', departedFrom: f.from, departedTo: f.to, ...extra, unitId: ctx.chosenUnitId });
  return [
    figure(ctx, 'exchange.studentsPerYear', 'person_times', f.personTimes, { ...period, records: records() }),
    figure(ctx, 'exchange.universities', 'institutions', f.universities, { ...period, records: records() }),
    figure(ctx, 'exchange.countries', 'countries', f.countries, { ...period, records: records({ region: 'false' }) }),
    figure(ctx, 'exchange.selected', 'persons', await selectionsAsOf(ctx.db, { asOf: ctx.asOf }), {
      records: recordsAt('/api/exchange-applications', '/exchanges/applications', { selectedBy: ctx.asOf, unitId: ctx.chosenUnitId }),
    }),
  ];
}
