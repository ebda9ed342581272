import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, AGREEMENT_TRANSITIONS, type AgreementStatus } from '../../shared/contracts/agreements.ts';
import { APPOINTMENT_STATUSES, APPOINTMENT_TRANSITIONS, OFFICE_APPOINTMENT_STEPS, type AppointmentStatus } from '../../shared/contracts/appointments.ts';
import { CONFERENCE_STATUSES, CONFERENCE_TRANSITIONS, OFFICE_CONFERENCE_STEPS, type ConferenceStatus } from '../../shared/contracts/conferences.ts';
import { VISIT_STATUSES, VISIT_TRANSITIONS, type VisitStatus } from '../../shared/contracts/visits.ts';
import { ROLES } from '../../shared/roles.ts';
import { agreementProblems, planTransition, type AgreementShape } from './agreements/agreements.rules.ts';
import { planAppointmentStep, type AppointmentShape } from './appointments/appointments.rules.ts';
import { planConferenceStep, type ConferenceShape } from './conferences/conferences.rules.ts';
import { planVisitTransition, type VisitShape } from './visits/visits.rules.ts';

// Random walks through each lifecycle, every step through the module's own rule: whatever is
// asked, in whatever order, by whichever role, on whatever date, a record only ever moves along
// its table, only into a status reachable from where it starts, a step the table does not have is
// always refused on `to`, and what a step records keeps the record consistent.

