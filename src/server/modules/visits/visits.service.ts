import type { z } from 'zod';
import { DomainError, forbidden, invalidFields, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  DEFAULT_PROTOCOL_THRESHOLD,
  type OverdueReports,
  type Visit,
  type VisitInput,
  type VisitTransition,
  type VisitStatus,
  type VisitUpdate,
} from '../../../shared/contracts/visits.ts';
import {
  checkChange,
  createMovement,
  deleteMovement,
  getMovement,
  givenFields,
  overdueByUnit,
  movementStepHooks,
  updateMovement,
  type MovementKind,
} from '../movements/movements.service.ts';
import { unitContains } from '../units/units.service.ts';
import { VISIT_KIND } from '../../../shared/kinds/visit.ts';
import { runTransition } from '../../workflow/run-transition.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { roleMay } from '../../../shared/policies.ts';
import { addLedgerRows } from '../ledger/ledger.write.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import { resolveMembers, visitLedgerEntries, type ResolvedMember } from './visits.rules.ts';
import { institutionCountries, knownCountries, peopleFacts, unitExists } from '../movements/movement-sql.ts';
import {
  deleteVisitRow,
  findVisit,
  findVisits,
  insertMembersOfVisits,
  insertVisit,
  insertVisits,
  listVisits,
  overdueVisits,
  replaceMembers,
  updateVisitRow,
  type Derivation,
} from './visits.repo.ts';

type Input = z.output<typeof VisitInput>;
type MemberInput = Input['members'][number];

/** Derived states as of today, at the default protocol threshold. */
export const today = (): Derivation => ({ asOf: officeToday(), protocolThreshold: DEFAULT_PROTOCOL_THRESHOLD });

/** The record as the audit log keeps it: stored fields, not the states derived at a date, nor the files (audited apart). */
function audited(v: Visit): object {
  const { reportDueOn: _d, reportOverdue: _o, notable: _n, files: _f, ...stored } = v;
  return stored;
}

/** A member as the input has it, from a stored visit (for checks when the members are not being changed). */
const asInput = (m: Visit['members'][number]): MemberInput => ({
  personId: m.personId,
  roleInDelegation: m.roleInDelegation,
  institutionId: m.institutionId,
  countryCode: m.countryCode,
});

/**
 * Checks the host unit and the members against the actor's reach and the records they name,
 * and returns the members with their defaults applied. A coordinator names only people of
 * their own unit, except those already on the visit.
 */
async function checkVisit(tx: TxContext, visit: { hostUnitId: number; members: MemberInput[] }, alreadyMembers: number[]): Promise<ResolvedMember[]> {
  const problems: FieldProblem[] = [];
  if (!(await unitExists(tx, visit.hostUnitId))) problems.push({ field: 'hostUnitId', reason: 'unknown_reference' });
  else if (tx.scope !== null && !(await unitContains(tx, tx.scope, visit.hostUnitId))) problems.push({ field: 'hostUnitId', reason: 'not_allowed' });
  const personIds = [...new Set(visit.members.map((m) => m.personId))];
  const people = await peopleFacts(unscoped(tx), personIds);
  if (tx.scope !== null) {
    const reachable = await peopleFacts(tx, personIds);
    for (const id of personIds) if (!reachable.has(id) && !alreadyMembers.includes(id)) people.delete(id);
  }
  const institutionIds = visit.members.flatMap((m) => (m.institutionId != null ? [m.institutionId] : []));
  const countryCodes = [...people.values()].flatMap((p) => (p.nationality ? [p.nationality] : [])).concat(visit.members.flatMap((m) => (m.countryCode ? [m.countryCode] : [])));
  const facts = { people, institutions: new Set((await institutionCountries(tx, institutionIds)).keys()), countries: await knownCountries(tx, countryCodes) };
  const resolved = resolveMembers(visit.members, facts);
  problems.push(...resolved.problems);
  if (problems.length) throw invalidFields(...problems);
  return resolved.members;
}

const visitSearch = (v: Pick<Input, 'titleEn' | 'titleZh' | 'receivingOfficial'>) => searchText(v.titleEn, v.titleZh, v.receivingOfficial);

/** Visits as the movements' core reads, writes and audits them. */
const VISIT: MovementKind<Visit, VisitStatus, Derivation> = {
  description: VISIT_KIND,
  find: findVisit,
  today,
  unitOf: (v) => v.hostUnitId,
  audited,
  ledger: visitLedgerEntries,
  notEditable: 'visit_not_editable',
  notDeletable: 'not_deletable',
  deleteRow: deleteVisitRow,
};

/** Records a request for an invitation; a coordinator's visit is hosted by their unit. */
export function createVisit(ctx: RequestContext, options: { input: Input }): Promise<Visit> {
  const { input } = options;
  return createMovement(VISIT, ctx, async (tx) => {
    const members = await checkVisit(tx, input, []);
    const { members: _m, requestedOn, ...fields } = input;
    const id = await insertVisit(tx, { ...fields, status: 'requested', requestedOn: requestedOn ?? officeToday(), searchText: visitSearch(input) });
    await replaceMembers(tx, id, members);
    return id;
  });
}

