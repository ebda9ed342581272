import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../shared/contracts/auth.ts';
import type { Role } from '../../../shared/roles.ts';
import { officeOnlySteps, proposedStep, stepBody, stepsFor } from '../../components/workflow-steps.ts';
import type { KindRecord } from './kind-record.ts';
import { kindWorkflow, usualPath } from './kind-workflow.ts';
import { TEST_KIND } from './test-kind.ts';

const as = (role: Role): CurrentUser => ({ id: 1, email: `${role}@x`, displayName: role, role, unitId: 2, locale: 'en' });
const record = (fields: Partial<KindRecord>): KindRecord => ({ id: 7, status: 'drafted', version: 3, createdAt: '', updatedAt: '', ...fields });

describe('the workflow card of a kind described by its fields', () => {
  const w = kindWorkflow(TEST_KIND);

  it('draws the path of each state’s first step, with the date each step records, and puts the other steps in red', () => {
    expect(usualPath(TEST_KIND)).toEqual(['drafted', 'signed', 'ended']);
    expect(w.path).toEqual(['drafted', 'signed', 'ended']);
    expect(w.forward).toEqual(['signed', 'ended']);
    expect(w.danger).toEqual(['withdrawn']);
    expect(w.dateOf).toEqual({ signed: 'signedOn' });
  });

  it('asks for a date only for a step that records one, proposing the one already on the record', () => {
    expect(Object.keys(w.undated ?? {}).sort()).toEqual(['ended', 'withdrawn']);
    expect(proposedStep(w, record({ signedOn: '2026-02-01' }), 'signed', '2026-03-01').on).toBe('2026-02-01');
    expect(proposedStep(w, record({ signedOn: null }), 'signed', '2026-03-01').on).toBe('2026-03-01');
    expect(stepBody(w, { to: 'signed', on: '2026-03-01' }, 3)).toEqual({ to: 'signed', on: '2026-03-01', version: 3 });
  });

  it('offers the office’s step to the office only, and no step to a reader', () => {
    expect(stepsFor(w, as('officer'), 'drafted')).toEqual(['signed', 'withdrawn']);
    expect(stepsFor(w, as('coordinator'), 'drafted')).toEqual(['withdrawn']);
    expect(officeOnlySteps(w, as('coordinator'), 'drafted')).toEqual(['signed']);
    expect(stepsFor(w, as('viewer'), 'drafted')).toEqual([]);
  });

  it('names its buttons by the kind’s messages', () => {
    expect(w.messages.to).toBe('test_memorandum.to');
    expect(w.prefix).toBe('test-memoranda');
  });
});
