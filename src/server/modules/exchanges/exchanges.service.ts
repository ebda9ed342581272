import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, forbidden, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  PLACE_HOLDING_STATUSES,
  type AllocationResult,
  type Application,
  type ApplicationInput,
  type ApplicationQuery,
  type ApplicationStatus,
  type ApplicationTransition,
  type ApplicationUpdate,
  type Opportunity,
  type OpportunityInput,
  type OpportunityUpdate,
} from '../../../shared/contracts/exchanges.ts';
import { addLedgerRows, replaceLedgerRows } from '../ledger/ledger.write.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import { roleMay } from '../../../shared/policies.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { unitContains } from '../units/units.service.ts';
import {
  allApplications,
  appliedAlready,
  findApplications,
  insertApplications,
  deleteApplicationRow,
  existingIds,
  exchangeCounts,
  findApplication,
  findOpportunity,
  holdersElsewhere,
  insertApplication,
  insertApplicationsBulk,
  insertOpportunity,
  opportunityApplicants,
  peopleInReach,
  updateApplicationRow,
  updateOpportunityRow,
  selectedByPurpose,
  type ApplicationContext,
  type ExchangePurpose,
} from './exchanges.repo.ts';
import { academicYearSpan, allocatePlaces, applicationLedgerEntries, lastCompleteAcademicYear, applicationStepValues } from './exchanges.rules.ts';
import { EXCHANGE_APPLICATION_KIND } from '../../../shared/kinds/exchange-application.ts';
import { runTransition, type TransitionHooks } from '../../workflow/run-transition.ts';

const APPLICATION = 'exchange_application';
const OPPORTUNITY = 'exchange_opportunity';

/** The stored fields of an opportunity, without the counts and names joined in. */
function auditedOpportunity(o: Opportunity): object {
  const { hostInstitution: _h, applicants: _a, placesTaken: _p, ...stored } = o;
  return stored;
}
function auditedApplication(a: Application): object {
  const { opportunity: _o, person: _p, hostInstitution: _h, ...stored } = a;
  return stored;
}
function withoutContext(row: Application & ApplicationContext): Application {
  const { kind: _k, academicYear: _y, places: _p, endsOn: _e, ...application } = row;
  return application;
}

type OpportunityFields = Partial<z.output<typeof OpportunityInput>>;

/** Checks the unit (a coordinator's own or below), the host, the agreement and the dates an opportunity names (applications close by the start). */
async function checkOpportunity(tx: TxContext, o: OpportunityFields): Promise<void> {
  const problems: FieldProblem[] = [];
  if (o.unitId !== undefined) {
    if (!(await existingIds(tx, 'units', [o.unitId])).size) problems.push({ field: 'unitId', reason: 'unknown_reference' });
    else if (tx.scope !== null && !(await unitContains(tx, tx.scope, o.unitId))) problems.push({ field: 'unitId', reason: 'not_allowed' });
  }
  if (o.hostInstitutionId !== undefined && !(await existingIds(tx, 'institutions', [o.hostInstitutionId])).size) problems.push({ field: 'hostInstitutionId', reason: 'unknown_reference' });
  if (o.agreementId && !(await existingIds(tx, 'agreements', [o.agreementId])).size) problems.push({ field: 'agreementId', reason: 'unknown_reference' });
  if (o.startsOn && o.endsOn && o.endsOn < o.startsOn) problems.push({ field: 'endsOn', reason: 'end_before_start' });
  // the places are allocated once applications have closed, before the students leave
  if (o.applicationsCloseOn && o.startsOn && o.applicationsCloseOn > o.startsOn) problems.push({ field: 'applicationsCloseOn', reason: 'after_exchange_start' });
  if (problems.length) throw invalidFields(...problems);
}

/** Records a partner's offer of places for an academic year. */
export async function createOpportunity(ctx: RequestContext, options: { input: z.output<typeof OpportunityInput> }): Promise<Opportunity> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    await checkOpportunity(tx, input);
    const id = await insertOpportunity(tx, input);
    const row = (await findOpportunity(unscoped(tx), id))!;
    await tx.audit({ action: 'create', entity: OPPORTUNITY, entityId: id, unitId: row.unitId, after: auditedOpportunity(row) });
    return row;
  });
}

