import { addDays, addMonths } from '../calendar.ts';
import type { TodoGroup } from '../contracts/todo.ts';
import type { Deadline, KindDescription } from './kind.ts';
import { KINDS } from './kinds.ts';

/**
 * The deadline rules, in one place: every deadline every kind's description declares, with its
 * lead time (the description's, or the office's own from the settings), and what it means on a
 * given day. A span after a date (a report 30 days after return) is due that many days after it
 * and late the day after; a span before a date (a renewal 6 months before the end) shows from
 * that many months before the date, is due on the date and late the day after. Every rule takes
 * `today` from its caller: nothing here reads the clock.
 */

/** The unit a lead time is counted in. */
export type LeadUnit = 'days' | 'months';

/** One deadline of one kind, with the lead time in force. */
export interface DeadlineRule {
  /** `<kind>.<what>`: the settings key is `deadline.<key>`. */
  readonly key: string;
  /** The kind's name in KINDS (its routes' path). */
  readonly kind: string;
  readonly description: KindDescription;
  readonly deadline: Deadline;
  /** 'after': owed after the date (a report); 'before': coming before the date (a renewal, an expiry). */
  readonly direction: 'after' | 'before';
  readonly unit: LeadUnit;
  /** The lead time in `unit`, always positive: the description's unless the office changed it. */
  readonly lead: number;
  /** The description's lead time, in `unit`. */
  readonly defaultLead: number;
  /** Listed from the day after the date, not from the date (`Deadline.fromNextDay`). */
  readonly fromNextDay: boolean;
}

/** The settings key of a deadline's lead time. */
export const deadlineSettingKey = (key: string): `deadline.${string}` => `deadline.${key}`;

function spanOf(d: Deadline): { unit: LeadUnit; span: number } {
  return 'days' in d.after ? { unit: 'days', span: d.after.days } : { unit: 'months', span: d.after.months };
}

/**
 * Every deadline of every kind, each with the lead time in force: `leads` holds the office's
 * own by deadline key (a missing or unusable one falls back to the description's).
 */
export function deadlineRules(leads: Readonly<Record<string, unknown>> = {}): DeadlineRule[] {
  return Object.entries(KINDS).flatMap(([kind, description]) =>
    description.deadlines.map((deadline) => {
      const { unit, span } = spanOf(deadline);
      const key = `${kind}.${deadline.what}`;
      const own = leads[key];
      const lead = typeof own === 'number' && Number.isInteger(own) && own > 0 ? own : Math.abs(span);
      return { key, kind, description, deadline, direction: span > 0 ? 'after' : 'before', unit, lead, defaultLead: Math.abs(span), fromNextDay: deadline.fromNextDay === true } as const;
    }),
  );
}

/** The deadline keys, in the order of KINDS: each is one setting an admin may change. */
export const DEADLINE_KEYS: readonly string[] = deadlineRules().map((r) => r.key);

const shift = (date: string, unit: LeadUnit, n: number) => (unit === 'days' ? addDays(date, n) : addMonths(date, n));

/** Where a record stands against one deadline on `today`. */
export interface DeadlineStanding {
  /** The day it is due (after it, late). */
  readonly dueOn: string;
  /** Listed from this day on. */
  readonly shownFrom: string;
  /** Not listed yet (a renewal still far off). */
  readonly listed: boolean;
  readonly late: boolean;
}

/**
 * Where a record whose rule's date is `from` stands on `today`: due `lead` after it and listed
 * from it (from the day after, for a rule `fromNextDay`), or (a span before) due on it and
 * listed `lead` before. Whether the record is in a state that owes it is the caller's (`owes`).
 */
export function deadlineStanding(rule: Pick<DeadlineRule, 'direction' | 'unit' | 'lead'> & { fromNextDay?: boolean }, from: string, today: string): DeadlineStanding {
  const dueOn = rule.direction === 'after' ? shift(from, rule.unit, rule.lead) : from;
  const shownFrom = rule.direction === 'after' ? (rule.fromNextDay ? addDays(from, 1) : from) : shift(from, rule.unit, -rule.lead);
  return { dueOn, shownFrom, listed: today >= shownFrom, late: today > dueOn };
}

/** The to-do list's group of a rule's items: the deadline's own, else a report owed after a date or a renewal coming before it. */
export function todoGroupOf(rule: Pick<DeadlineRule, 'deadline' | 'direction'>): TodoGroup {
  return rule.deadline.group ?? (rule.direction === 'after' ? 'reports' : 'renewals');
}

/** Whether a record in `status` owes what `rule` asks (it is met by leaving those states). */
export function owes(rule: Pick<DeadlineRule, 'deadline'>, status: string): boolean {
  return rule.deadline.owedIn.includes(status);
}
