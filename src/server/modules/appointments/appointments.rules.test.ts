import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conferredFieldsTouched, planAppointmentStep } from './appointments.rules.ts';
import { APPOINTMENT_STATUSES, APPOINTMENT_TRANSITIONS } from '../../../shared/contracts/appointments.ts';
import { ROLES } from '../../../shared/roles.ts';

describe('the appointment lifecycle rules', () => {
  it('allows exactly the steps of the table; conferring and revoking are the office\u2019s', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPOINTMENT_STATUSES), fc.constantFrom(...APPOINTMENT_STATUSES), fc.constantFrom(...ROLES), (from, to, role) => {
        const plan = planAppointmentStep({ status: from, startDate: '2024-01-01', endDate: null }, to, '2025-01-01', role);
        const legal = APPOINTMENT_TRANSITIONS[from].includes(to);
        expect(plan.forbidden).toBe(legal && !['admin', 'officer'].includes(role));
        if (!plan.forbidden) expect(plan.problems.length > 0).toBe(!legal);
      }),
    );
  });

  it('dates a revocation', () => {
    expect(planAppointmentStep({ status: 'appointed', startDate: '2024-01-01', endDate: null }, 'revoked', '2025-03-01', 'officer')).toEqual({ forbidden: false, problems: [], revokedOn: '2025-03-01' });
  });

  it('leaves what was conferred to the office once appointed', () => {
    expect(conferredFieldsTouched('proposed', 'coordinator', ['title', 'endDate'])).toEqual([]);
    expect(conferredFieldsTouched('appointed', 'officer', ['title'])).toEqual([]);
    expect(conferredFieldsTouched('appointed', 'coordinator', ['notes', 'endDate', 'institutionId'])).toEqual([{ field: 'endDate', reason: 'not_allowed' }]);
  });
});