/** Changes an opportunity, if `version` is current. The person-times of its departed students follow its kind, host and end. */
export async function updateOpportunity(ctx: RequestContext, options: { id: number; input: z.output<typeof OpportunityUpdate> }): Promise<Opportunity> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findOpportunity(tx, id, true), version);
    const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as OpportunityFields;
    await checkOpportunity(tx, { ...changes, startsOn: merged.startsOn, endsOn: merged.endsOn, applicationsCloseOn: merged.applicationsCloseOn });
    const row = await changedBy(tx, current, async () => {
      await updateOpportunityRow(tx, id, changes);
      return (await findOpportunity(unscoped(tx), id))!;
    });
    if (!row) return current;
    for (const a of await opportunityApplicants(tx, id)) await writeLedger(tx, a.id);
    await tx.audit({ action: 'update', entity: OPPORTUNITY, entityId: id, unitId: row.unitId, before: auditedOpportunity(current), after: auditedOpportunity(row) });
    return row;
  });
}

/** One opportunity within the actor's reach. */
export async function getOpportunity(ctx: Scoped, options: { id: number }): Promise<Opportunity> {
  const row = await findOpportunity(ctx, options.id);
  if (!row) throw notFound();
  return row;
}

/** Rewrites the application's person-time from the application as it now stands. */
async function writeLedger(tx: Queryable, id: number): Promise<Application & ApplicationContext> {
  const row = (await findApplication(unscoped(tx), id))!;
  await replaceLedgerRows(tx, { module: APPLICATION, id }, applicationLedgerEntries({ ...row, hostCountryCode: row.hostInstitution.countryCode }));
  return row;
}

/** Records a student's application; a coordinator applies their unit's people to their unit's opportunities. */
export async function createApplication(ctx: RequestContext, options: { input: z.output<typeof ApplicationInput> }): Promise<Application> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    const opportunity = await findOpportunity(tx, input.opportunityId);
    const problems: FieldProblem[] = [];
    if (!opportunity) problems.push({ field: 'opportunityId', reason: 'unknown_reference' });
    if (!(await peopleInReach(tx, [input.personId])).size) problems.push({ field: 'personId', reason: 'unknown_reference' });
    if (input.departureDate && input.returnDate && input.returnDate < input.departureDate) problems.push({ field: 'returnDate', reason: 'end_before_start' });
    if (problems.length) throw invalidFields(...problems);
    const taken = await tx.query('SELECT 1 FROM exchange_applications WHERE opportunity_id = $1 AND person_id = $2', [input.opportunityId, input.personId]);
    if (taken.rows.length) throw new DomainError('exchange_already_applied', 'conflict');
    const id = await insertApplication(tx, { ...input, status: 'submitted' });
    const row = withoutContext(await writeLedger(tx, id));
    await tx.audit({ action: 'create', entity: APPLICATION, entityId: id, unitId: row.unitId, after: auditedApplication(row) });
    return row;
  });
}

/** A step of an application created with others (createApplications): its target and its date. */
export type ApplicationStepInput = { to: ApplicationStatus; on: string };

