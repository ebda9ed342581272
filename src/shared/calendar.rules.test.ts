import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, monthsBetween, officeToday } from './calendar.ts';

// Invariants of the calendar arithmetic that terms, due dates and periods rest on. (Months added
// landing in the right month, and a term measured back to its months, are in
// agreement-dates.rules.test.ts.)

const DAY_MS = 86_400_000;
const day = fc.integer({ min: 0, max: 365 * 150 }).map((n) => new Date(Date.UTC(1950, 0, 1) + n * DAY_MS).toISOString().slice(0, 10));
const dayOfMonthAtMost28 = day.filter((d) => Number(d.slice(8)) <= 28);
const days = fc.integer({ min: -20_000, max: 20_000 });
const months = fc.integer({ min: -600, max: 600 });
const isCalendarDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

describe('addDays', () => {
  it('moves by exactly that many days, undoes itself, and composes', () => {
    fc.assert(
      fc.property(day, days, days, (date, a, b) => {
        const moved = addDays(date, a);
        expect(isCalendarDay(moved)).toBe(true);
        expect((Date.parse(`${moved}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS).toBe(a);
        expect(addDays(moved, -a)).toBe(date);
        expect(addDays(addDays(date, a), b)).toBe(addDays(date, a + b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('addMonths', () => {
  it('lands on a real day of the right month, backwards too, never past the day it started from', () => {
    fc.assert(
      fc.property(day, months, (date, m) => {
        const result = addMonths(date, m);
        expect(isCalendarDay(result)).toBe(true);
        const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
        const [ry, rmo, rd] = result.split('-').map(Number) as [number, number, number];
        expect((ry - y) * 12 + (rmo - mo)).toBe(m);
        expect(rd).toBeLessThanOrEqual(d);
        // Clipped only to the month's last day.
        if (rd < d) expect(addDays(result, 1).slice(8)).toBe('01');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps order, and composes exactly for days every month has', () => {
    fc.assert(
      fc.property(day, months, months, (date, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addMonths(date, lo) <= addMonths(date, hi)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(dayOfMonthAtMost28, months, months, (date, a, b) => {
        expect(addMonths(addMonths(date, a), b)).toBe(addMonths(date, a + b));
        expect(addMonths(addMonths(date, a), -a)).toBe(date);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('monthsBetween', () => {
  it('is zero from a day to itself, changes sign when the ends swap, and counts whole months exactly', () => {
    fc.assert(
      fc.property(day, day, dayOfMonthAtMost28, months, (a, b, start, m) => {
        expect(monthsBetween(a, a)).toBe(0);
        expect(monthsBetween(b, a) + monthsBetween(a, b)).toBe(0);
        expect(monthsBetween(start, addMonths(start, m))).toBe(m);
      }),
      { numRuns: 1000 },
    );
  });

  it('never moves backwards as the end moves forwards', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 3000 }), (from, to, later) => {
        expect(monthsBetween(from, addDays(to, later))).toBeGreaterThanOrEqual(monthsBetween(from, to));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('officeToday', () => {
  it('is the calendar day in Shanghai (UTC+8, no daylight saving) whatever the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(officeToday(new Date(ms))).toBe(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
      // Each call builds an Intl formatter: slow enough that a thousand runs crowd a busy machine.
      { numRuns: 150 },
    );
  });
});
