import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, forbidden, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { roleMay } from '../../../shared/policies.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { addDays, addMonths, monthsBetween, officeToday } from '../../../shared/calendar.ts';
import {
  DELETABLE_APPOINTMENT_STATUSES,
  type Appointment,
  type AppointmentStatus,
  type AppointmentInput,
  type AppointmentTransition,
  type AppointmentUpdate,
} from '../../../shared/contracts/appointments.ts';
import { unitContains } from '../units/units.service.ts';
import { conferredFieldsTouched } from './appointments.rules.ts';
import { APPOINTMENT_KIND } from '../../../shared/kinds/appointment.ts';
import { runTransition, writeThenReload, type TransitionHooks } from '../../workflow/run-transition.ts';
import {
  deleteAppointmentRow,
  expertInReach,
  expertsInReach,
  findAppointment,
  findAppointments,
  insertAppointment,
  insertAppointments,
  listAppointments,
  updateAppointmentRow,
} from './appointments.repo.ts';

const ENTITY = 'appointment';
type Input = z.output<typeof AppointmentInput>;

/** The record as the audit log keeps it: stored fields, not what is derived at a date. */
function audited(a: Appointment): object {
  const { inForce: _i, successorId: _s, person: _p, institutionName: _n, ...stored } = a;
  return stored;
}

async function reload(tx: Queryable, id: number): Promise<Appointment> {
  return (await findAppointment(unscoped(tx), id, officeToday()))!;
}

/** Checks the appointing unit against the actor's reach. */
async function checkUnit(tx: Scoped, unitId: number, problems: FieldProblem[]): Promise<void> {
  if (tx.scope !== null && !(await unitContains(tx, tx.scope, unitId))) problems.push({ field: 'unitId', reason: 'not_allowed' });
}

async function writeNewAppointment(tx: TxContext, input: Input, predecessorId: number | null): Promise<Appointment> {
  const problems: FieldProblem[] = [];
  // Another unit's person is not named to a coordinator, even as "not yours".
  if (!(await expertInReach(tx, input.personId))) problems.push({ field: 'personId', reason: 'unknown_reference' });
  await checkUnit(tx, input.unitId, problems);
  if (problems.length) throw invalidFields(...problems);
  const id = await insertAppointment(tx, { ...input, status: 'proposed', predecessorId });
  const row = await reload(tx, id);
  await tx.audit({ action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: audited(row) });
  return row;
}

/** Proposes an appointment for a person; a coordinator proposes for their unit, and for their experts. */
export async function createAppointment(ctx: RequestContext, options: { input: Input }): Promise<Appointment> {
  return ctx.transaction((tx) => writeNewAppointment(tx, options.input, null));
}

/**
 * Changes an appointment's fields, if `version` is current and it is within the actor's
 * reach. Once a title is conferred, what was conferred (title, unit, term) is the office's to change.
 */
export async function updateAppointment(ctx: RequestContext, options: { id: number; input: z.output<typeof AppointmentUpdate> }): Promise<Appointment> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findAppointment(tx, id, officeToday(), true), version);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    const changed = Object.keys(given).filter((f) => given[f as keyof Input] !== current[f as keyof Appointment]);
    const problems = conferredFieldsTouched(current.status, tx.actor.role, changed);
    const merged = { ...current, ...given };
    if (merged.endDate !== null && merged.endDate < merged.startDate) problems.push({ field: 'endDate', reason: 'end_before_start' });
    if (given.unitId !== undefined) await checkUnit(tx, given.unitId, problems);
    if (problems.length) throw invalidFields(...problems);
    const row = await changedBy(tx, current, async () => {
      await updateAppointmentRow(tx, id, given);
      return reload(tx, id);
    });
    if (!row) return current;
    await tx.audit({ action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** Deletes a proposal; an appointment once made is revoked instead, so that its history stays. */
export async function deleteAppointment(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return removeAppointment(ctx, options, false);
}

/** Deletes an appointment an import created, whatever its status (imports/import-undo.ts: the undo of an import). */
export async function deleteImportedAppointment(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return removeAppointment(ctx, options, true);
}

async function removeAppointment(ctx: RequestContext, options: { id: number; version: number }, anyStatus: boolean): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findAppointment(tx, id, officeToday(), true), version);
    if (!anyStatus && !DELETABLE_APPOINTMENT_STATUSES.includes(current.status)) throw new DomainError('appointment_not_deletable', 'conflict');
    await deleteAppointmentRow(tx, id);
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: audited(current) });
  });
}