/** A refusal of the application at `index` of a batch, its fields named `<index>.<field>` (a refusal without fields on `<index>.<field>`, the field given). */
function ofApplication(index: number, error: unknown, field = 'to'): unknown {
  if (!(error instanceof DomainError)) return error;
  const fields = error.extra.fields?.length ? error.extra.fields : [{ field, reason: error.code }];
  return new DomainError(error.code, error.kind, { ...error.extra, fields: fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
}

/** An application of the batch as it stands between its steps, before it is written. */
type Pending = { id: number; personId: number; status: ApplicationStatus; score: number | null; appliedOn: string; decidedOn: string | null; departureDate: string | null; returnDate: string | null; version: number };

/**
 * Records many students' applications to one opportunity at once, optionally runs its
 * allocation on `allocateOn` once they are all in, then takes each through `steps`, one after
 * the other with the step's date: what the demo's hundreds of applications write instead of a
 * createApplication, an allocateOpportunity and a transitionApplication per step each. Checked as
 * those are (the opportunity and each student within the actor's reach, the dates, one
 * application a student; the allocation by merit for the office, none decided before it was
 * made; each step by the application's description, a selection by the places free and the
 * student's place elsewhere that year), then written in a statement each: the applications in
 * their final status with the dates the steps stamped and the version they would have reached,
 * their person-times (addLedgerRows) and one audit row each, the application as created
 * (recordAudits); the allocation's outcome on the opportunity and its audit row as
 * allocateOpportunity writes them (an application already there that it decides is written and
 * audited as there). A refusal names the application by its index: `<index>.<field>`. No step
 * sends a message: the one who asked for each step is the actor taking the next one.
 */
export function createApplications(
  ctx: RequestContext,
  options: { opportunityId: number; applications: Array<{ input: Omit<z.output<typeof ApplicationInput>, 'opportunityId'>; steps: ApplicationStepInput[] }>; allocateOn?: string },
): Promise<Application[]> {
  const { opportunityId, applications, allocateOn } = options;
  return ctx.transaction(async (tx) => {
    if (applications.length === 0 && allocateOn === undefined) return [];
    const opportunity = await findOpportunity(tx, opportunityId, true);
    if (!opportunity) throw invalidFields({ field: 'opportunityId', reason: 'unknown_reference' });
    // The applications, checked as createApplication checks each.
    const persons = applications.map((a) => a.input.personId);
    const reachable = await peopleInReach(tx, [...new Set(persons)]);
    for (const [index, { input }] of applications.entries()) {
      const problems: FieldProblem[] = [];
      if (!reachable.has(input.personId)) problems.push({ field: 'personId', reason: 'unknown_reference' });
      if (input.departureDate && input.returnDate && input.returnDate < input.departureDate) problems.push({ field: 'returnDate', reason: 'end_before_start' });
      if (problems.length) throw ofApplication(index, invalidFields(...problems));
    }
    const applied = await appliedAlready(tx, opportunityId, [...new Set(persons)]);
    for (const [index, personId] of persons.entries()) {
      if (applied.has(personId)) throw ofApplication(index, new DomainError('exchange_already_applied', 'conflict'), 'personId');
      applied.add(personId);
    }
    // Every applicant as the allocation and the steps see them; the new ones numbered after those there, as their ids will be.
    const existing = await opportunityApplicants(tx, opportunityId);
    const first = Math.max(0, ...existing.map((a) => a.id)) + 1;
    const pending: Pending[] = applications.map(({ input }, index) => ({
      id: first + index, personId: input.personId, status: 'submitted', score: input.score, appliedOn: input.appliedOn, decidedOn: null, departureDate: input.departureDate, returnDate: input.returnDate, version: 1,
    }));
    const everyone = [...existing.map((a) => ({ ...a })), ...pending];
    const elsewhere = await holdersElsewhere(tx, opportunityId, opportunity.academicYear, [...new Set(everyone.map((a) => a.personId))]);
    const realId = (id: number, ids: number[]) => (id >= first ? ids[id - first]! : id);
    let allocation: { selected: number[]; waitlisted: number[]; skipped: number[] } | null = null;
    if (allocateOn !== undefined) {
      // As allocateOpportunity: the office's, by merit, none decided before it was made.
      if (!roleMay(tx.actor.role, 'exchange_selection', 'update')) throw forbidden();
      allocation = allocatePlaces(opportunity.places, everyone, elsewhere);
      const decided = new Map<number, ApplicationStatus>([...allocation.selected.map((id) => [id, 'selected'] as const), ...allocation.waitlisted.map((id) => [id, 'waitlisted'] as const)]);
      if (everyone.some((a) => decided.has(a.id) && a.appliedOn > allocateOn)) throw invalidFields({ field: 'allocateOn', reason: 'before_applied' });
      for (const a of everyone) {
        const status = decided.get(a.id);
        if (status === undefined || a.status === status) continue;
        a.status = status;
        if (a.id >= first) Object.assign(a, { decidedOn: allocateOn, version: (a as Pending).version + 1 });
      }
    }
    // Each new application's steps, in turn, as transitionApplication takes them.
    for (const [index, { steps }] of applications.entries()) {
      const current = pending[index]!;
      if (steps.length && !roleMay(tx.actor.role, EXCHANGE_APPLICATION_KIND.policy, 'update')) throw ofApplication(index, forbidden());
      for (const step of steps) {
        const asked = { to: step.to, on: step.on, onGiven: true, inputs: { to: step.to, on: step.on } };
        const plan = planStep(EXCHANGE_APPLICATION_KIND, current, asked, tx.actor.role);
        if (plan.kind === 'forbidden') throw ofApplication(index, forbidden());
        if (plan.kind === 'illegal') throw ofApplication(index, invalidFields(...plan.problems));
        const placesFree = opportunity.places - everyone.filter((a) => PLACE_HOLDING_STATUSES.includes(a.status)).length;
        const own = applicationStepValues(current, { ...asked, placesFree, heldElsewhere: elsewhere.has(current.personId) });
        if (own.refusal) throw ofApplication(index, new DomainError(own.refusal, 'conflict'));
        const problems = [...plan.problems, ...own.problems];
        if (problems.length) throw ofApplication(index, invalidFields(...problems));
        Object.assign(current, plan.values, own.values, { version: current.version + 1 });
      }
    }
    const ids = await insertApplications(tx, applications.map(({ input }, index) => {
      const { id: _id, ...final } = pending[index]!;
      return { ...input, ...final, opportunityId };
    }));
    const written = await findApplications(unscoped(tx), ids);
    await addLedgerRows(tx, APPLICATION, written.map((row) => ({ id: row.id, entries: applicationLedgerEntries({ ...row, hostCountryCode: row.hostInstitution.countryCode }) })));
    await recordAudits(tx, tx.actor, written.map((row) => ({ action: 'create' as const, entity: APPLICATION, entityId: row.id, unitId: row.unitId, after: auditedApplication(withoutContext(row)) })));
    if (allocation && allocateOn !== undefined) {
      // The applications that were there, decided by the allocation: written and audited as allocateOpportunity does.
      for (const a of existing) {
        const now = everyone.find((e) => e.id === a.id)!;
        if (now.status === a.status) continue;
        const before = withoutContext((await findApplication(unscoped(tx), a.id, true))!);
        await updateApplicationRow(tx, a.id, { status: now.status, decidedOn: allocateOn });
        const after = withoutContext(await writeLedger(tx, a.id));
        await tx.audit({ action: 'update', entity: APPLICATION, entityId: a.id, unitId: opportunity.unitId, before: auditedApplication(before), after: auditedApplication(after) });
      }
      const result = { opportunityId, places: opportunity.places, selected: allocation.selected.map((id) => realId(id, ids)), waitlisted: allocation.waitlisted.map((id) => realId(id, ids)), skipped: allocation.skipped.map((id) => realId(id, ids)) };
      await updateOpportunityRow(tx, opportunityId, { allocatedOn: allocateOn });
      await tx.audit({ action: 'update', entity: OPPORTUNITY, entityId: opportunityId, unitId: opportunity.unitId, before: { allocatedOn: opportunity.allocatedOn }, after: { allocatedOn: allocateOn, allocation: result, on: allocateOn } });
    }
    return written.map(withoutContext);
  });
}

/** Changes an application's score, certificate, dates or notes, if `version` is current; the person-time follows the dates. */
export async function updateApplication(ctx: RequestContext, options: { id: number; input: z.output<typeof ApplicationUpdate> }): Promise<Application> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const found = currentVersion(await findApplication(tx, id, true), version, withoutContext);
    const merged = { ...found, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as Application;
    if (merged.departureDate && merged.returnDate && merged.returnDate < merged.departureDate) throw invalidFields({ field: changes.returnDate ? 'returnDate' : 'departureDate', reason: 'end_before_start' });
    if (!merged.departureDate && ['departed', 'returned'].includes(found.status)) throw invalidFields({ field: 'departureDate', reason: 'required' });
    if (merged.decidedOn && merged.appliedOn > merged.decidedOn) throw invalidFields({ field: 'appliedOn', reason: 'after_decided' });
    const row = await changedBy(tx, withoutContext(found), async () => {
      await updateApplicationRow(tx, id, changes);
      return withoutContext(await writeLedger(tx, id));
    });
    if (!row) return withoutContext(found);
    await tx.audit({ action: 'update', entity: APPLICATION, entityId: id, unitId: found.unitId, before: auditedApplication(withoutContext(found)), after: auditedApplication(row) });
    return row;
  });
}

