import { AGREEMENT_STATUSES, AGREEMENT_TRANSITIONS, DELETABLE_STATUSES } from '../contracts/agreements.ts';
import { AGREEMENT_STATUS_LABELS } from '../i18n/agreement-labels.ts';
import { describeKind } from './kind.ts';

/**
 * A cooperation agreement: drafted, reviewed, approved, signed, in effect, then expired or
 * terminated. Renewal is not a step (it drafts a successor). The dates of signing and taking
 * effect, and when an agreement may expire, are the agreement's own rules
 * (server agreements.rules.ts#planTransition): a step records them only when not on file.
 * Its renewal comes six months before it ends.
 */
/**
 * Whether an agreement may be marked expired on `on`: its end date has passed, or it renews
 * itself (expiring then ends it on the day). The server refuses the others; the web does not
 * offer the step.
 */
export function mayExpire(agreement: { expiresOn: string | null; autoRenewal: boolean }, on: string): boolean {
  return agreement.expiresOn !== null && (agreement.autoRenewal || on > agreement.expiresOn);
}

export const AGREEMENT_KIND = describeKind({
  policy: 'agreement',
  audit: 'agreement',
  labelKey: 'agreements',
  statusLabels: AGREEMENT_STATUS_LABELS,
  states: AGREEMENT_STATUSES,
  initial: 'draft',
  transitions: AGREEMENT_TRANSITIONS,
  officeOnly: [],
  steps: {
    // Under review, it waits on the approval (the office, or the coordinator of a collegiate one's unit).
    approved: { decision: true },
    terminated: { records: ['terminatedOn'], notBefore: { date: 'effectiveOn', reason: 'before_effective', blame: 'on' } },
  },
  illegalStep: 'illegal_transition',
  frozen: [],
  deletable: DELETABLE_STATUSES,
  counted: [],
  // In force and ending: its renewal is due six months before it ends (met by drafting the successor).
  deadlines: [{ what: 'renewal', from: 'expiresOn', after: { months: -6 }, owedIn: ['signed', 'active'], metBySuccessor: true }],
});
