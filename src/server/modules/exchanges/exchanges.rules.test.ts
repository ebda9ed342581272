import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../shared/contracts/exchanges.ts';
import { allocatePlaces, applicationLedgerEntries, byMerit, lastCompleteAcademicYear, planApplicationTransition, type Applicant } from './exchanges.rules.ts';

const applicantArb = fc.record({
  personId: fc.integer({ min: 1, max: 12 }),
  status: fc.constantFrom<ApplicationStatus>(...APPLICATION_STATUSES),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  appliedOn: fc.constantFrom('2025-03-01', '2025-03-02', '2025-03-03'),
});
/** Applicants of one opportunity: ids distinct, and each person applies once. */
const applicantsArb = fc.uniqueArray(applicantArb, { selector: (a) => a.personId, maxLength: 12 }).map((xs) => xs.map((a, i) => ({ ...a, id: i + 1 }) as Applicant));

const HOLDING: ApplicationStatus[] = ['selected', 'nominated', 'departed', 'returned'];

describe('the allocation of an opportunity', () => {
  it('never fills more than the places, counting the places already held', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), applicantsArb, (places, applicants) => {
      const held = applicants.filter((a) => HOLDING.includes(a.status)).length;
      const { selected } = allocatePlaces(places, applicants, new Set());
      expect(selected.length).toBeLessThanOrEqual(Math.max(0, places - held));
    }));
  });

  it('selects the best by score, then the earlier application, and waitlists the rest; nobody undecided is left out', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), applicantsArb, (places, applicants) => {
      const { selected, waitlisted, skipped } = allocatePlaces(places, applicants, new Set());
      const undecided = applicants.filter((a) => ['submitted', 'shortlisted', 'waitlisted'].includes(a.status)).sort(byMerit);
      // No holder is skipped here (each person applies once and nobody holds a place elsewhere).
      expect(skipped).toEqual([]);
      expect([...selected, ...waitlisted]).toEqual(undecided.map((a) => a.id));
      const byId = new Map(applicants.map((a) => [a.id, a]));
      for (const s of selected) for (const w of waitlisted) expect(byMerit(byId.get(s)!, byId.get(w)!)).toBeLessThan(0);
    }));
  });

  it('gives the same outcome whatever order the applicants come in', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), applicantsArb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))), (places, [xs, shuffled]) => {
      expect(allocatePlaces(places, shuffled, new Set())).toEqual(allocatePlaces(places, xs, new Set()));
    }));
  });

  it('selects a student for one opportunity a year: allocating several in turn never selects anyone twice', () => {
    const yearArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), applicantsArb.map((xs) => xs.map((a) => ({ ...a, status: 'submitted' as ApplicationStatus })))), { maxLength: 5 });
    fc.assert(fc.property(yearArb, (opportunities) => {
      const holders = new Set<number>();
      const chosen: number[] = [];
      for (const [places, applicants] of opportunities) {
        const { selected, skipped } = allocatePlaces(places, applicants, holders);
        const byId = new Map(applicants.map((a) => [a.id, a.personId]));
        for (const id of skipped) expect(holders.has(byId.get(id)!)).toBe(true);
        for (const id of selected) {
          chosen.push(byId.get(id)!);
          holders.add(byId.get(id)!);
        }
      }
      expect(new Set(chosen).size).toBe(chosen.length);
    }));
  });

  it('breaks a tie of score and date by the application id', () => {
    const a: Applicant = { id: 7, personId: 1, status: 'submitted', score: 90, appliedOn: '2025-03-01' };
    const b: Applicant = { ...a, id: 3, personId: 2 };
    expect(allocatePlaces(1, [a, b], new Set())).toEqual({ selected: [3], waitlisted: [7], skipped: [] });
    // A higher score beats an earlier application; no score comes last.
    const c: Applicant = { id: 9, personId: 3, status: 'shortlisted', score: 95, appliedOn: '2025-04-01' };
    const d: Applicant = { id: 1, personId: 4, status: 'submitted', score: null, appliedOn: '2025-01-01' };
    expect(allocatePlaces(2, [a, b, c, d], new Set())).toEqual({ selected: [9, 3], waitlisted: [7, 1], skipped: [] });
    // The same score: the earlier application wins, whatever its id.
    const early: Applicant = { id: 20, personId: 5, status: 'submitted', score: 80, appliedOn: '2025-02-01' };
    const late: Applicant = { id: 2, personId: 6, status: 'submitted', score: 80, appliedOn: '2025-02-02' };
    expect(allocatePlaces(1, [late, early], new Set()).selected).toEqual([20]);
  });
});

describe('the steps of an application', () => {
  const current = { status: 'submitted' as ApplicationStatus, departureDate: null, returnDate: null };
  const step = { on: '2025-05-01', onGiven: true, placesFree: 1, heldElsewhere: false };
  it('refuses a selection with no place left, or for a student selected elsewhere that year', () => {
    expect(planApplicationTransition(current, { ...step, to: 'selected', placesFree: 0 }).refusal).toBe('exchange_places_full');
    expect(planApplicationTransition(current, { ...step, to: 'selected', heldElsewhere: true }).refusal).toBe('exchange_already_selected');
    expect(planApplicationTransition(current, { ...step, to: 'selected' })).toEqual({ values: { status: 'selected', decidedOn: '2025-05-01' }, problems: [], refusal: null });
  });
  it('follows the workflow only, dates the departure and refuses a return before it', () => {
    expect(planApplicationTransition(current, { ...step, to: 'departed' }).problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
    expect(planApplicationTransition({ ...current, status: 'departed', departureDate: '2025-09-01' }, { ...step, to: 'withdrawn' }).problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
    expect(planApplicationTransition({ ...current, status: 'nominated', departureDate: '2025-09-03' }, { ...step, to: 'departed', onGiven: false }).values).toEqual({ status: 'departed', departureDate: '2025-09-03' });
    expect(planApplicationTransition({ ...current, status: 'departed', departureDate: '2025-09-03' }, { ...step, to: 'returned', on: '2025-09-01' }).problems).toEqual([{ field: 'on', reason: 'before_start' }]);
  });
});

describe('the person-time and the year', () => {
  const base = { kind: 'summer_school' as const, personId: 5, unitId: 2, hostInstitutionId: 9, hostCountryCode: 'HK', departureDate: '2025-07-01', returnDate: null, endsOn: '2025-07-20' };
  it('writes one outbound student row once departed (short-term training for a summer school), none while selected or withdrawn', () => {
    expect(applicationLedgerEntries({ ...base, status: 'departed' })).toEqual([
      { direction: 'outbound', who: 'student', personId: 5, category: 'short_term_training', countryCode: 'HK', institutionId: 9, unitId: 2, startDate: '2025-07-01', endDate: '2025-07-20' },
    ]);
    expect(applicationLedgerEntries({ ...base, status: 'selected' })).toEqual([]);
    expect(applicationLedgerEntries({ ...base, status: 'withdrawn' })).toEqual([]);
  });
  it('takes the last complete academic year: on 31 August the year still runs, on 1 September it is over', () => {
    expect(lastCompleteAcademicYear('2026-08-31')).toBe(2024);
    expect(lastCompleteAcademicYear('2026-09-01')).toBe(2025);
    expect(lastCompleteAcademicYear('2026-01-15')).toBe(2024);
  });
});
