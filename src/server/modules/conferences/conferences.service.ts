import { changedBy } from '../../core/unchanged-write.ts';
import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped } from '../../core/request-context.ts';
import { searchText } from '../../search/normalize.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  DELETABLE_CONFERENCE_STATUSES,
  type Conference,
  type ConferenceStatus,
  type ConferenceInput,
  type ConferenceTransition,
  type ConferenceUpdate,
  type OverdueSummaries,
} from '../../../shared/contracts/conferences.ts';
import type { ExpertConference } from '../../../shared/contracts/appointments.ts';
import { addLedgerRows, replaceLedgerRows } from '../ledger/ledger.write.ts';
import { forbidden } from '../../core/errors.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { roleMay } from '../../../shared/policies.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import { unitContains } from '../units/units.service.ts';
import { conferenceLedgerEntries, conferenceProblems } from './conferences.rules.ts';
import { CONFERENCE_KIND } from '../../../shared/kinds/conference.ts';
import { runTransition, type TransitionHooks } from '../../workflow/run-transition.ts';
import { conferenceTitles,
  conferencesOfPerson,
  deleteConferenceRow,
  existingInstitutions,
  findConference,
  findConferences,
  insertConference,
  insertConferences,
  insertPartnersOfConferences,
  listConferences,
  overdueConferences,
  replaceConferencePartners,
  updateConferenceRow,
} from './conferences.repo.ts';
import { ledgerAttendees } from './attendees.repo.ts';

export const ENTITY = 'conference';
type Input = z.output<typeof ConferenceInput>;

/** The record as the audit log keeps it: stored fields, not what is derived from a date, a setting or the list. */
export function audited(c: Conference): object {
  const { classification: _c, summaryDueOn: _d, summaryOverdue: _o, attendeeCount: _a, foreignAttendeeCount: _f, attendeeCountries: _n, ...stored } = c;
  return stored;
}

/** The conference as it is now, derived values as of today. */
export async function reloadConference(tx: Queryable, id: number): Promise<Conference> {
  return (await findConference(unscoped(tx), id, officeToday()))!;
}

/** The conference a write is based on: within the caller's reach (404), at the version given (409), locked. */
export async function conferenceForWrite(tx: Scoped, id: number, version: number): Promise<Conference> {
  return currentVersion(await findConference(tx, id, officeToday(), true), version);
}

/**
 * Rewrites the conference's rows in the ledger from its status, dates, declared scale and
 * attendee list. Called in the transaction of every write that can change any of them.
 */
export async function writeConferenceLedger(tx: Queryable, conference: Conference): Promise<void> {
  const attendees = await ledgerAttendees(tx, conference.id);
  const document = attendees.length ? `attendee list of conference ${conference.id}` : `declared foreign participants of conference ${conference.id}`;
  await replaceLedgerRows(tx, { module: 'conference', id: conference.id, document }, conferenceLedgerEntries(conference, attendees));
}

/** Checks a whole conference (after the change) against the actor's reach and the rules. */
async function checkConference(tx: Scoped, merged: Input): Promise<void> {
  const problems: FieldProblem[] = conferenceProblems(merged);
  if (tx.scope !== null && !(await unitContains(tx, tx.scope, merged.hostUnitId))) problems.push({ field: 'hostUnitId', reason: 'not_allowed' });
  const known = await existingInstitutions(tx, merged.partners.map((p) => p.institutionId));
  const seen = new Set<number>();
  merged.partners.forEach((p, i) => {
    if (!known.has(p.institutionId)) problems.push({ field: `partners.${i}.institutionId`, reason: 'unknown_reference' });
    if (seen.has(p.institutionId)) problems.push({ field: `partners.${i}.institutionId`, reason: 'duplicate' });
    seen.add(p.institutionId);
  });
  if (problems.length) throw invalidFields(...problems);
}

const titleSearch = (c: Pick<Input, 'titleEn' | 'titleZh' | 'titleFr' | 'venue'>) => searchText(c.titleEn, c.titleZh, c.titleFr, c.venue);

/** Proposes a conference; a coordinator's is hosted by their unit (or one beneath it). */
export async function createConference(ctx: RequestContext, options: { input: Input }): Promise<Conference> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    await checkConference(tx, input);
    const { partners, ...fields } = input;
    const id = await insertConference(tx, { ...fields, status: 'proposed', searchText: titleSearch(input) });
    await replaceConferencePartners(tx, id, partners);
    const row = await reloadConference(tx, id);
    await writeConferenceLedger(tx, row);
    await tx.audit({ action: 'create', entity: ENTITY, entityId: id, unitId: row.hostUnitId, after: audited(row) });
    return row;
  });
}