/** A step of a visit being created with others (createVisits): the step's target, its date and what it carries. */
export type VisitStepInput = Omit<z.output<typeof VisitTransition>, 'version'> & { on: string };

/** A refusal of the visit at `index` of a batch, its fields named `<index>.<field>` (a refusal without fields on `<index>.to`). */
function ofVisit(index: number, error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const fields = error.extra.fields?.length ? error.extra.fields : [{ field: 'to', reason: error.code }];
  return new DomainError(error.code, error.kind, { ...error.extra, fields: fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
}

/**
 * Checks many new visits' host units and members at once: each unit once, the people, institutions
 * and countries they name in one query each. Returns each visit's members with their defaults, or
 * the problems of the first visit that has any, with its index.
 */
async function checkVisits(tx: TxContext, visits: Array<{ hostUnitId: number; members: MemberInput[] }>): Promise<ResolvedMember[][]> {
  const units = new Map<number, FieldProblem | null>();
  for (const unitId of new Set(visits.map((v) => v.hostUnitId))) {
    if (!(await unitExists(tx, unitId))) units.set(unitId, { field: 'hostUnitId', reason: 'unknown_reference' });
    else if (tx.scope !== null && !(await unitContains(tx, tx.scope, unitId))) units.set(unitId, { field: 'hostUnitId', reason: 'not_allowed' });
    else units.set(unitId, null);
  }
  const members = visits.flatMap((v) => v.members);
  const personIds = [...new Set(members.map((m) => m.personId))];
  const people = await peopleFacts(unscoped(tx), personIds);
  if (tx.scope !== null) {
    const reachable = await peopleFacts(tx, personIds);
    for (const id of personIds) if (!reachable.has(id)) people.delete(id);
  }
  const institutionIds = [...new Set(members.flatMap((m) => (m.institutionId != null ? [m.institutionId] : [])))];
  const countryCodes = [...new Set([...people.values()].flatMap((p) => (p.nationality ? [p.nationality] : [])).concat(members.flatMap((m) => (m.countryCode ? [m.countryCode] : []))))];
  const facts = { people, institutions: new Set((await institutionCountries(tx, institutionIds)).keys()), countries: await knownCountries(tx, countryCodes) };
  return visits.map((visit, index) => {
    const unit = units.get(visit.hostUnitId);
    const resolved = resolveMembers(visit.members, facts);
    const problems = [...(unit ? [unit] : []), ...resolved.problems];
    if (problems.length) throw ofVisit(index, invalidFields(...problems));
    return resolved.members;
  });
}

/**
 * Records many visits at once, each taken through `steps` (requested → approved → held …) as
 * transitionVisit would take it, one step after the other with the step's date: what an import
 * of thousands of visits writes instead of a createVisit and a transitionVisit per step each.
 * Checked as those are (the host unit within the actor's reach, each unit once; the members;
 * each step by the visit's description, the office's steps for the office), then written in one
 * statement each: the visits in their final status with every date the steps stamped and the
 * version they would have reached, their members, their person-times (addLedgerRows, the rollups
 * with them) and one audit row each, the visit as created (recordAudits). A refusal names the
 * visit by its index in `visits`: `<index>.<field>`. No step sends a message: the one who asked
 * for each step (the request, the approval) is the actor taking the next one.
 */
export function createVisits(ctx: RequestContext, options: { visits: Array<{ input: Input; steps: VisitStepInput[] }> }): Promise<Visit[]> {
  const { visits } = options;
  return ctx.transaction(async (tx) => {
    if (visits.length === 0) return [];
    const members = await checkVisits(tx, visits.map((v) => v.input));
    const values = visits.map(({ input, steps }, index) => {
      const { members: _m, requestedOn, ...fields } = input;
      let current: { status: VisitStatus; startDate: string; endDate: string; report: string | null } & Record<string, unknown> = {
        ...fields,
        status: 'requested',
        requestedOn: requestedOn ?? officeToday(),
        report: null,
      };
      if (steps.length && !roleMay(tx.actor.role, VISIT_KIND.policy, 'update')) throw ofVisit(index, forbidden());
      for (const step of steps) {
        const inputs = { to: step.to, on: step.on, ...(step.report !== undefined ? { report: step.report } : {}) };
        const plan = planStep(VISIT_KIND, current, { to: step.to, on: step.on, onGiven: true, inputs }, tx.actor.role);
        if (plan.kind === 'forbidden') throw ofVisit(index, forbidden());
        if (plan.kind === 'illegal') throw ofVisit(index, invalidFields(...plan.problems));
        if (plan.problems.length) throw ofVisit(index, invalidFields(...plan.problems));
        current = { ...current, ...plan.values };
      }
      return { ...current, searchText: visitSearch(input), version: 1 + steps.length };
    });
    const ids = await insertVisits(tx, values);
    await insertMembersOfVisits(tx, ids.map((id, i) => ({ id, members: members[i]! })));
    const written = await findVisits(unscoped(tx), ids, today());
    await addLedgerRows(tx, VISIT_KIND.audit, written.map((v) => ({ id: v.id, entries: visitLedgerEntries(v) })));
    await recordAudits(tx, tx.actor, written.map((v) => ({ action: 'create' as const, entity: VISIT_KIND.audit, entityId: v.id, unitId: v.hostUnitId, after: audited(v) })));
    return written;
  });
}

/**
 * Changes a visit's fields, if `version` is current and the visit is within the actor's reach.
 * A held visit's person-times are rewritten from the result in the same transaction.
 */
export function updateVisit(ctx: RequestContext, options: { id: number; input: z.output<typeof VisitUpdate> }): Promise<Visit> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return updateMovement(VISIT, ctx, { id, version }, async (tx, current) => {
    const given = givenFields(changes) as Partial<Input> & { report?: string | null };
    const merged = { ...current, ...given, members: given.members ?? current.members.map(asInput) };
    checkChange(current, given, merged);
    const members = await checkVisit(tx, merged, current.members.map((m) => m.personId));
    const { members: _m, ...fields } = given;
    await updateVisitRow(tx, id, { ...fields, searchText: visitSearch(merged) });
    if (given.members) await replaceMembers(tx, id, members);
  });
}

const visitSteps = movementStepHooks(VISIT, (tx, current, values) => updateVisitRow(tx, current.id, values));

/**
 * Moves a visit one step, dated `on` (default today), as its description says
 * (shared/kinds/visit.ts). Approving and rejecting are the office's: a coordinator gets 403
 * even for their own unit's request.
 */
export function transitionVisit(ctx: RequestContext, options: { id: number; input: z.output<typeof VisitTransition> }): Promise<Visit> {
  return runTransition(ctx, VISIT_KIND, visitSteps, options);
}

/** Deletes a visit that never took place (requested, rejected or cancelled); one that was held is cancelled instead. */
export function deleteVisit(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return deleteMovement(VISIT, ctx, options);
}

/**
 * Deletes a visit an import created, whatever its status, with its person-times (audited as
 * any delete): undoing the import takes it back as if it had never been entered.
 */
export function deleteImportedVisit(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return deleteMovement(VISIT, ctx, options, { anyStatus: true });
}

/** One visit within the actor's reach, with its states derived at `at`. */
export function getVisit(ctx: Scoped, options: { id: number; at?: Derivation }): Promise<Visit> {
  return getMovement(VISIT, ctx, options.id, options.at);
}

/** Held visits whose report is overdue at `asOf` (default today), per host unit, within the actor's reach. */
export async function getOverdueReports(ctx: Scoped, options: { asOf?: string }): Promise<OverdueReports> {
  const asOf = options.asOf ?? officeToday();
  return overdueByUnit(asOf, await overdueVisits(ctx, asOf), 'visits');
}

/** The most senior visitor of a notable visit: the head of its delegation (its first member). */
export interface NotableVisitor {
  visitId: number;
  startDate: string;
  protocolLevel: Visit['protocolLevel'];
  member: Visit['members'][number];
}

/**
 * "Among them the French President …": the head of each notable visit (held or closed, at or
 * above the protocol threshold, started on or before `to`), highest protocol level first, then
 * oldest. The same query as the list filtered by `notable=true&counted=true&to=…`.
 */
export async function listNotableVisitors(
  ctx: Scoped,
  options: { from?: string; to: string; protocolThreshold?: Visit['protocolLevel'] },
): Promise<{ total: number; visitors: NotableVisitor[] }> {
  const at: Derivation = { asOf: options.to, protocolThreshold: options.protocolThreshold ?? DEFAULT_PROTOCOL_THRESHOLD };
  const visitors: NotableVisitor[] = [];
  for (let page = 1; ; page++) {
    const query = { notable: 'true', counted: 'true', ...(options.from ? { from: options.from } : {}), to: options.to } as const;
    const { rows, total } = await listVisits(ctx, at, { ...query, sort: 'protocolLevel', order: 'asc', page, pageSize: 200 });
    for (const v of rows) if (v.members[0]) visitors.push({ visitId: v.id, startDate: v.startDate, protocolLevel: v.protocolLevel, member: v.members[0] });
    if (page * 200 >= total) return { total, visitors };
  }
}

/** The visits within the caller's reach the list's filters select (derived at `at`), the first `max` with their total (an export). */
export function listVisitsForExport(ctx: Scoped, options: { at: Derivation; query: Omit<Parameters<typeof listVisits>[2], 'page' | 'pageSize'>; max: number }) {
  return listVisits(ctx, options.at, { ...options.query, page: 1, pageSize: options.max });
}
