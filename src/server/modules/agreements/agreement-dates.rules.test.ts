import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, monthsBetween } from '../../../shared/calendar.ts';
import { planTransition, type AgreementShape } from './agreements.rules.ts';
import { AGREEMENT_STATUSES, AGREEMENT_TRANSITIONS } from '../../../shared/contracts/agreements.ts';

const day = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('calendar arithmetic for terms', () => {
  it('adds months landing in the right month, never past its last day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 240 }), (date, months) => {
        const result = addMonths(date, months);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number];
        expect((ry - y) * 12 + (rm - m)).toBe(months);
        expect(rd).toBeLessThanOrEqual(d);
        expect(new Date(`${result}T00:00:00Z`).toISOString().slice(0, 10)).toBe(result);
      }),
    );
  });

  it('measures a term back to the months it was made of', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 240 }), (start, months) => {
      expect(monthsBetween(start, addMonths(start, months))).toBe(months);
    }));
  });

  it('knows the ends of months and leap days', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(monthsBetween('2020-01-01', '2025-01-01')).toBe(60);
  });
});

describe('the lifecycle rules', () => {
  const shape = (status: AgreementShape['status']): AgreementShape => ({
    level: 'institutional', kind: 'other', unitId: null, status, signedOn: '2020-01-01', effectiveOn: '2020-01-01',
    expiresOn: '2024-12-31', autoRenewal: false, renewalTermMonths: null,
  });

  it('allows exactly the steps of the lifecycle table', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AGREEMENT_STATUSES), fc.constantFrom(...AGREEMENT_STATUSES), (from, to) => {
        const { problems } = planTransition(shape(from), to, '2025-06-01');
        expect(problems.some((p) => p.reason === 'illegal_transition')).toBe(!AGREEMENT_TRANSITIONS[from].includes(to));
      }),
    );
  });

  it('ends an automatic renewal on the day it is marked expired', () => {
    const auto = { ...shape('active'), autoRenewal: true, renewalTermMonths: 12 };
    expect(planTransition(auto, 'expired', '2026-03-01')).toEqual({ dates: { terminatedOn: '2026-03-01' }, problems: [] });
  });
});