/** A step of a conference being proposed with others (createConferences): its target, its date and its summary. */
export type ConferenceStepInput = Omit<z.output<typeof ConferenceTransition>, 'version' | 'on' | 'summary'> & { on: string; summary?: string | null };

/** A refusal of the conference at `index` of a batch, its fields named `<index>.<field>` (a refusal without fields on `<index>.to`). */
function ofConference(index: number, error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const fields = error.extra.fields?.length ? error.extra.fields : [{ field: 'to', reason: error.code }];
  return new DomainError(error.code, error.kind, { ...error.extra, fields: fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
}

/** checkConference for many new conferences: each host unit's reach once, the co-organizers named in one query; the first refused by its index. */
async function checkConferences(tx: Scoped, inputs: Input[]): Promise<void> {
  const reach = new Map<number, boolean>();
  if (tx.scope !== null) for (const unitId of new Set(inputs.map((c) => c.hostUnitId))) reach.set(unitId, await unitContains(tx, tx.scope, unitId));
  const known = await existingInstitutions(tx, [...new Set(inputs.flatMap((c) => c.partners.map((p) => p.institutionId)))]);
  inputs.forEach((input, index) => {
    const problems: FieldProblem[] = conferenceProblems(input);
    if (tx.scope !== null && !reach.get(input.hostUnitId)) problems.push({ field: 'hostUnitId', reason: 'not_allowed' });
    const seen = new Set<number>();
    input.partners.forEach((p, i) => {
      if (!known.has(p.institutionId)) problems.push({ field: `partners.${i}.institutionId`, reason: 'unknown_reference' });
      if (seen.has(p.institutionId)) problems.push({ field: `partners.${i}.institutionId`, reason: 'duplicate' });
      seen.add(p.institutionId);
    });
    if (problems.length) throw ofConference(index, invalidFields(...problems));
  });
}

/**
 * Proposes many conferences at once, each taken through `steps` (approved → held → closed …) as
 * transitionConference would take it, one step after the other with the step's date: what the
 * demo's hundreds of conferences write instead of a createConference and a transitionConference
 * per step each. Checked as those are (the host unit within the actor's reach, each unit once;
 * the co-organizers; each step by the conference's description, the office's steps for the
 * office), then written in a statement each: the conferences in their final status with the
 * steps' dates and summary and the version they would have reached, their co-organizers, their
 * ledger rows (the declared foreign participants once held: none has an attendee list yet) and
 * one audit row each, the conference as created. A refusal names the conference by its index:
 * `<index>.<field>`. No step sends a message: the one who asked for each step is the actor taking the next one.
 */
export function createConferences(ctx: RequestContext, options: { conferences: Array<{ input: Input; steps: ConferenceStepInput[] }> }): Promise<Conference[]> {
  const { conferences } = options;
  return ctx.transaction(async (tx) => {
    if (conferences.length === 0) return [];
    await checkConferences(tx, conferences.map((c) => c.input));
    const values = conferences.map(({ input, steps }, index) => {
      const { partners: _p, ...fields } = input;
      let current: { status: ConferenceStatus } & Record<string, unknown> = { ...fields, status: 'proposed', summary: null, summarySubmittedOn: null };
      if (steps.length && !roleMay(tx.actor.role, CONFERENCE_KIND.policy, 'update')) throw ofConference(index, forbidden());
      for (const step of steps) {
        const inputs = { to: step.to, on: step.on, ...(step.summary !== undefined ? { summary: step.summary } : {}) };
        const plan = planStep(CONFERENCE_KIND, current, { to: step.to, on: step.on, onGiven: true, inputs }, tx.actor.role);
        if (plan.kind === 'forbidden') throw ofConference(index, forbidden());
        if (plan.kind === 'illegal' || plan.problems.length) throw ofConference(index, invalidFields(...plan.problems));
        current = { ...current, ...plan.values };
      }
      return { ...current, searchText: titleSearch(input), version: 1 + steps.length };
    });
    const ids = await insertConferences(tx, values);
    await insertPartnersOfConferences(tx, ids.map((id, i) => ({ id, partners: conferences[i]!.input.partners })));
    const written = await findConferences(unscoped(tx), ids, officeToday());
    await addLedgerRows(tx, ENTITY, written.map((c) => ({ id: c.id, document: `declared foreign participants of conference ${c.id}`, entries: conferenceLedgerEntries(c, []) })));
    await recordAudits(tx, tx.actor, written.map((c) => ({ action: 'create' as const, entity: ENTITY, entityId: c.id, unitId: c.hostUnitId, after: audited(c) })));
    return written;
  });
}

/** Changes a conference's fields, if `version` is current and it is within the actor's reach; its ledger rows follow. */
export async function updateConference(ctx: RequestContext, options: { id: number; input: z.output<typeof ConferenceUpdate> }): Promise<Conference> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = await conferenceForWrite(tx, id, version);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input>;
    const merged = { ...current, ...given } as Input;
    await checkConference(tx, merged);
    const { partners, ...fields } = given;
    const row = await changedBy(tx, current, async () => {
      await updateConferenceRow(tx, id, { ...fields, searchText: titleSearch(merged) });
      if (partners) await replaceConferencePartners(tx, id, partners);
      return reloadConference(tx, id);
    });
    if (!row) return current;
    await writeConferenceLedger(tx, row);
    await tx.audit({ action: 'update', entity: ENTITY, entityId: id, unitId: row.hostUnitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** What is special to a conference's step: its record locked within reach, and its ledger rows rewritten. */
const conferenceSteps: TransitionHooks<ConferenceStatus, Conference> = {
  load: (tx, id) => findConference(tx, id, officeToday(), true),
  async apply(tx, current, values) {
    await updateConferenceRow(tx, current.id, values);
    const row = await reloadConference(tx, current.id);
    await writeConferenceLedger(tx, row);
    return row;
  },
  audited,
  unitOf: (c) => c.hostUnitId,
};

/** Moves a conference one step, dated `on` (default today), as its description says (shared/kinds/conference.ts). */
export function transitionConference(ctx: RequestContext, options: { id: number; input: z.output<typeof ConferenceTransition> }): Promise<Conference> {
  return runTransition(ctx, CONFERENCE_KIND, conferenceSteps, options);
}

/** Deletes a conference and its ledger rows; a closed one is part of the reported figures and stays. */
export async function deleteConference(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = await conferenceForWrite(tx, id, version);
    if (!DELETABLE_CONFERENCE_STATUSES.includes(current.status)) throw new DomainError('conference_not_deletable', 'conflict');
    await replaceLedgerRows(tx, { module: 'conference', id }, []);
    await deleteConferenceRow(tx, id);
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: id, unitId: current.hostUnitId, before: audited(current) });
  });
}