/** What is special to an appointment's step: its record locked within reach. */
const appointmentSteps: TransitionHooks<AppointmentStatus, Appointment> = {
  load: (tx, id) => findAppointment(tx, id, officeToday(), true),
  apply: writeThenReload(updateAppointmentRow, reload),
  audited,
  unitOf: (a) => a.unitId,
};

/** Moves an appointment one step, dated `on` (default today), as its description says (shared/kinds/appointment.ts). */
export function transitionAppointment(ctx: RequestContext, options: { id: number; input: z.output<typeof AppointmentTransition> }): Promise<Appointment> {
  return runTransition(ctx, APPOINTMENT_KIND, appointmentSteps, options);
}

/**
 * Proposes the successor of an appointment that was made: the same person, title and unit,
 * from the day after its term ends, for a term of the same length in whole months (as agreements
 * renew), so that a term starting on 29 February does not come back shorter.
 */
export async function renewAppointment(ctx: RequestContext, options: { id: number; version: number }): Promise<Appointment> {
  const { id, version } = options;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findAppointment(tx, id, officeToday(), true), version);
    if (current.status !== 'appointed') throw invalidFields({ field: 'status', reason: 'appointment_not_renewable' });
    if (current.endDate === null) throw invalidFields({ field: 'endDate', reason: 'no_end_of_term' });
    if (current.successorId !== null) throw invalidFields({ field: 'successorId', reason: 'appointment_already_renewed' });
    const startDate = addDays(current.endDate, 1);
    const input: Input = { ...current, startDate, endDate: addMonths(current.endDate, monthsBetween(current.startDate, startDate)) };
    return writeNewAppointment(tx, input, id);
  });
}

/** A step of an appointment created with others (createAppointments): its target and its date. */
export type AppointmentStepInput = { to: AppointmentStatus; on: string };