const day = fc.integer({ min: 0, max: 365 * 40 }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const role = fc.constantFrom(...ROLES);
const OFFICE = ['admin', 'officer'];

/** Every status reachable from `start` along `table`, `start` included. */
function reachable<S extends string>(table: Record<S, readonly S[]>, start: S): Set<S> {
  const seen = new Set<S>([start]);
  const queue: S[] = [start];
  while (queue.length) {
    for (const next of table[queue.shift()!]) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

const steps = <S extends string>(statuses: readonly S[]) =>
  fc.array(fc.record({ to: fc.constantFrom(...statuses), on: day, role, text: fc.option(fc.string({ minLength: 1, maxLength: 5 })) }), { maxLength: 15 });

describe('random walks through the lifecycles', () => {
  it('agreements: only the table\u2019s steps, illegal ones refused on `to`, and every accepted step leaves a consistent agreement', () => {
    const canReach = reachable(AGREEMENT_TRANSITIONS, 'draft');
    fc.assert(
      fc.property(steps(AGREEMENT_STATUSES), day, fc.boolean(), (walk, expiresOn, autoRenewal) => {
        let a: AgreementShape & { terminatedOn?: string } = {
          level: 'institutional', kind: 'other', unitId: null, status: 'draft', signedOn: null, effectiveOn: null, expiresOn, autoRenewal, renewalTermMonths: autoRenewal ? 12 : null,
        };
        for (const { to, on } of walk) {
          const from: AgreementStatus = a.status;
          const { dates, problems } = planTransition(a, to, on);
          if (!AGREEMENT_TRANSITIONS[from].includes(to)) {
            expect(problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
            continue;
          }
          if (problems.length) continue;
          a = { ...a, ...dates, status: to };
          expect(canReach.has(a.status)).toBe(true);
          // The dates the status stands on are recorded by the steps themselves. (Not every rule of
          // agreementProblems holds along a walk: a signed agreement may be terminated before it took
          // effect; and one activated after its expiry date takes effect after it ends, which planTransition
          // does not refuse yet.)
          expect(agreementProblems(a).filter((p) => p.field === 'signedOn')).toEqual([]);
          if (a.status === 'active' || a.status === 'expired') expect(a.effectiveOn).not.toBeNull();
          // An agreement never takes effect, by a step, before it was signed.
          if (dates.effectiveOn && a.signedOn) expect(dates.effectiveOn >= a.signedOn).toBe(true);
          if (to === 'expired' && !autoRenewal) expect(on > a.expiresOn!).toBe(true);
          if (to === 'terminated' && a.effectiveOn) expect(a.terminatedOn! >= a.effectiveOn).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('visits: only the table\u2019s steps; held never before the first day; closed always with a report; final statuses stay final', () => {
    const canReach = reachable(VISIT_TRANSITIONS, 'requested');
    fc.assert(
      fc.property(steps(VISIT_STATUSES), day, (walk, startDate) => {
        let v: VisitShape = { status: 'requested', startDate, report: null };
        for (const { to, on, text } of walk) {
          const from: VisitStatus = v.status;
          const { values, problems } = planVisitTransition(v, { to, on, onGiven: true, report: text });
          if (!VISIT_TRANSITIONS[from].includes(to)) {
            expect(problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
            continue;
          }
          if (problems.length) continue;
          v = { ...v, status: to, report: values.report ?? v.report };
          expect(canReach.has(v.status)).toBe(true);
          if (to === 'held') expect(on >= startDate).toBe(true);
          if (to === 'closed') expect(v.report).toBeTruthy();
        }
        for (const final of VISIT_STATUSES.filter((s) => VISIT_TRANSITIONS[s].length === 0)) {
          for (const to of VISIT_STATUSES) expect(planVisitTransition({ ...v, status: final }, { to, on: '2030-01-01', onGiven: true, report: 'r' }).problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('appointments: only the table\u2019s steps, illegal ones refused on `to` whoever asks, conferring and revoking the office\u2019s alone', () => {
    const canReach = reachable(APPOINTMENT_TRANSITIONS, 'proposed');
    fc.assert(
      fc.property(steps(APPOINTMENT_STATUSES), (walk) => {
        let a: AppointmentShape & { revokedOn?: string } = { status: 'proposed', startDate: '2020-01-01', endDate: null };
        for (const { to, on, role: r } of walk) {
          const from: AppointmentStatus = a.status;
          const plan = planAppointmentStep(a, to, on, r);
          if (!APPOINTMENT_TRANSITIONS[from].includes(to)) {
            expect(plan).toEqual({ forbidden: false, problems: [{ field: 'to', reason: 'not_a_step' }] });
            continue;
          }
          expect(plan.forbidden).toBe(OFFICE_APPOINTMENT_STEPS.includes(to) && !OFFICE.includes(r));
          if (plan.forbidden || plan.problems.length) continue;
          a = { ...a, status: to, ...(plan.revokedOn ? { revokedOn: plan.revokedOn } : {}) };
          expect(canReach.has(a.status)).toBe(true);
          expect(a.status === 'revoked').toBe(a.revokedOn !== undefined);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('conferences: only the table\u2019s steps; approval the office\u2019s; held from the first day, closed from the last with a summary', () => {
    const canReach = reachable(CONFERENCE_TRANSITIONS, 'proposed');
    fc.assert(
      fc.property(steps(CONFERENCE_STATUSES), day, fc.integer({ min: 0, max: 10 }), (walk, startDate, length) => {
        const endDate = new Date(Date.parse(`${startDate}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        let c: ConferenceShape = { status: 'proposed', startDate, endDate, summary: null, participants: null, foreignParticipants: null, hostUnitId: 1 };
        for (const { to, on, role: r, text } of walk) {
          const from: ConferenceStatus = c.status;
          const plan = planConferenceStep(c, to, on, r, text);
          if (!CONFERENCE_TRANSITIONS[from].includes(to)) {
            expect(plan).toEqual({ forbidden: false, problems: [{ field: 'to', reason: 'not_a_step' }], values: {} });
            continue;
          }
          expect(plan.forbidden).toBe(OFFICE_CONFERENCE_STEPS.includes(to) && !OFFICE.includes(r));
          if (plan.forbidden || plan.problems.length) continue;
          c = { ...c, status: to, summary: plan.values.summary ?? c.summary };
          expect(canReach.has(c.status)).toBe(true);
          if (to === 'held') expect(on >= startDate).toBe(true);
          if (to === 'closed') {
            expect(on >= endDate).toBe(true);
            expect(c.summary).toBeTruthy();
            expect(plan.values.summarySubmittedOn).toBe(on);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
