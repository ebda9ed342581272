import type { Agreement, AgreementStatus } from '../../../shared/contracts/agreements.ts';
import { AGREEMENT_TRANSITIONS } from '../../../shared/contracts/agreements.ts';
import { AGREEMENT_STATUS_LABELS } from '../../../shared/i18n/agreement-labels.ts';
import { mayExpire } from '../../../shared/kinds/agreement.ts';
import type { WorkflowDescription } from '../../components/workflow-description.ts';

/**
 * An agreement's lifecycle: drafted, reviewed, approved, signed, in force, expired; terminated
 * leaves it from signed or active. Signing, taking effect and terminating are dated (the date
 * already on the agreement is proposed; a termination not before it took effect); the other
 * steps are taken at once, and expiring is offered only once the agreement can expire.
 */
export const AGREEMENT_WORKFLOW: WorkflowDescription<AgreementStatus, Agreement> = {
  prefix: 'agreement',
  cardTestId: 'agreement-lifecycle',
  entity: 'agreement',
  transitions: AGREEMENT_TRANSITIONS,
  statusLabels: AGREEMENT_STATUS_LABELS,
  path: ['draft', 'under_review', 'approved', 'signed', 'active', 'expired'],
  pathWhenOff: 'whole',
  endNotice: { status: 'terminated', on: 'terminatedOn' },
  forward: ['under_review', 'approved', 'signed', 'active'],
  danger: ['terminated'],
  undated: { draft: { confirm: null }, under_review: { confirm: null }, approved: { confirm: null }, expired: { confirm: null } },
  proposeRecorded: { signed: 'signedOn', active: 'effectiveOn' },
  notBefore: { terminated: 'effectiveOn' },
  offered: { expired: mayExpire },
  messages: { title: 'agr.lifecycle', to: 'agr.to', on: 'agr.on', onIsPrefix: true, stepDone: 'agr.stepDone', noNext: 'agr.noNext', noNextWhenOfficeOnly: true },
};
