import type { CurrentUser } from '../../shared/contracts/auth.ts';
import { defaultStepDate } from '../../shared/kinds/kind.ts';
import { roleMay } from '../../shared/policies.ts';
import { fieldReason } from '../lib/errors.ts';
import { actsForOffice } from '../lib/permissions.ts';
import type { StepInput, WorkflowDescription } from './workflow-description.ts';

/** A step about to be taken: its date and the values of the fields it carries. */
export interface PendingStep<S> {
  to: S;
  on: string;
  values: Record<string, string>;
}

const field = (record: unknown, name: string): unknown => (record as Record<string, unknown>)[name];
/** A record's field as text ('' when absent or not text). */
export const textOf = (record: unknown, name: string): string => {
  const value = field(record, name);
  return typeof value === 'string' ? value : '';
};

/** Every field a step of this workflow may carry. */
function allInputs<S extends string, R>(w: WorkflowDescription<S, R>): StepInput<R>[] {
  return Object.values<readonly StepInput<R>[] | undefined>(w.inputs ?? {}).flatMap((list) => list ?? []);
}

/**
 * The steps this user may take from the status: the shared table, for those whom the policy lets
 * change the record, less the office's steps for anyone outside the office, as the server
 * refuses them.
 */
export function stepsFor<S extends string, R>(w: WorkflowDescription<S, R>, user: CurrentUser, status: S): S[] {
  if (!roleMay(user.role, w.entity, 'update')) return [];
  return w.transitions[status].filter((to) => actsForOffice(user) || !(w.officeSteps ?? []).includes(to));
}

/** The steps this user may take on this record today: stepsFor, less those its dates do not allow yet. */
export function offeredSteps<S extends string, R extends { status: S }>(w: WorkflowDescription<S, R>, user: CurrentUser, record: R, today: string): S[] {
  return stepsFor(w, user, record.status).filter((to) => w.offered?.[to]?.(record, today) ?? true);
}

/** The steps from the status that are the office's, for a user who may change the record but is not the office. */
export function officeOnlySteps<S extends string, R>(w: WorkflowDescription<S, R>, user: CurrentUser, status: S): S[] {
  if (!roleMay(user.role, w.entity, 'update') || actsForOffice(user)) return [];
  return w.transitions[status].filter((to) => (w.officeSteps ?? []).includes(to));
}

/**
 * The step as its dialog opens: today (or the date the record already holds for it; the first day
 * once the last day it may be taken has passed; never before the day the description says), and
 * the fields it carries as the record holds them.
 */
export function proposedStep<S extends string, R>(w: WorkflowDescription<S, R>, record: R, to: S, today: string): PendingStep<S> {
  const recorded = w.proposeRecorded?.[to];
  const floor = w.notBefore?.[to];
  const start = (recorded && textOf(record, recorded)) || defaultStepDate(record as object, today, floor, w.notAfter?.[to]);
  const from = floor ? textOf(record, floor) : '';
  const inputs = allInputs(w).filter((input) => input.everyStep || (w.inputs?.[to] ?? []).includes(input));
  return { to, on: from > start ? from : start, values: Object.fromEntries(inputs.map((input) => [input.field, textOf(record, input.field)])) };
}

/** A refused step's reasons in words: by the field they are about (without the server's field prefix), and the rest. */
export function stepRefusal(fields: readonly { field: string; message: string }[]): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of fields) {
    const reason = fieldReason(field, message);
    if (field === 'to') other.push(reason);
    else byField[field] = byField[field] ? `${byField[field]}; ${reason}` : reason;
  }
  return { byField, other };
}

/** What is sent for a step: its status, its date, the fields it carries (a blank one left out), the version read. */
export function stepBody<S extends string, R>(w: WorkflowDescription<S, R>, step: Partial<PendingStep<S>> & { to: S }, version: number) {
  const carried = Object.fromEntries(allInputs(w).map((input) => [input.field, step.values?.[input.field] || undefined]));
  return { to: step.to, on: step.on, ...carried, version };
}
