import { DomainError, currentVersion, forbidden, invalidFields, type FieldProblem } from '../core/errors.ts';
import type { RequestContext, TxContext } from '../core/request-context.ts';
import { defaultStepDate, type KindDescription } from '../../shared/kinds/kind.ts';
import { roleMay } from '../../shared/policies.ts';
import { officeToday } from '../../shared/calendar.ts';
import { planStep, type StepAsked } from './plan-step.ts';
import { noteStepTaken } from '../mail/step-taken.ts';

/** What a kind's own rule adds to a step: more values, more problems, or a refusal of the whole step (a 409 with its code). */
export interface StepExtra {
  values?: Record<string, unknown>;
  problems?: FieldProblem[];
  refusal?: string;
}

/** What is special to a kind: how its record is loaded, written, shown and audited, and its own rules. */
export interface TransitionHooks<S extends string, R extends { status: S; version: number }, A = R> {
  /** The record, locked for the step, within the caller's reach (null when not there or out of reach). */
  load(tx: TxContext, id: number): Promise<R | null>;
  /** The record as a 409 shows it (default: as loaded). */
  shown?(row: R): unknown;
  /** The kind's rules no description can say, once the description has accepted the step. */
  extra?(tx: TxContext, current: R, step: StepAsked<S>, values: Record<string, unknown>): StepExtra | Promise<StepExtra>;
  /** Writes the step's values and rewrites the record's ledger rows; returns the record as answered. */
  apply(tx: TxContext, current: R, values: Record<string, unknown>): Promise<A>;
  /** The record as the audit log keeps it. */
  audited(row: R | A): object;
  /** The unit the audit row is filed under. */
  unitOf(row: R): number | null;
}

/** The `apply` of a kind whose step writes its row's columns and answers the record reloaded, with no ledger rows. */
export function writeThenReload<R extends { id: number }, A>(
  write: (tx: TxContext, id: number, values: Record<string, unknown>) => Promise<void>,
  reload: (tx: TxContext, id: number) => Promise<A>,
): (tx: TxContext, current: R, values: Record<string, unknown>) => Promise<A> {
  return async (tx, current, values) => {
    await write(tx, current.id, values);
    return reload(tx, current.id);
  };
}

/** A step as the transitions route receives it: the target, its date, its inputs, the version it is based on. */
export type StepInput<S extends string> = { to: S; on?: string | undefined; version: number } & Record<string, unknown>;

const asInputs = (input: Record<string, unknown>): Record<string, string | null | undefined> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === 'string' || v === null || v === undefined)) as Record<string, string | null | undefined>;

/**
 * Takes one workflow step of any kind, in one transaction: the record within the caller's reach
 * (404), at the version the caller saw (409 with the current record), a step its description has
 * (400 on `to`, with the kind's reason), the office's steps for the office and every step for
 * those the policy table lets update the kind (403), what the step needs and when it may be
 * taken (400 on the fields), the kind's own rules; then written, with its ledger rows and its audit row,
 * and the message to whoever asked for the step queued.
 */
export async function runTransition<S extends string, R extends { status: S; version: number }, A = R>(
  ctx: RequestContext,
  kind: KindDescription<S>,
  hooks: TransitionHooks<S, R, A>,
  options: { id: number; input: StepInput<S> },
): Promise<A> {
  const { id, input } = options;
  if (!roleMay(ctx.actor.role, kind.policy, 'update')) throw forbidden();
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await hooks.load(tx, id), input.version, hooks.shown);
    const rule = kind.steps[input.to];
    const on = input.on ?? defaultStepDate(current, officeToday(), rule?.notBefore?.date, rule?.notAfter?.date);
    const step: StepAsked<S> = { to: input.to, on, onGiven: input.on !== undefined, inputs: asInputs(input) };
    const plan = planStep(kind, current, step, tx.actor.role);
    if (plan.kind === 'forbidden') throw forbidden();
    if (plan.kind === 'illegal') throw invalidFields(...plan.problems);
    const extra = hooks.extra ? await hooks.extra(tx, current, step, plan.values) : {};
    if (extra.refusal) throw new DomainError(extra.refusal, 'conflict');
    const problems = [...plan.problems, ...(extra.problems ?? [])];
    if (problems.length) throw invalidFields(...problems);
    const row = await hooks.apply(tx, current, { ...plan.values, ...extra.values });
    await tx.audit({ action: 'update', entity: kind.audit, entityId: id, unitId: hooks.unitOf(current), before: hooks.audited(current), after: hooks.audited(row) });
    // Whoever asked for this step (moved the record into the state it leaves) is told, by mail, once.
    await noteStepTaken(tx, kind, { id, from: current.status, to: input.to, version: current.version });
    return row;
  });
}
