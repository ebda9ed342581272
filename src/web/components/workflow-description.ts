import type { Locale } from '../../shared/contracts/common.ts';
import type { Entity } from '../../shared/policies.ts';

/** A field a step asks for besides its date (an approval number, a report, a degree). */
export interface StepInput<R> {
  /** The transition's field, and the record's field the dialog starts from. */
  field: keyof R & string;
  /** Message key of its label. */
  label: string;
  /** Message key of the help under it. */
  extra?: string;
  required?: boolean;
  /** A long text (a report, a summary) rather than one line. */
  multiline?: boolean;
  maxLength: number;
  showCount?: boolean;
  maxRows?: number;
  testId: string;
  /** Sent with every step, as the record holds it, not only with the step that asks for it. */
  everyStep?: boolean;
}

/** A step taken without the dated dialog: at once, or after a yes/no question (its message key). */
export type UndatedStep = { confirm: string | null };

/** When the record's report (or summary) is due, and whether it is overdue. */
export interface DeadlineNotice<S extends string, R> {
  overdue: keyof R & string;
  dueOn: keyof R & string;
  /** The statuses in which the due date is shown before it passes. */
  pendingIn: readonly S[];
  /** Message keys, each given `{ date }`. */
  overdueMessage: string;
  dueMessage: string;
  /** An overdue one as a warning or as an error. */
  overdueType: 'warning' | 'error';
  /** The due date as quiet text or as an information banner. */
  dueAs: 'text' | 'info';
  overdueTestId: string;
  dueTestId?: string;
}

/**
 * One kind's workflow as plain data: its statuses and transition table (the shared constants
 * the server enforces), which steps are the office's, what each step asks for, and the message
 * keys that name it all. The generic card (workflow-card.tsx) reads it; a shared kind
 * description can later produce it.
 */
export interface WorkflowDescription<S extends string, R> {
  /** Test id prefix: `<prefix>-workflow`, `<prefix>-to-<status>`, `<prefix>-step-ok`. */
  prefix: string;
  /** The card's test id, when not `<prefix>-workflow`. */
  cardTestId?: string;
  /** The policy table's entity whose `update` right takes the steps. */
  entity: Entity;
  transitions: Record<S, readonly S[]>;
  /** Steps only the office takes (the server refuses them to a coordinator). */
  officeSteps?: readonly S[];
  statusLabels: Record<S, Record<Locale, string>>;
  /**
   * The usual path, drawn as steps (with the record's date of each when `dateOf` says where it
   * is); without it the card shows the status as a tag.
   */
  path?: readonly S[];
  dateOf?: Partial<Record<S, keyof R & string>>;
  /** Off the path, the steps stop where the record left it (`stop`), or the whole path is drawn in red (`whole`). */
  pathWhenOff?: 'stop' | 'whole';
  /** A status that ends the record, announced with its date (terminated, revoked). */
  endNotice?: { status: S; on: keyof R & string };
  /** Steps forward (primary buttons) and steps that refuse or end (red). */
  forward: readonly S[];
  danger: readonly S[];
  /** Steps taken without the dated dialog. */
  undated?: Partial<Record<S, UndatedStep>>;
  /**
   * Steps the table allows that this record's dates do not yet (an agreement before its end date
   * cannot expire): not offered, as the server would refuse them.
   */
  offered?: Partial<Record<S, (record: R, today: string) => boolean>>;
  /** The proposed date of a step is not before this field of the record (held from its first day). */
  notBefore?: Partial<Record<S, keyof R & string>>;
  /** The proposed date of a step is not after this field of the record: once it has passed, the first day (`notBefore`). */
  notAfter?: Partial<Record<S, keyof R & string>>;
  /** The proposed date of a step is this field of the record when it is set (a signature date already known). */
  proposeRecorded?: Partial<Record<S, keyof R & string>>;
  inputs?: Partial<Record<S, readonly StepInput<R>[]>>;
  /** Steps whose dialog is wide (a report to write). */
  wide?: readonly S[];
  deadline?: DeadlineNotice<S, R>;
  /** The statuses that show the report section under the steps. */
  reportIn?: readonly S[];
  messages: {
    title: string;
    /** Prefix of the buttons' and the dialogs' titles: `<to>.<status>`. */
    to: string;
    /** Prefix of the date labels (`<on>.<status>`), or one key for every step. */
    on: string;
    onIsPrefix: boolean;
    /** Given `{ status }`. */
    stepDone: string;
    noNext: string;
    /** Given `{ steps }`; shown above the buttons when `officeOnlyAbove`, else beside them. */
    officeOnly?: string;
    officeOnlyAbove?: boolean;
    officeOnlyTestId?: string;
    /** "No further step" is said when this user has none, though the office has some (else only when none is left). */
    noNextWhenOfficeOnly?: boolean;
    /** The dialog's hint, per step or for every step. */
    hints?: Partial<Record<S, string>>;
    hint?: string;
  };
}