/** A refusal of the appointment at `index` of a batch (`<index>.<field>`, the successor's `<index>.renewal.<field>`). */
function ofAppointment(index: number | string, error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const fields = error.extra.fields?.length ? error.extra.fields : [{ field: 'to', reason: error.code }];
  return new DomainError(error.code, error.kind, { ...error.extra, fields: fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
}

type Draft = Input & { status: AppointmentStatus; revokedOn: string | null; predecessorId: number | null; version: number };

/** Takes `draft` through `steps` as transitionAppointment would, one after the other (the description's steps, the office's for the office). */
function stepped(tx: TxContext, draft: Draft, steps: AppointmentStepInput[], index: number | string): Draft {
  if (steps.length && !roleMay(tx.actor.role, APPOINTMENT_KIND.policy, 'update')) throw ofAppointment(index, forbidden());
  let current = draft;
  for (const step of steps) {
    const plan = planStep(APPOINTMENT_KIND, current, { to: step.to, on: step.on, onGiven: true, inputs: { to: step.to, on: step.on } }, tx.actor.role);
    if (plan.kind === 'forbidden') throw ofAppointment(index, forbidden());
    if (plan.kind === 'illegal' || plan.problems.length) throw ofAppointment(index, invalidFields(...plan.problems));
    current = { ...current, ...(plan.values as Partial<Draft>), version: current.version + 1 };
  }
  return current;
}

/**
 * Records many appointments at once, each taken through `steps` (proposed → appointed →
 * revoked) and, with `renewal`, renewed into a successor taken through the renewal's steps: what
 * the demo's experts write instead of a createAppointment, a transitionAppointment per step and a
 * renewAppointment each. Checked as those are (each expert and unit within the actor's reach,
 * each unit once; each step by the appointment's description, conferring and revoking for the
 * office; a renewal only of a title conferred with an end of term, the successor's term as
 * renewAppointment draws it), then written: their ids drawn in the order they would have been
 * created one at a time (each successor after its predecessor), the appointments in one statement
 * in their final status with the dates the steps stamped and the version they would have reached,
 * the successors naming their predecessors, and one audit row each, the appointment as created (recordAudits).
 * A refusal names the appointment by its index: `<index>.<field>`, the successor's
 * `<index>.renewal.<field>`. No step sends a message: the one who asked for each step is the actor taking the next one.
 */
export function createAppointments(
  ctx: RequestContext,
  options: { appointments: Array<{ input: Input; steps: AppointmentStepInput[]; renewal?: { steps: AppointmentStepInput[] } }> },
): Promise<Array<{ appointment: Appointment; successor: Appointment | null }>> {
  const { appointments } = options;
  return ctx.transaction(async (tx) => {
    if (appointments.length === 0) return [];
    const experts = await expertsInReach(tx, [...new Set(appointments.map((a) => a.input.personId))]);
    const units = new Map<number, boolean>();
    for (const unitId of new Set(appointments.map((a) => a.input.unitId))) units.set(unitId, tx.scope === null || (await unitContains(tx, tx.scope, unitId)));
    const drafts = appointments.map(({ input, steps, renewal }, index) => {
      const problems: FieldProblem[] = [];
      if (!experts.has(input.personId)) problems.push({ field: 'personId', reason: 'unknown_reference' });
      if (!units.get(input.unitId)) problems.push({ field: 'unitId', reason: 'not_allowed' });
      if (problems.length) throw ofAppointment(index, invalidFields(...problems));
      const made = stepped(tx, { ...input, status: 'proposed', revokedOn: null, predecessorId: null, version: 1 }, steps, index);
      if (!renewal) return { made, successor: null };
      // As renewAppointment: a title conferred, with an end, renewed from the day after for as many whole months.
      if (made.status !== 'appointed') throw ofAppointment(index, invalidFields({ field: 'status', reason: 'appointment_not_renewable' }));
      if (made.endDate === null) throw ofAppointment(index, invalidFields({ field: 'endDate', reason: 'no_end_of_term' }));
      const startDate = addDays(made.endDate, 1);
      const next: Draft = { ...made, startDate, endDate: addMonths(made.endDate, monthsBetween(made.startDate, startDate)), status: 'proposed', revokedOn: null, version: 1 };
      return { made, successor: stepped(tx, next, renewal.steps, `${index}.renewal`) };
    });
    // Each chain's appointment then its successor, in the order they would have been created one at a time.
    const rows: Array<Draft & { predecessorAt?: number }> = [];
    const at = drafts.map((d) => {
      const made = rows.push(d.made) - 1;
      if (!d.successor) return { made, successor: null };
      return { made, successor: rows.push({ ...d.successor, predecessorAt: made }) - 1 };
    });
    const ids = await insertAppointments(tx, rows);
    const written = new Map((await findAppointments(unscoped(tx), ids, officeToday())).map((a) => [a.id, a]));
    await recordAudits(tx, tx.actor, [...written.values()].map((a) => ({ action: 'create' as const, entity: ENTITY, entityId: a.id, unitId: a.unitId, after: audited(a) })));
    return at.map((a) => ({ appointment: written.get(ids[a.made]!)!, successor: a.successor === null ? null : written.get(ids[a.successor]!)! }));
  });
}

/** One appointment within the actor's reach, "in force" derived at `asOf` (default today). */
export async function getAppointment(ctx: Scoped, options: { id: number; asOf?: string }): Promise<Appointment> {
  const row = await findAppointment(ctx, options.id, options.asOf ?? officeToday());
  if (!row) throw notFound();
  return row;
}

/** Whether a person is one of the actor's experts (of their unit, or appointed by it); others are 404 to a coordinator. */
export async function assertExpertInReach(db: Scoped, personId: number): Promise<void> {
  if (!(await expertInReach(db, personId))) throw notFound();
}

/** Whether a person is one of the actor's experts: of their unit, or appointed by it (any person for the office). */
export function isExpertInReach(db: Scoped, personId: number): Promise<boolean> {
  return expertInReach(db, personId);
}

/** The appointments within the caller's reach the list's filters select (derived at `asOf`), the first `max` with their total (an export). */
export function listAppointmentsForExport(ctx: Scoped, options: { asOf: string; query: Omit<Parameters<typeof listAppointments>[2], 'page' | 'pageSize'>; max: number }) {
  return listAppointments(ctx, options.asOf, { ...options.query, page: 1, pageSize: options.max });
}