/** One conference within the actor's reach, derived values at `asOf` (default today). */
export async function getConference(ctx: Scoped, options: { id: number; asOf?: string }): Promise<Conference> {
  const row = await findConference(ctx, options.id, options.asOf ?? officeToday());
  if (!row) throw notFound();
  return row;
}

/** Summaries overdue on `asOf` (default today), counted per host unit, within the actor's reach. */
export async function getOverdueSummaries(ctx: Scoped, options: { asOf?: string }): Promise<OverdueSummaries> {
  const asOf = options.asOf ?? officeToday();
  const items = await overdueConferences(ctx, asOf);
  const perUnit = new Map<number, number>();
  for (const c of items) perUnit.set(c.hostUnitId, (perUnit.get(c.hostUnitId) ?? 0) + 1);
  return { asOf, byUnit: [...perUnit].map(([unitId, overdue]) => ({ unitId, overdue })), items };
}

/** The conferences a person attended, within the actor's reach: the expert's page reads this. */
export function conferencesAttendedBy(ctx: Scoped, options: { personId: number }): Promise<ExpertConference[]> {
  return conferencesOfPerson(ctx, options.personId);
}

/**
 * "Has hosted N international conferences": held or closed, starting in [from, to], within the
 * actor's reach. The same query as the list filtered by `counted=true&from=…&to=…`, so the
 * figure and its records cannot drift apart.
 */
export async function countConferencesHosted(ctx: Scoped, options: { from?: string; to: string }): Promise<number> {
  const { total } = await listConferences(ctx, options.to, {
    counted: 'true',
    ...(options.from ? { from: options.from } : {}),
    to: options.to,
    sort: 'startDate',
    order: 'asc',
    page: 1,
    pageSize: 1,
  });
  return total;
}

/** The conferences within the caller's reach by their titles (a file of attendees names its conference by number or title). */
export async function getConferenceTitles(ctx: Scoped): Promise<Array<{ id: number; titleEn: string; titleZh: string; titleFr: string | null }>> {
  return conferenceTitles(ctx);
}
