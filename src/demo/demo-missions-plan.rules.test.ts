import { describe, expect, it } from 'vitest';
import { aboutValue } from '../server/reports/wording.rules.ts';
import { MISSION_COUNTED_STATUSES, MISSION_TRANSITIONS, type MissionStatus } from '../shared/contracts/missions.ts';
import { planOutbound } from './demo-missions.ts';

// The plan on a few load dates: the figure must come out "about 17,000" whatever the day.
const DAYS = ['2025-03-01', '2026-11-28', '2029-07-15'];

describe('demo outbound plan', () => {
  it('is the same plan for the same day', () => {
    expect(JSON.stringify(planOutbound('2026-11-28'))).toBe(JSON.stringify(planOutbound('2026-11-28')));
  });

  for (const today of DAYS) {
    it(`adds up to about 17,000 staff person-times since 1954 on ${today}, with steps a real mission could take`, () => {
      const plan = planOutbound(today);
      const last = (steps: Array<{ to: MissionStatus }>) => steps.at(-1)?.to ?? 'requested';
      const recorded = plan.missions.filter((m) => MISSION_COUNTED_STATUSES.includes(last(m.steps))).reduce((s, m) => s + m.members.length, 0);
      const aggregates = plan.aggregates.reduce((s, a) => s + a.count, 0);
      expect(aboutValue(recorded + aggregates)).toBe(17_000);
      expect(plan.aggregates.every((a) => a.year >= 1954 && a.year < 2020 && a.count > 0)).toBe(true);
      for (const m of plan.missions) {
        let status: MissionStatus = 'requested';
        for (const s of m.steps) {
          expect(MISSION_TRANSITIONS[status], m.titleEn).toContain(s.to);
          expect(s.on <= today, `${m.titleEn} ${s.to} ${s.on}`).toBe(true);
          expect(s.on >= m.requestedOn).toBe(true);
          if (s.to === 'travelled') expect(s.on).toBe(m.startDate);
          if (s.to === 'approved') expect(s.approvalDocumentNo).toMatch(/^沪交医外〔\d{4}〕\d+号$/);
          status = s.to;
        }
        // What has not started yet has not travelled.
        if (m.startDate > today) expect(MISSION_COUNTED_STATUSES).not.toContain(status);
      }
    });
  }
});
