import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDate } from './common.ts';

describe('IsoDate', () => {
  it('accepts exactly the real calendar days, as an independent calendar computes them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
        const real = month >= 1 && month <= 12 && day >= 1 && day <= (days ?? 0);
        expect(IsoDate.safeParse(text).success).toBe(real);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses anything that is not YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}$/.test(text));
        expect(IsoDate.safeParse(text).success).toBe(false);
      }),
    );
  });
});
