import type { FieldProblem } from '../../core/errors.ts';
import type { LedgerEntry } from '../ledger/ledger.write.ts';
import type { LedgerCategory } from '../../../shared/contracts/ledger.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { EXCHANGE_APPLICATION_KIND } from '../../../shared/kinds/exchange-application.ts';
import {
  EXCHANGE_COUNTED_STATUSES,
  PLACE_HOLDING_STATUSES,
  UNDECIDED_STATUSES,
  type ApplicationStatus,
  type ExchangeKind,
} from '../../../shared/contracts/exchanges.ts';

/** An academic year, named by the year it starts in: 1 September … 31 August. */
export function academicYearSpan(year: number): { from: string; to: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}

/**
 * "Currently … every year": the last academic year that is over on `asOf` (its 31 August is
 * before the date). On 31 August the year still runs, so the one before it is taken.
 */
export function lastCompleteAcademicYear(asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  return asOf >= `${year}-09-01` ? year - 1 : year - 2;
}

/** One applicant as the allocation sees it. */
export interface Applicant {
  id: number;
  personId: number;
  status: ApplicationStatus;
  score: number | null;
  appliedOn: string;
}

/**
 * The order of merit: score first (highest first, no score last), then the earlier
 * application, then the application's id, so that no two applicants ever tie.
 */
export function byMerit(a: Applicant, b: Applicant): number {
  const sa = a.score ?? -1;
  const sb = b.score ?? -1;
  if (sa !== sb) return sb - sa;
  if (a.appliedOn !== b.appliedOn) return a.appliedOn < b.appliedOn ? -1 : 1;
  return a.id - b.id;
}

/**
 * Allocates an opportunity's free places. Places already held (selected, nominated, gone)
 * stay; the undecided applicants are ranked by merit; one who already holds a place of
 * another opportunity in the same academic year (`heldElsewhere`, persons) is passed over
 * (skipped) — a student is selected for one opportunity a year; the best of the rest take
 * the free places and the others are waitlisted. Whatever order the applicants come in,
 * the outcome is the same.
 */
export function allocatePlaces(places: number, applicants: readonly Applicant[], heldElsewhere: ReadonlySet<number>): { selected: number[]; waitlisted: number[]; skipped: number[] } {
  const held = applicants.filter((a) => PLACE_HOLDING_STATUSES.includes(a.status));
  const holders = new Set([...heldElsewhere, ...held.map((a) => a.personId)]);
  let free = Math.max(0, places - held.length);
  const selected: number[] = [];
  const waitlisted: number[] = [];
  const skipped: number[] = [];
  for (const a of applicants.filter((x) => UNDECIDED_STATUSES.includes(x.status)).sort(byMerit)) {
    if (holders.has(a.personId)) skipped.push(a.id);
    else if (free > 0) {
      selected.push(a.id);
      holders.add(a.personId);
      free -= 1;
    } else waitlisted.push(a.id);
  }
  return { selected, waitlisted, skipped };
}

/** The columns a step writes. */
export interface ApplicationStepValues {
  status?: ApplicationStatus;
  decidedOn?: string;
  departureDate?: string;
  returnDate?: string;
}

/** Why a step is refused as a whole (a 409 with its own message). */
export type ApplicationRefusal = 'exchange_places_full' | 'exchange_already_selected';

/**
 * What an application's step needs and writes beyond its description: selecting takes a free
 * place and needs a student without a place elsewhere that academic year (else the step is
 * refused as a whole); departing dates the departure (the day of the step when given, else the
 * planned date, else the day); returning needs a return on or after the departure.
 */
export function applicationStepValues(
  current: { departureDate: string | null; returnDate: string | null },
  step: { to: ApplicationStatus; on: string; onGiven: boolean; placesFree: number; heldElsewhere: boolean },
): { values: ApplicationStepValues; problems: FieldProblem[]; refusal: ApplicationRefusal | null } {
  const { to, on } = step;
  if (to === 'selected' && step.heldElsewhere) return { values: {}, problems: [], refusal: 'exchange_already_selected' };
  if (to === 'selected' && step.placesFree <= 0) return { values: {}, problems: [], refusal: 'exchange_places_full' };
  const values: ApplicationStepValues = {};
  const problems: FieldProblem[] = [];
  if (to === 'departed') values.departureDate = step.onGiven ? on : (current.departureDate ?? on);
  if (to === 'returned') {
    const back = step.onGiven ? on : (current.returnDate ?? on);
    if (current.departureDate && back < current.departureDate) problems.push({ field: step.onGiven ? 'on' : 'to', reason: 'before_start' });
    values.returnDate = back;
  }
  return { values, problems, refusal: null };
}

/**
 * Checks one step of an application taken on `on` and returns what it writes: the steps of its
 * description (shared/kinds/exchange-application.ts: a decision is dated) and its own rules
 * (applicationStepValues).
 */
export function planApplicationTransition(
  current: { status: ApplicationStatus; departureDate: string | null; returnDate: string | null },
  step: { to: ApplicationStatus; on: string; onGiven: boolean; placesFree: number; heldElsewhere: boolean },
): { values: ApplicationStepValues; problems: FieldProblem[]; refusal: ApplicationRefusal | null } {
  const plan = planStep(EXCHANGE_APPLICATION_KIND, current, step);
  if (plan.kind !== 'planned') return { values: {}, problems: plan.kind === 'illegal' ? plan.problems : [], refusal: null };
  const own = applicationStepValues(current, step);
  if (own.refusal) return own;
  return { values: { ...(plan.values as ApplicationStepValues), ...own.values }, problems: [...plan.problems, ...own.problems], refusal: null };
}

/** The ledger's purpose for each kind of exchange (summer schools and clinical electives are short-term training). */
export const EXCHANGE_LEDGER_CATEGORY: Record<ExchangeKind, LedgerCategory> = {
  short_term_training: 'short_term_training',
  summer_school: 'short_term_training',
  clinical_elective: 'short_term_training',
  semester_exchange: 'semester_exchange',
  joint_graduate: 'joint_graduate_programme',
  degree_study: 'degree_study',
};

/**
 * The application's person-time: one outbound student row once the student has departed (kept
 * when they return), none before or after a withdrawal. It starts on the departure and ends on
 * the return, or the planned return, or the opportunity's end, or the departure.
 */
export function applicationLedgerEntries(a: {
  status: ApplicationStatus;
  kind: ExchangeKind;
  personId: number;
  unitId: number;
  hostInstitutionId: number;
  hostCountryCode: string | null;
  departureDate: string | null;
  returnDate: string | null;
  endsOn: string | null;
}): LedgerEntry[] {
  if (!EXCHANGE_COUNTED_STATUSES.includes(a.status) || !a.departureDate) return [];
  const end = [a.returnDate, a.endsOn].find((d): d is string => !!d && d >= a.departureDate!) ?? a.departureDate;
  return [{
    direction: 'outbound',
    who: 'student',
    personId: a.personId,
    category: EXCHANGE_LEDGER_CATEGORY[a.kind],
    countryCode: a.hostCountryCode,
    institutionId: a.hostInstitutionId,
    unitId: a.unitId,
    startDate: a.departureDate,
    endDate: end,
  }];
}