/**
 * Deletes an application an import created, whatever its status, with its person-time (audited
 * as any delete): undoing the import (imports/import-undo.ts) takes it back as if never entered.
 */
export async function deleteImportedApplication(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findApplication(tx, id, true), version, withoutContext);
    await replaceLedgerRows(tx, { module: APPLICATION, id }, []);
    await deleteApplicationRow(tx, id);
    await tx.audit({ action: 'delete', entity: APPLICATION, entityId: id, unitId: current.unitId, before: auditedApplication(withoutContext(current)) });
  });
}

/** One application within the actor's reach. */
export async function getApplication(ctx: Scoped, options: { id: number }): Promise<Application> {
  const row = await findApplication(ctx, options.id);
  if (!row) throw notFound();
  return withoutContext(row);
}

/** What is special to an application's step: its record (with its opportunity's places) locked within reach, the places, its ledger row. */
const applicationSteps: TransitionHooks<ApplicationStatus, Application & ApplicationContext, Application> = {
  load: (tx, id) => findApplication(tx, id, true),
  shown: withoutContext,
  async extra(tx, current, step) {
    let placesFree = 1;
    let heldElsewhere = false;
    if (step.to === 'selected') {
      // Selections of one opportunity queue on it, so that two never take the last place together.
      await tx.query('SELECT 1 FROM exchange_opportunities WHERE id = $1 FOR UPDATE', [current.opportunityId]);
      const others = await opportunityApplicants(tx, current.opportunityId);
      placesFree = current.places - others.filter((a) => PLACE_HOLDING_STATUSES.includes(a.status)).length;
      heldElsewhere = (await holdersElsewhere(tx, current.opportunityId, current.academicYear, [current.personId])).size > 0;
    }
    const { values, problems, refusal } = applicationStepValues(current, { ...step, placesFree, heldElsewhere });
    return refusal ? { refusal } : { values: { ...values }, problems };
  },
  async apply(tx, current, values) {
    await updateApplicationRow(tx, current.id, values);
    return withoutContext(await writeLedger(tx, current.id));
  },
  audited: (row) => auditedApplication('places' in row ? withoutContext(row) : row),
  unitOf: (a) => a.unitId,
};

