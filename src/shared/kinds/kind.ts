import type { Locale } from '../contracts/common.ts';
import type { TodoGroup } from '../contracts/todo.ts';
import type { Entity } from '../policies.ts';

/**
 * A kind of record described as data, read by the server (its workflow runner) and the web:
 * its states, the steps between them with who takes each and what each needs and records, the
 * states that freeze, delete or count it, and what falls due. What no description can say (the
 * exchange allocation by merit, the residency standard) stays code, named from the kind's file.
 */

/** One step into a state: who may take it, what it needs, what it records. */
export interface StepRule {
  /** The record's date fields the step writes with the day it is taken. */
  readonly records?: readonly string[];
  /**
   * Inputs the step needs, given with it or already on the record (an approval number, a
   * report); refused as `required` on the field when neither, else written with the step.
   */
  readonly requires?: readonly string[];
  /**
   * Not taken before this date of the record, refused with `reason` on `on` (or on `to` when the
   * caller gave no date and `blame` is 'on_if_given').
   */
  readonly notBefore?: { readonly date: string; readonly reason: string; readonly blame: 'on' | 'on_if_given' };
  /**
   * Not taken after this date of the record (a visit is held by its last day), refused with
   * `reason` on `on` (or on `to` when the caller gave no date).
   */
  readonly notAfter?: { readonly date: string; readonly reason: string };
  /**
   * A decision on a request (approving, rejecting): a record in a state with such a step waits
   * on whoever may take it (the office for an office step, else the unit) — the to-do list's approvals.
   */
  readonly decision?: true;
}

const dateOf = (record: object, name: string | undefined): string | null => {
  const value = name ? (record as Record<string, unknown>)[name] : null;
  return typeof value === 'string' ? value : null;
};

/**
 * The day a step is taken when nobody says: today, unless the record's `last` date field has
 * passed, and then its `first` (a visit held when it began, not when someone clicked).
 */
export function defaultStepDate(record: object, today: string, first?: string, last?: string): string {
  const lastDay = dateOf(record, last);
  if (!lastDay || today <= lastDay) return today;
  return dateOf(record, first) ?? lastDay;
}

/**
 * Something that falls due: `what` is due `after` the record's `from` date (a report 30 days
 * after return), or, with a negative span, coming that long before it (a renewal 6 months
 * before the end). The lead time is the description's default: an admin may change it
 * (`deadline-rules.ts`, the settings).
 */
export interface Deadline {
  readonly what: string;
  readonly from: string;
  readonly after: { readonly days: number } | { readonly months: number };
  /** The states in which it is owed (it is met by leaving them). */
  readonly owedIn: readonly string[];
  /** Met too by drafting a successor (a renewal proposes a new record linked to this one). */
  readonly metBySuccessor?: boolean;
  /**
   * Owed by each of the record's parts of this name rather than the record (an expert's
   * documents, each with its own `from` date), and met by a later one of the same kind.
   */
  readonly part?: string;
  /**
   * Listed only once the day has passed rather than from it (applications closing on a day are
   * still taken all that day, so their places wait to be allocated from the next).
   */
  readonly fromNextDay?: true;
  /**
   * The to-do list's group when not the span's (a report owed after, a renewal coming before):
   * an allocation of places is a decision waiting, with a due day.
   */
  readonly group?: TodoGroup;
}

/** The description of a kind of record with a workflow. */
export interface KindDescription<S extends string = string> {
  /** The policy table's entity: who may read, create, update, delete it. */
  readonly policy: Entity;
  /** The audit log's entity name. */
  readonly audit: string;
  /** The label key of the kind's name. */
  readonly labelKey: string;
  /** Each state's name in every language. */
  readonly statusLabels: Readonly<Record<S, Record<Locale, string>>>;
  readonly states: readonly S[];
  /** The state a new record starts in. */
  readonly initial: S;
  /** The steps from each state. */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** Steps only the office (admin, officer) takes: a unit's coordinator is refused (403). */
  readonly officeOnly: readonly S[];
  /** Per state stepped into: its rule (none: anyone with update rights, no input, nothing recorded). */
  readonly steps: Readonly<Partial<Record<S, StepRule>>>;
  /** The reason a step the table does not have is refused with, on `to`. */
  readonly illegalStep: 'illegal_transition' | 'not_a_step';
  /** States whose fields can no longer be changed. */
  readonly frozen: readonly S[];
  /** States in which the record may be deleted. */
  readonly deletable: readonly S[];
  /** States in which its people count in the ledger. */
  readonly counted: readonly S[];
  readonly deadlines: readonly Deadline[];
}

/** Declares a kind, checking its shape against `KindDescription` while keeping its literal types. */
export function describeKind<S extends string>(kind: KindDescription<S>): KindDescription<S> {
  return kind;
}

/** Every state reachable from `start` along the kind's steps, `start` included. */
export function reachableStates<S extends string>(kind: KindDescription<S>, start: S = kind.initial): Set<S> {
  const seen = new Set<S>([start]);
  const queue: S[] = [start];
  while (queue.length) {
    for (const next of kind.transitions[queue.shift()!]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
