import { MOVEMENT_FROZEN_STATUSES, MOVEMENT_OFFICE_ONLY_STEPS, MOVEMENT_REPORT_DUE_DAYS } from '../contracts/movements.ts';
import { describeKind, type KindDescription, type StepRule } from './kind.ts';

/** What a visit's or a mission's description says of its own; the rest is the movements' workflow. */
type OwnPart<S extends string> = Pick<KindDescription<S>, 'labelKey' | 'statusLabels' | 'states' | 'transitions' | 'deletable' | 'counted'> & {
  entity: 'visit' | 'mission';
  /** The kind's word for taking place (held, travelled): dated, not before the first day nor after the last. */
  tookPlace: S;
  /** What approving needs besides the step (a mission's approval number). */
  approvalRequires?: readonly string[];
};

/**
 * A movement's description: requested, approved or rejected by the office only, taking place
 * between its first and last days, closed with the report (due 30 days after the last day, owed
 * once it took place) or cancelled; rejected and cancelled ones frozen, each step dated.
 */
export function describeMovement<S extends string>(kind: OwnPart<S>): KindDescription<S> {
  const { entity, tookPlace, approvalRequires, ...own } = kind;
  return describeKind<S>({
    ...own,
    policy: entity,
    audit: entity,
    initial: 'requested' as S,
    officeOnly: MOVEMENT_OFFICE_ONLY_STEPS as readonly string[] as readonly S[],
    steps: {
      approved: { records: ['approvedOn'], decision: true, ...(approvalRequires ? { requires: approvalRequires } : {}) },
      rejected: { records: ['rejectedOn'], decision: true },
      [tookPlace]: {
        records: [`${tookPlace}On`],
        notBefore: { date: 'startDate', reason: `${entity}_not_started`, blame: 'on_if_given' },
        notAfter: { date: 'endDate', reason: `${entity}_ended` },
      },
      closed: { records: ['closedOn', 'reportSubmittedOn'], requires: ['report'] },
      cancelled: { records: ['cancelledOn'] },
    } as Partial<Record<S, StepRule>>,
    illegalStep: 'illegal_transition',
    frozen: MOVEMENT_FROZEN_STATUSES as readonly string[] as readonly S[],
    deadlines: [{ what: 'report', from: 'endDate', after: { days: MOVEMENT_REPORT_DUE_DAYS }, owedIn: [tookPlace] }],
  });
}