/**
 * Moves an application one step, dated `on` (default today), as its description says
 * (shared/kinds/exchange-application.ts). Selecting takes one of the opportunity's places:
 * refused (409 `exchange_places_full`) when they are all held, and (409
 * `exchange_already_selected`) when the student holds a place elsewhere that academic year.
 */
export function transitionApplication(ctx: RequestContext, options: { id: number; input: z.output<typeof ApplicationTransition> }): Promise<Application> {
  return runTransition(ctx, EXCHANGE_APPLICATION_KIND, applicationSteps, options);
}

/**
 * Runs the selection of an opportunity (the office): its free places go to the undecided
 * applicants by merit (exchanges.rules.ts#allocatePlaces), the rest are waitlisted, a student
 * holding a place elsewhere that year is passed over. Refused (`before_applied` on `on`) when it
 * would decide an application made after `on`. The opportunity keeps `on` as its `allocatedOn`
 * (which takes it off the to-do list). Each changed application is audited, and the
 * opportunity's audit row holds the outcome.
 */
export async function allocateOpportunity(ctx: RequestContext, options: { id: number; on?: string }): Promise<AllocationResult> {
  const { id } = options;
  const on = options.on ?? officeToday();
  return ctx.transaction(async (tx) => {
    const opportunity = await findOpportunity(tx, id, true);
    if (!opportunity) throw notFound();
    const applicants = await opportunityApplicants(tx, id);
    const elsewhere = await holdersElsewhere(tx, id, opportunity.academicYear, applicants.map((a) => a.personId));
    const outcome = allocatePlaces(opportunity.places, applicants, elsewhere);
    const decidedIds = new Set([...outcome.selected, ...outcome.waitlisted]);
    if (applicants.some((a) => decidedIds.has(a.id) && a.appliedOn > on)) throw invalidFields({ field: 'on', reason: 'before_applied' });
    const decided: Array<[number[], ApplicationStatus]> = [[outcome.selected, 'selected'], [outcome.waitlisted, 'waitlisted']];
    for (const [ids, status] of decided)
      for (const appId of ids) {
        const before = withoutContext((await findApplication(unscoped(tx), appId, true))!);
        if (before.status === status) continue;
        await updateApplicationRow(tx, appId, { status, decidedOn: on });
        const after = withoutContext(await writeLedger(tx, appId));
        await tx.audit({ action: 'update', entity: APPLICATION, entityId: appId, unitId: opportunity.unitId, before: auditedApplication(before), after: auditedApplication(after) });
      }
    const result = { opportunityId: id, places: opportunity.places, ...outcome };
    // the day it was allocated: the to-do list's "allocate the places" is met by it
    await updateOpportunityRow(tx, id, { allocatedOn: on });
    await tx.audit({ action: 'update', entity: OPPORTUNITY, entityId: id, unitId: opportunity.unitId, before: { allocatedOn: opportunity.allocatedOn }, after: { allocatedOn: on, allocation: result, on } });
    return result;
  });
}

