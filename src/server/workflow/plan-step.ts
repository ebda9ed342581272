import type { FieldProblem } from '../core/errors.ts';
import type { KindDescription } from '../../shared/kinds/kind.ts';
import type { Role } from '../../shared/roles.ts';

/** Roles that act for the office: they take the steps a kind keeps to the office. */
export const OFFICE_ROLES: readonly Role[] = ['admin', 'officer'];

/** One step as asked: into `to`, on `on` (the caller's date, or today), with the inputs sent along. */
export interface StepAsked<S extends string> {
  to: S;
  on: string;
  /** Whether the caller gave `on` (a date refused is then named `on`, else the step `to`). */
  onGiven: boolean;
  inputs?: Readonly<Record<string, string | null | undefined>>;
}

/** What the description decides of a step: a step the table does not have, the office's step taken by a unit, or what it writes. */
export type StepPlan =
  | { kind: 'illegal'; problems: FieldProblem[] }
  | { kind: 'forbidden' }
  | { kind: 'planned'; values: Record<string, unknown>; problems: FieldProblem[] };

/**
 * Checks one step against `kind`'s description, for `role` when given (without it, the office's
 * steps are not checked: the caller authorises): only its table's steps, the office's steps for
 * the office, each required input given now or already on `current` (then written with the
 * step), no step before the date it must follow nor after the one it must precede; the values
 * are the new status, the step's day in each date field it records, and its inputs.
 */
export function planStep<S extends string>(kind: KindDescription<S>, current: { status: S }, step: StepAsked<S>, role?: Role): StepPlan {
  const { to, on } = step;
  if (!kind.transitions[current.status].includes(to)) return { kind: 'illegal', problems: [{ field: 'to', reason: kind.illegalStep }] };
  if (role !== undefined && kind.officeOnly.includes(to) && !OFFICE_ROLES.includes(role)) return { kind: 'forbidden' };
  const rule = kind.steps[to] ?? {};
  const record = current as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = { status: to };
  const problems: FieldProblem[] = [];
  for (const field of rule.records ?? []) values[field] = on;
  for (const field of rule.requires ?? []) {
    const value = step.inputs?.[field] ?? record[field];
    if (value) values[field] = value;
    else problems.push({ field, reason: 'required' });
  }
  const limit = rule.notBefore;
  const earliest = limit ? record[limit.date] : null;
  if (limit && typeof earliest === 'string' && on < earliest) problems.push({ field: limit.blame === 'on' || step.onGiven ? 'on' : 'to', reason: limit.reason });
  const ceiling = rule.notAfter;
  const latest = ceiling ? record[ceiling.date] : null;
  if (ceiling && typeof latest === 'string' && on > latest) problems.push({ field: step.onGiven ? 'on' : 'to', reason: ceiling.reason });
  return { kind: 'planned', values, problems };
}
