import type { KindDescription } from '../../shared/kinds/kind.ts';
import type { WorkflowDescription } from './workflow-description.ts';

/** What a movement (a visit received, a mission sent) carries for its report. */
interface Reported {
  reportOverdue: boolean;
  reportDueOn: string;
}

/** What a kind of movement says of its own workflow; the rest is the movements' common shape. */
type OwnPart<S extends string, R> = Pick<WorkflowDescription<S, R>, 'transitions' | 'statusLabels' | 'inputs'> & {
  /** The kind's shared description: the office's steps, and the days the movement takes place between. */
  kind: KindDescription<S>;
  hints: Partial<Record<S, string>>;
};

/**
 * The workflow that visits and missions share: requested, approved (or rejected) by the office,
 * then the movement itself (held, travelled), then closed with the report, which is due a set
 * time after it; cancelled leaves the path. Each step is dated in `<status>On` (the movement's
 * own step proposed within its days), and the messages and test ids are named after the kind.
 */
export function movementWorkflow<S extends string, R extends Reported>(kind: 'visit' | 'mission', middle: S, own: OwnPart<S, R>): WorkflowDescription<S, R> {
  const path = ['requested', 'approved', middle, 'closed'] as S[];
  const dated = [...path, 'rejected', 'cancelled'] as S[];
  const { hints, kind: description, ...rest } = own;
  const took = description.steps[middle];
  const field = (name: string | undefined) => (name ? ({ [middle]: name } as Partial<Record<S, keyof R & string>>) : {});
  return {
    ...rest,
    officeSteps: description.officeOnly,
    notBefore: field(took?.notBefore?.date),
    notAfter: field(took?.notAfter?.date),
    prefix: kind,
    entity: kind,
    path,
    dateOf: Object.fromEntries(dated.map((s) => [s, `${s}On`])) as Partial<Record<S, keyof R & string>>,
    forward: path.slice(1),
    danger: ['rejected', 'cancelled'] as S[],
    wide: ['closed'] as S[],
    deadline: {
      overdue: 'reportOverdue',
      dueOn: 'reportDueOn',
      pendingIn: ['approved', middle] as S[],
      overdueMessage: `${kind}.reportOverdue`,
      dueMessage: `${kind}.reportDue`,
      overdueType: 'warning',
      dueAs: 'text',
      overdueTestId: `${kind}-report-overdue`,
      dueTestId: `${kind}-report-due`,
    },
    reportIn: [middle, 'closed'] as S[],
    messages: {
      title: `${kind}.workflow`,
      to: `${kind}.to`,
      on: `${kind}.on`,
      onIsPrefix: true,
      stepDone: `${kind}.stepDone`,
      noNext: `${kind}.noNext`,
      officeOnly: `${kind}.officeOnly`,
      hints,
    },
  };
}
