import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../shared/contracts/agreements.ts';
import type { CurrentUser } from '../../shared/contracts/auth.ts';
import type { Conference } from '../../shared/contracts/conferences.ts';
import type { Mission } from '../../shared/contracts/missions.ts';
import type { Visit } from '../../shared/contracts/visits.ts';
import type { Role } from '../../shared/roles.ts';
import { AGREEMENT_WORKFLOW } from '../features/agreements/agreement-workflow.ts';
import { CONFERENCE_WORKFLOW } from '../features/conferences/conference-workflow.ts';
import { MISSION_WORKFLOW } from '../features/missions/mission-workflow.ts';
import { VISIT_WORKFLOW } from '../features/visits/visit-workflow.ts';
import { officeOnlySteps, offeredSteps, proposedStep, stepBody, stepRefusal, stepsFor } from './workflow-steps.ts';

const as = (role: Role): CurrentUser => ({ id: 1, email: `${role}@x`, displayName: role, role, unitId: 2, locale: 'en' });

describe('the steps a workflow card offers', () => {
  it('offers the office every step of the table, a coordinator all but the office’s, a reader none', () => {
    expect(stepsFor(MISSION_WORKFLOW, as('officer'), 'requested')).toEqual(['approved', 'rejected', 'cancelled']);
    expect(stepsFor(MISSION_WORKFLOW, as('coordinator'), 'requested')).toEqual(['cancelled']);
    expect(officeOnlySteps(MISSION_WORKFLOW, as('coordinator'), 'requested')).toEqual(['approved', 'rejected']);
    expect(officeOnlySteps(MISSION_WORKFLOW, as('officer'), 'requested')).toEqual([]);
    for (const role of ['viewer', 'leader'] as const) {
      expect(stepsFor(VISIT_WORKFLOW, as(role), 'requested')).toEqual([]);
      expect(officeOnlySteps(VISIT_WORKFLOW, as(role), 'requested')).toEqual([]);
    }
  });
});

describe('the steps a record’s dates allow', () => {
  const active = (expiresOn: string | null, autoRenewal = false) => ({ status: 'active', expiresOn, autoRenewal, effectiveOn: '2026-01-01' }) as unknown as Agreement;
  it('offers to mark an agreement expired only after its end date, or at once when it renews itself, as the server allows', () => {
    expect(offeredSteps(AGREEMENT_WORKFLOW, as('officer'), active('2031-06-30'), '2026-12-06')).toEqual(['terminated']);
    expect(offeredSteps(AGREEMENT_WORKFLOW, as('officer'), active('2026-12-06'), '2026-12-06')).toEqual(['terminated']);
    expect(offeredSteps(AGREEMENT_WORKFLOW, as('officer'), active('2026-12-05'), '2026-12-06')).toEqual(['expired', 'terminated']);
    expect(offeredSteps(AGREEMENT_WORKFLOW, as('officer'), active('2031-06-30', true), '2026-12-06')).toEqual(['expired', 'terminated']);
    expect(offeredSteps(AGREEMENT_WORKFLOW, as('officer'), active(null), '2026-12-06')).toEqual(['terminated']);
  });

  it('proposes a termination not before the agreement took effect', () => {
    expect(proposedStep(AGREEMENT_WORKFLOW, active('2031-06-30'), 'terminated', '2025-06-01').on).toBe('2026-01-01');
    expect(proposedStep(AGREEMENT_WORKFLOW, active('2031-06-30'), 'terminated', '2026-12-06').on).toBe('2026-12-06');
  });

  it('puts a refusal’s words next to its field, without the server’s field name, and keeps the step’s own refusal apart', () => {
    expect(stepRefusal([
      { field: 'on', message: 'on: is before the agreement took effect' },
      { field: 'to', message: 'to: is not possible before the expiry date' },
      { field: 'report', message: 'Required' },
    ])).toEqual({ byField: { on: 'is before the agreement took effect', report: 'Required' }, other: ['is not possible before the expiry date'] });
  });
});

describe('a step as its dialog opens and as it is sent', () => {
  it('carries a mission’s approval number and report with every step, as the record holds them', () => {
    const mission = { approvalDocumentNo: 'JW-1', report: null } as unknown as Mission;
    const step = proposedStep(MISSION_WORKFLOW, mission, 'travelled', '2026-03-01');
    expect(step).toEqual({ to: 'travelled', on: '2026-03-01', values: { approvalDocumentNo: 'JW-1', report: '' } });
    expect(stepBody(MISSION_WORKFLOW, step, 4)).toEqual({ to: 'travelled', on: '2026-03-01', approvalDocumentNo: 'JW-1', report: undefined, version: 4 });
  });

  it('sends a visit’s report only with the closing step', () => {
    const visit = { report: 'Minutes' } as unknown as Visit;
    expect(proposedStep(VISIT_WORKFLOW, visit, 'held', '2026-03-01').values).toEqual({});
    expect(proposedStep(VISIT_WORKFLOW, visit, 'closed', '2026-03-01').values).toEqual({ report: 'Minutes' });
  });

  it('proposes a conference’s holding from its first day and its closing from its last, when they are later than today', () => {
    const conference = { startDate: '2026-05-10', endDate: '2026-05-12', summary: null } as unknown as Conference;
    expect(proposedStep(CONFERENCE_WORKFLOW, conference, 'held', '2026-03-01').on).toBe('2026-05-10');
    expect(proposedStep(CONFERENCE_WORKFLOW, conference, 'closed', '2026-06-01').on).toBe('2026-06-01');
  });

  it('proposes a visit’s holding within its days: today while it runs, its first day once it has ended or before it starts', () => {
    const visit = { startDate: '2025-11-23', endDate: '2025-11-25', report: null } as unknown as Visit;
    expect(proposedStep(VISIT_WORKFLOW, visit, 'held', '2025-11-24').on).toBe('2025-11-24');
    expect(proposedStep(VISIT_WORKFLOW, visit, 'held', '2025-12-06').on).toBe(visit.startDate);
    expect(proposedStep(VISIT_WORKFLOW, visit, 'held', '2025-11-01').on).toBe(visit.startDate);
    // the other steps are dated today, whatever the visit's days
    expect(proposedStep(VISIT_WORKFLOW, visit, 'closed', '2025-12-06').on).toBe('2025-12-06');
  });

  it('proposes a mission’s departure day for its travel once it is back', () => {
    const mission = { startDate: '2025-09-02', endDate: '2025-09-09', approvalDocumentNo: 'JW-1', report: null } as unknown as Mission;
    expect(proposedStep(MISSION_WORKFLOW, mission, 'travelled', '2025-10-01').on).toBe(mission.startDate);
    expect(proposedStep(MISSION_WORKFLOW, mission, 'travelled', '2025-09-09').on).toBe('2025-09-09');
  });

  it('proposes an agreement’s signature date when it is already on the agreement, else today', () => {
    expect(proposedStep(AGREEMENT_WORKFLOW, { signedOn: '2025-12-01' } as unknown as Agreement, 'signed', '2026-03-01').on).toBe('2025-12-01');
    expect(proposedStep(AGREEMENT_WORKFLOW, { signedOn: null } as unknown as Agreement, 'signed', '2026-03-01').on).toBe('2026-03-01');
  });
});
