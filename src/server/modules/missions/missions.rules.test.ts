import { describe, expect, it } from 'vitest';
import { MISSION_STATUSES, MISSION_TRANSITIONS, type Mission } from '../../../shared/contracts/missions.ts';
import { FIELD_REASONS } from '../../../shared/i18n/errors.ts';
import { LOCALES } from '../../../shared/contracts/common.ts';
import { missionLedgerEntries, planMissionTransition, resolveMission } from './missions.rules.ts';

const shape = { status: 'requested' as const, startDate: '2024-05-10', approvalDocumentNo: null, report: null };
const step = (to: Mission['status'], extra: Partial<Parameters<typeof planMissionTransition>[1]> = {}) => ({ to, on: '2024-05-10', onGiven: true, approvalDocumentNo: null, report: null, ...extra });

describe('missions: one step of the workflow', () => {
  it('refuses every step the table does not list', () => {
    for (const from of MISSION_STATUSES)
      for (const to of MISSION_STATUSES) {
        const { problems } = planMissionTransition({ ...shape, status: from, approvalDocumentNo: 'A-1', report: 'r' }, step(to, { report: 'r' }));
        expect(problems.some((p) => p.reason === 'illegal_transition'), `${from} → ${to}`).toBe(!MISSION_TRANSITIONS[from].includes(to));
      }
  });

  it('approves with the number given, or the one entered before, and not without', () => {
    expect(planMissionTransition(shape, step('approved')).problems).toEqual([{ field: 'approvalDocumentNo', reason: 'required' }]);
    expect(planMissionTransition(shape, step('approved', { approvalDocumentNo: 'N-2' })).values).toEqual({ status: 'approved', approvedOn: '2024-05-10', approvalDocumentNo: 'N-2' });
    expect(planMissionTransition({ ...shape, approvalDocumentNo: 'N-1' }, step('approved')).values.approvalDocumentNo).toBe('N-1');
  });

  it('travels from the first day, naming the date given or else the step', () => {
    const approved = { ...shape, status: 'approved' as const, approvalDocumentNo: 'N' };
    expect(planMissionTransition(approved, step('travelled', { on: '2024-05-09' })).problems).toEqual([{ field: 'on', reason: 'mission_not_started' }]);
    expect(planMissionTransition(approved, step('travelled', { on: '2024-05-09', onGiven: false })).problems).toEqual([{ field: 'to', reason: 'mission_not_started' }]);
    expect(planMissionTransition(approved, step('travelled')).problems).toEqual([]);
    for (const locale of LOCALES) expect(FIELD_REASONS.mission_not_started![locale]).toBeTruthy();
  });

  it('closes with the report given or drafted, submitted that day', () => {
    const travelled = { ...shape, status: 'travelled' as const, approvalDocumentNo: 'N' };
    expect(planMissionTransition(travelled, step('closed')).problems).toEqual([{ field: 'report', reason: 'required' }]);
    expect(planMissionTransition({ ...travelled, report: 'Draft' }, step('closed', { on: '2024-06-01' })).values).toMatchObject({ report: 'Draft', reportSubmittedOn: '2024-06-01', closedOn: '2024-06-01' });
  });
});

describe('missions: references and person-times', () => {
  const facts = { people: new Set([1, 2]), institutions: new Map([[10, 'FR']]), countries: new Set(['FR', 'JP']) };

  it('takes a destination’s country from its host unless given, and names what refers to nothing', () => {
    const ok = resolveMission({ destinations: [{ institutionId: 10 }, { countryCode: 'JP', institutionId: 10 }], members: [{ personId: 1, role: 'leader' }] }, facts);
    expect(ok.problems).toEqual([]);
    expect(ok.destinations).toEqual([{ countryCode: 'FR', institutionId: 10 }, { countryCode: 'JP', institutionId: 10 }]);
    const bad = resolveMission({ destinations: [{ institutionId: null }, { countryCode: 'ZZ', institutionId: 99 }], members: [{ personId: 3, role: 'member' }, { personId: 1, role: 'member' }, { personId: 1, role: 'member' }] }, facts);
    expect(bad.problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'destinations.0.countryCode:required',
      'destinations.1.institutionId:unknown_reference',
      'destinations.1.countryCode:unknown_reference',
      'members.0.personId:unknown_reference',
      'members.2.personId:duplicate',
    ]);
  });

  it('counts each member once the mission has travelled, outbound staff, at the first destination; nothing before or after a cancellation', () => {
    const mission = {
      status: 'travelled' as const,
      purpose: 'lecturing' as const,
      unitId: 7,
      startDate: '2024-05-10',
      endDate: '2024-05-12',
      destinations: [{ countryCode: 'FR', institutionId: 10, institutionNameEn: null, institutionNameZh: null }, { countryCode: 'JP', institutionId: null, institutionNameEn: null, institutionNameZh: null }],
      members: [1, 2].map((personId) => ({ personId, familyName: 'X', givenName: null, nameZh: null, title: null, role: 'member' as const })),
    };
    expect(missionLedgerEntries(mission)).toEqual(
      [1, 2].map((personId) => ({ direction: 'outbound', who: 'staff', personId, category: 'lecturing', countryCode: 'FR', institutionId: 10, unitId: 7, startDate: '2024-05-10', endDate: '2024-05-12' })),
    );
    expect(missionLedgerEntries({ ...mission, status: 'closed' })).toHaveLength(2);
    for (const status of ['requested', 'approved', 'rejected', 'cancelled'] as const) expect(missionLedgerEntries({ ...mission, status })).toEqual([]);
  });
});
