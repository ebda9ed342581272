import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planPeriod } from './ledger-period.rules.ts';

const inPlan = (plan: ReturnType<typeof planPeriod>, date: string) => {
  const year = Number(date.slice(0, 4));
  const y = plan.years && (plan.years.from === null || year >= plan.years.from) && (plan.years.to === null || year <= plan.years.to) ? 1 : 0;
  return y + plan.edges.filter((e) => date >= e.from && date <= e.to).reduce((s, e) => s + e.sign, 0);
};

describe('planPeriod', () => {
  it('reads whole years from the rollups alone', () => {
    expect(planPeriod('1980-01-01', '2025-12-31')).toEqual({ years: { from: 1980, to: 2025 }, edges: [] });
    expect(planPeriod()).toEqual({ years: { from: null, to: null }, edges: [] });
  });

  it('reads "since 1980 as of late November" as whole years minus the rest of the year', () => {
    expect(planPeriod('1980-01-01', '2026-11-28')).toEqual({
      years: { from: 1980, to: 2026 },
      edges: [{ from: '2026-11-29', to: '2026-12-31', sign: -1 }],
    });
  });

  it('reads a short period inside one year from the ledger alone', () => {
    expect(planPeriod('2024-03-01', '2024-03-31')).toEqual({ years: null, edges: [{ from: '2024-03-01', to: '2024-03-31', sign: 1 }] });
    expect(planPeriod('2024-05-01', '2024-03-31')).toEqual({ years: null, edges: [] });
  });

  it('counts every date of the period exactly once and no other date', () => {
    const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }), date, (from, to, probe) => {
        const inside = (!from || probe >= from) && (!to || probe <= to) ? 1 : 0;
        expect(inPlan(planPeriod(from, to), probe)).toBe(inside);
      }),
      { numRuns: 2000 },
    );
  });
});
