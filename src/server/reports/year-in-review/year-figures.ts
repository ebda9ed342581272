import type { RequestContext } from '../../core/request-context.ts';
import { countAgreementsSigned } from '../../modules/agreements/agreement-figures.service.ts';
import { getPartnerFigures } from '../../modules/agreements/partners.service.ts';
import { countExpertsAppointed, getExpertsEngaged } from '../../modules/appointments/experts.service.ts';
import { countConferencesHosted } from '../../modules/conferences/conferences.service.ts';
import { exchangeCountsBetween } from '../../modules/exchanges/exchanges.service.ts';
import { personTimes } from '../../modules/ledger/ledger-figures.service.ts';
import { residencyFiguresAsOf } from '../../modules/programmes/programmes.service.ts';
import { studentsRegisteredBetween } from '../../modules/students/students.service.ts';
import { figureContext, recordsAt, type FigureContext } from '../figures/figure-context.ts';

/** An academic year, September to August, named by the year it starts in. */
export function academicYear(year: number): { from: string; to: string; label: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31`, label: `${year}–${String(year + 1).slice(2)}` };
}

export const YEAR_FIGURE_KEYS = [
  'inbound.personTimes',
  'outbound.personTimes',
  'conferences.held',
  'agreements.signed',
  'experts.appointed',
  'partners.universities',
  'partners.countriesAndRegions',
  'experts.engaged',
  'students.registered',
  'students.countries',
  'programme.residencies',
  'programme.residencyPlaced',
  'exchange.students',
  'exchange.universities',
] as const;
export type YearFigureKey = (typeof YEAR_FIGURE_KEYS)[number];

/** The figures taken on the year's last day; the others count what happened during the year. */
const STATES: readonly YearFigureKey[] = ['partners.universities', 'partners.countriesAndRegions', 'experts.engaged', 'programme.residencyPlaced'];

/** One figure of a year in review: its value, last year's, the change; null when its module has not landed. */
export interface YearFigure {
  key: YearFigureKey;
  kind: 'flow' | 'state';
  value: number | null;
  previous: number | null;
  change: number | null;
  records: { api: string; page: string } | null;
}

/** One year's values: flows over the year, states on its last day. */
async function valuesOf(ctx: FigureContext, from: string, to: string): Promise<Record<YearFigureKey, number | null>> {
  const { db } = ctx;
  const unit = ctx.unitId !== null ? { unitId: ctx.unitId } : {};
  const partners = await getPartnerFigures(db, { asOf: to });
  const students = await studentsRegisteredBetween(db, { from, to });
  const exchanges = await exchangeCountsBetween(db, { from, to });
  return {
    'inbound.personTimes': await personTimes(db, { direction: 'inbound', from, to, ...unit }),
    // Staff sent abroad, as on the fact sheet (students abroad are exchanges, not missions).
    'outbound.personTimes': await personTimes(db, { direction: 'outbound', who: 'staff', from, to, ...unit }),
    'conferences.held': await countConferencesHosted(db, { from, to }),
    'agreements.signed': await countAgreementsSigned(db, { from, to }),
    'experts.appointed': await countExpertsAppointed(db, { from, to }),
    'partners.universities': partners.universities,
    'partners.countriesAndRegions': partners.countriesAndRegions,
    'experts.engaged': (await getExpertsEngaged(db, { asOf: to })).engaged,
    // International degree students registered in the year (distinct persons, still counted at its end) and their countries, regions apart.
    'students.registered': students.students,
    'students.countries': students.countries.length,
    // The Sino-French programme: residencies in French hospitals begun in the year (ledger), and everyone placed so far.
    'programme.residencies': await personTimes(db, { direction: 'outbound', who: 'student', category: 'residency', from, to, ...unit }),
    'programme.residencyPlaced': (await residencyFiguresAsOf(db, { asOf: to })).placed,
    // Students sent abroad on exchange who departed in the year (person-times), and their hosts.
    'exchange.students': exchanges.personTimes,
    'exchange.universities': exchanges.universities,
  };
}

/** Where the records of a year figure are listed (the year's own, not the previous year's). */
function recordsOf(ctx: FigureContext, key: YearFigureKey, from: string, to: string): YearFigure['records'] {
  const unit = ctx.chosenUnitId;
  switch (key) {
    case 'inbound.personTimes':
      return recordsAt('/api/ledger', '/ledger', { direction: 'inbound', from, to });
    case 'outbound.personTimes':
      return recordsAt('/api/ledger', '/ledger', { direction: 'outbound', who: 'staff', from, to });
    case 'conferences.held':
      return recordsAt('/api/conferences', '/conferences', { counted: 'true', from, to, hostUnitId: unit });
    case 'experts.appointed':
      return recordsAt('/api/appointments', '/experts', { asOf: to, unitId: unit });
    case 'agreements.signed':
      return recordsAt('/api/agreements', '/agreements', { unitId: unit });
    case 'partners.universities':
    case 'partners.countriesAndRegions':
      return recordsAt('/api/partners/list', '/partners', { asOf: to, kind: 'university' });
    case 'experts.engaged':
      return recordsAt('/api/appointments', '/experts', { inForce: 'true', asOf: to, unitId: unit });
    case 'students.registered':
      return recordsAt('/api/students', '/students', { degree: 'true', counted: 'true', from, asOf: to, unitId: unit });
    case 'students.countries':
      return recordsAt('/api/students', '/students', { degree: 'true', counted: 'true', from, asOf: to, region: 'false', unitId: unit });
    case 'programme.residencies':
      return recordsAt('/api/ledger', '/ledger', { direction: 'outbound', who: 'student', category: 'residency', from, to });
    case 'programme.residencyPlaced':
      return recordsAt('/api/programme-students', '/programmes/students', { placed: 'true', asOf: to, unitId: unit });
    case 'exchange.students':
    case 'exchange.universities':
      return recordsAt('/api/exchange-applications', '/exchanges/applications', { counted: 'true', departedFrom: from, departedTo: to, unitId: unit });
    default:
      return null;
  }
}

/**
 * The year in review for academic year `year` (September–August): that year's flows (person-times,
 * conferences held, agreements signed, experts appointed, international students registered,
 * residencies begun, exchange students sent) and the state on its last day (partners, experts
 * engaged, programme students placed), each beside the previous year's and the change.
 */
export async function computeYearInReview(caller: RequestContext, options: { year: number; unitId?: number }) {
  const current = academicYear(options.year);
  const previous = academicYear(options.year - 1);
  const ctx = figureContext(caller, { asOf: current.to, ...(options.unitId !== undefined ? { unitId: options.unitId } : {}) });
  const now = await valuesOf(ctx, current.from, current.to);
  const before = await valuesOf(ctx, previous.from, previous.to);
  const figures: YearFigure[] = YEAR_FIGURE_KEYS.map((key) => {
    const value = now[key];
    const prev = before[key];
    return {
      key,
      kind: STATES.includes(key) ? 'state' : 'flow',
      value,
      previous: prev,
      change: value !== null && prev !== null ? value - prev : null,
      records: value === null ? null : recordsOf(ctx, key, current.from, current.to),
    };
  });
  return { year: options.year, period: current, previousPeriod: previous, unitId: ctx.unitId, figures };
}
export type YearInReview = Awaited<ReturnType<typeof computeYearInReview>>;
