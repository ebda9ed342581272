import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_STAGES, PLACEMENT_STATUSES, PLACEMENT_TRANSITIONS, STUDENT_STATUSES } from '../../../shared/contracts/programmes.ts';
import { meetsStandard, placementLedgerEntries, planPlacementTransition, residencyShare, type AssessmentShape } from './programmes.rules.ts';
import { percentText } from '../../reports/wording.rules.ts';

const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const assessment = fc.record({ id: fc.nat(), stage: fc.constantFrom(...ASSESSMENT_STAGES), assessedOn: day, meetsStandard: fc.boolean() });

describe('the standard in examinations and evaluations', () => {
  it('is not met by a student never assessed', () => {
    expect(meetsStandard([])).toBe(false);
  });

  it('reads the latest assessment of each stage: a retaken examination passed counts, a later failure undoes a pass', () => {
    const failed: AssessmentShape = { id: 1, stage: 'french_language', assessedOn: '2020-06-01', meetsStandard: false };
    const passed: AssessmentShape = { id: 2, stage: 'french_language', assessedOn: '2021-01-10', meetsStandard: true };
    expect(meetsStandard([passed, failed])).toBe(true);
    expect(meetsStandard([failed, passed], '2020-12-31')).toBe(false);
    expect(meetsStandard([passed, { id: 3, stage: 'clinical', assessedOn: '2022-06-01', meetsStandard: false }])).toBe(false);
  });

  it('holds exactly when every stage assessed has its latest verdict met (any order of the records)', () => {
    fc.assert(
      fc.property(fc.array(assessment, { maxLength: 12 }), (list) => {
        const latest = new Map<string, AssessmentShape>();
        for (const a of [...list].sort((x, y) => x.assessedOn.localeCompare(y.assessedOn) || x.id - y.id)) latest.set(a.stage, a);
        const expected = latest.size > 0 && [...latest.values()].every((a) => a.meetsStandard);
        expect(meetsStandard(list)).toBe(expected);
        expect(meetsStandard([...list].reverse())).toBe(expected);
      }),
    );
  });
});

describe('a placement, one step at a time', () => {
  const step = (to: (typeof PLACEMENT_STATUSES)[number], extra: Partial<Parameters<typeof planPlacementTransition>[1]> = {}) => ({ to, on: '2024-09-01', onGiven: true, studentStatus: 'enrolled' as const, meetsStandard: true, ...extra });

  it('takes only the steps of the table, and a confirmed step is dated', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACEMENT_STATUSES), fc.constantFrom(...PLACEMENT_STATUSES), (from, to) => {
        const plan = planPlacementTransition({ status: from, startDate: '2024-09-01' }, step(to));
        if (PLACEMENT_TRANSITIONS[from].includes(to)) {
          expect(plan.problems).toEqual([]);
          expect(plan.values.status).toBe(to);
        } else expect(plan.problems).toEqual([{ field: 'to', reason: 'illegal_transition' }]);
      }),
    );
    expect(planPlacementTransition({ status: 'proposed', startDate: '2024-09-01' }, step('confirmed')).values).toEqual({ status: 'confirmed', confirmedOn: '2024-09-01' });
  });

  it('is confirmed only for an enrolled student who meets the standard, whatever else holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STUDENT_STATUSES), fc.boolean(), (studentStatus, meets) => {
        const plan = planPlacementTransition({ status: 'proposed', startDate: '2024-09-01' }, step('confirmed', { studentStatus, meetsStandard: meets }));
        const allowed = studentStatus === 'enrolled' && meets;
        expect(plan.refusal === null).toBe(allowed);
        if (!allowed) expect(plan.values).toEqual({});
        if (studentStatus === 'enrolled' && !meets) expect(plan.refusal).toBe('residency_standard_not_met');
      }),
    );
    // Withdrawing needs no standard.
    expect(planPlacementTransition({ status: 'proposed', startDate: '2024-09-01' }, step('withdrawn', { meetsStandard: false })).refusal).toBeNull();
  });

  it('is completed only once it has started', () => {
    const early = planPlacementTransition({ status: 'confirmed', startDate: '2024-09-01' }, step('completed', { on: '2024-08-31' }));
    expect(early.problems).toEqual([{ field: 'on', reason: 'placement_not_started' }]);
  });
});

describe('the person-time and the share', () => {
  const placement = { personId: 7, unitId: 3, hostInstitutionId: 9, hostCountryCode: 'FR', startDate: '2024-09-01', endDate: '2025-08-31' };

  it('writes one outbound student residency row while confirmed or completed, none otherwise', () => {
    for (const status of PLACEMENT_STATUSES) {
      const rows = placementLedgerEntries({ ...placement, status });
      expect(rows).toHaveLength(status === 'confirmed' || status === 'completed' ? 1 : 0);
    }
    expect(placementLedgerEntries({ ...placement, status: 'confirmed' })[0]).toMatchObject({ direction: 'outbound', who: 'student', category: 'residency', countryCode: 'FR', institutionId: 9, personId: 7 });
  });

  it('is a share of everyone admitted, null when nobody was, and reads as the seed writes it', () => {
    expect(residencyShare(0, 0)).toBeNull();
    expect(residencyShare(186, 286)).toBeCloseTo(0.6503, 4);
    expect(percentText(residencyShare(186, 286)!, 'en')).toBe('65%');
    fc.assert(fc.property(fc.nat(500), fc.nat(500), (a, b) => {
      const [placed, admitted] = [Math.min(a, b), Math.max(a, b)];
      const share = residencyShare(placed, admitted);
      if (admitted === 0) expect(share).toBeNull();
      else expect(share! >= 0 && share! <= 1).toBe(true);
    }));
  });
});
