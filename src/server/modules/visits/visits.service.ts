import type { z } from 'zod';
import { invalidFields, type FieldProblem } from '../../core/errors.ts';
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
import { resolveMembers, visitLedgerEntries, type ResolvedMember } from './visits.rules.ts';
import { institutionCountries, knownCountries, peopleFacts, unitExists } from '../movements/movement-sql.ts';
import { deleteVisitRow, findVisit, insertVisit, listVisits, overdueVisits, replaceMembers, updateVisitRow, type Derivation } from './visits.repo.ts';

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
