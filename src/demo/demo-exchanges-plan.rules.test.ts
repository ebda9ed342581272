import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from './demo-partners.ts';
import { seededRng } from './demo-random.ts';
import { planExchanges } from './demo-exchanges-plan.ts';
import { academicYearSpan } from '../server/modules/exchanges/exchanges.rules.ts';

const countryOf = new Map(DEMO_PARTNERS.map((p) => [p.key, p.country]));

describe('the demo exchanges plan, on any load date', () => {
  for (const today of ['2026-08-31', '2026-09-01', '2027-01-15', '2030-06-30', '2025-11-28']) {
    it(`sends about 200 to 31 hosts in 13 countries in the last complete year, all departing within it (${today})`, () => {
      const { lastYear, years } = planExchanges(seededRng('demo-exchanges'), today);
      const last = years.find((y) => y.year === lastYear)!;
      const sent = last.opportunities.flatMap((o) => o.applicants.filter((a) => a.fate === 'departed'));
      expect(sent.length).toBeGreaterThanOrEqual(190);
      expect(sent.length).toBeLessThanOrEqual(210);
      const hosts = new Set(last.opportunities.filter((o) => o.applicants.some((a) => a.fate === 'departed')).map((o) => o.host));
      expect(hosts.size).toBe(31);
      expect(new Set([...hosts].map((h) => countryOf.get(h))).size).toBe(13);
      // Scores strictly fall within an opportunity, so that the allocation by merit picks exactly the planned students.
      for (const o of last.opportunities) for (let k = 1; k < o.applicants.length; k++) expect(o.applicants[k]!.score).toBeLessThan(o.applicants[k - 1]!.score);
      for (const y of years) {
        const { from, to } = academicYearSpan(y.year);
        for (const o of y.opportunities) for (const a of o.applicants) if (a.departureDate) {
          expect(a.departureDate >= from && a.departureDate <= to, `${a.departureDate} in ${y.year}`).toBe(true);
          expect(a.departureDate <= today).toBe(true);
        }
      }
    });
  }
});