/** Every application within the actor's reach matching the query (an export). */
export function exportApplications(ctx: Scoped, options: { query: Omit<z.output<typeof ApplicationQuery>, 'page' | 'pageSize' | 'format'> }): Promise<Application[]> {
  return allApplications(ctx, options.query);
}

/**
 * "About 200 students are sent every year to 31 universities or colleges in 13 different
 * countries": over the last complete academic year before `asOf` (1 September – 31 August),
 * applications departed or returned with a departure in that year; their distinct hosts and
 * the hosts' distinct countries (Hong Kong, Macao and Taiwan are regions, not counted).
 */
export async function exchangeFiguresAsOf(ctx: Scoped, options: { asOf: string }): Promise<{ academicYear: number; from: string; to: string; personTimes: number; universities: number; countries: number }> {
  const academicYear = lastCompleteAcademicYear(options.asOf);
  const { from, to } = academicYearSpan(academicYear);
  return { academicYear, from, to, ...(await exchangeCounts(ctx, from, to)) };
}

/**
 * The students sent abroad on exchange who departed from `from` to `to` (departed or returned):
 * their person-times, distinct hosts and the hosts' countries (regions apart). The fact sheet's
 * definition (`exchangeFiguresAsOf`) over a period the caller chooses: the year in review's.
 */
export function exchangeCountsBetween(ctx: Scoped, options: { from: string; to: string }): Promise<{ personTimes: number; universities: number; countries: number }> {
  return exchangeCounts(ctx, options.from, options.to);
}

/**
 * Records a past year's applications as they ended (the demo's earlier years, or an import of
 * the office's records): one statement for the rows, then each departed student's person-time,
 * all in one transaction with one audit row per opportunity. The opportunity is marked allocated
 * on the latest decision recorded (its places are not waiting).
 */
export async function recordPastApplications(ctx: RequestContext, options: { opportunityId: number; rows: Array<z.output<typeof ApplicationInput> & { status: ApplicationStatus; decidedOn: string | null; score: number }> }): Promise<void> {
  const { opportunityId, rows } = options;
  await ctx.transaction(async (tx) => {
    const opportunity = await findOpportunity(tx, opportunityId, true);
    if (!opportunity) throw notFound();
    const early = rows.findIndex((r) => r.decidedOn !== null && r.decidedOn < r.appliedOn);
    if (early >= 0) throw invalidFields({ field: `rows.${early}.decidedOn`, reason: 'before_applied' });
    const counted = await insertApplicationsBulk(tx, rows.map((r) => ({ ...r, opportunityId })));
    for (const id of counted) await writeLedger(tx, id);
    // the places of a year recorded as it ended were allocated on its last decision
    const allocatedOn = rows.reduce<string | null>((last, r) => (r.decidedOn && (!last || r.decidedOn > last) ? r.decidedOn : last), null);
    if (allocatedOn) await updateOpportunityRow(tx, opportunityId, { allocatedOn });
    await tx.audit({ action: 'create', entity: OPPORTUNITY, entityId: opportunityId, unitId: opportunity.unitId, after: { applications: rows.length, departed: counted.length, allocatedOn } });
  });
}

/** The fact sheet's "selected excellent students for international exchanges, overseas study programs or the pursuit of degrees" on `asOf`, within the actor's reach. */
export async function selectionsAsOf(ctx: Scoped, options: { asOf: string }): Promise<Partial<Record<ExchangePurpose, number>>> {
  return selectedByPurpose(ctx, options.asOf);
}
