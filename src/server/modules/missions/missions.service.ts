import type { z } from 'zod';
import { DomainError, forbidden, invalidFields, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { assertFieldWrites } from '../../policies/field-writes.ts';
import { searchText } from '../../search/normalize.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  type Mission,
  type MissionInput,
  type MissionOverdueReports,
  type MissionStatus,
  type MissionTransition,
  type MissionUpdate,
} from '../../../shared/contracts/missions.ts';
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
import { MISSION_KIND } from '../../../shared/kinds/mission.ts';
import { runTransition } from '../../workflow/run-transition.ts';
import { planStep } from '../../workflow/plan-step.ts';
import { roleMay } from '../../../shared/policies.ts';
import { addLedgerRows } from '../ledger/ledger.write.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import { missionLedgerEntries, resolveMission } from './missions.rules.ts';
import {
  deleteMissionRow,
  findMission,
  findMissions,
  insertMissions,
  insertPartsOfMissions,
  institutionCountries,
  insertMission,
  listMissions,
  knownCountries,
  overdueMissions,
  reachablePeople,
  replaceDestinations,
  replaceMissionMembers,
  unitExists,
  updateMissionRow,
} from './missions.repo.ts';

type Input = z.output<typeof MissionInput>;
type Itinerary = Pick<Input, 'unitId' | 'destinations' | 'members'>;

/** The record as the audit log keeps it: stored fields, not the states derived at a date. */
function audited(m: Mission): object {
  const { reportDueOn: _d, reportOverdue: _o, ...stored } = m;
  return stored;
}

/**
 * Checks the unit, the destinations and the members against the actor's reach and the
 * records they name, and returns them with their defaults applied. A coordinator sends only
 * their own unit's missions and names only people of their unit, except those already on it.
 */
async function checkMission(tx: TxContext, mission: Itinerary, alreadyMembers: number[]) {
  const problems: FieldProblem[] = [];
  if (!(await unitExists(tx, mission.unitId))) problems.push({ field: 'unitId', reason: 'unknown_reference' });
  else if (tx.scope !== null && !(await unitContains(tx, tx.scope, mission.unitId))) problems.push({ field: 'unitId', reason: 'not_allowed' });
  const personIds = [...new Set(mission.members.map((m) => m.personId))];
  const people = await reachablePeople(tx, personIds);
  if (tx.scope !== null) for (const id of (await reachablePeople(unscoped(tx), alreadyMembers)).values()) people.add(id);
  const institutions = await institutionCountries(tx, mission.destinations.flatMap((d) => (d.institutionId != null ? [d.institutionId] : [])));
  const codes = [...mission.destinations.flatMap((d) => (d.countryCode ? [d.countryCode] : [])), ...institutions.values()];
  const resolved = resolveMission(mission, { people, institutions, countries: await knownCountries(tx, codes) });
  problems.push(...resolved.problems);
  if (problems.length) throw invalidFields(...problems);
  return resolved;
}

const missionSearch = (m: Pick<Input, 'titleEn' | 'titleZh' | 'approvalDocumentNo' | 'invitationReference'>) =>
  searchText(m.titleEn, m.titleZh, m.approvalDocumentNo, m.invitationReference);

/** Missions as the movements' core reads, writes and audits them. */
const MISSION: MovementKind<Mission, MissionStatus, string> = {
  description: MISSION_KIND,
  find: findMission,
  today: officeToday,
  unitOf: (m) => m.unitId,
  audited,
  ledger: missionLedgerEntries,
  notEditable: 'mission_not_editable',
  notDeletable: 'mission_not_deletable',
  deleteRow: deleteMissionRow,
};

/** Records a request to send staff abroad; a coordinator's mission is sent by their unit. */
export function createMission(ctx: RequestContext, options: { input: Input }): Promise<Mission> {
  const { input } = options;
  return createMovement(MISSION, ctx, async (tx) => {
    const { destinations, members } = await checkMission(tx, input, []);
    const { members: _m, destinations: _d, requestedOn, ...fields } = input;
    const id = await insertMission(tx, { ...fields, status: 'requested', requestedOn: requestedOn ?? officeToday(), searchText: missionSearch(input) });
    await replaceDestinations(tx, id, destinations);
    await replaceMissionMembers(tx, id, members);
    return id;
  });
}

/** A step of a mission being created with others (createMissions): the step's target, its date and what it carries. */
export type MissionStepInput = Partial<Omit<z.output<typeof MissionTransition>, 'version' | 'to' | 'on'>> & Pick<z.output<typeof MissionTransition>, 'to'> & { on: string };

/** A refusal of the mission at `index` of a batch, its fields named `<index>.<field>` (a refusal without fields on `<index>.to`). */
function ofMission(index: number, error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const fields = error.extra.fields?.length ? error.extra.fields : [{ field: 'to', reason: error.code }];
  return new DomainError(error.code, error.kind, { ...error.extra, fields: fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
}

/**
 * Checks many new missions' units, destinations and members at once, as checkMission checks
 * one: each unit once, the people, institutions and countries they name in one query each.
 * Returns each mission's destinations and members with their defaults, or the problems of the
 * first mission that has any, with its index.
 */
async function checkMissions(tx: TxContext, missions: Itinerary[]): Promise<Array<Pick<ReturnType<typeof resolveMission>, 'destinations' | 'members'>>> {
  const units = new Map<number, FieldProblem | null>();
  for (const unitId of new Set(missions.map((m) => m.unitId))) {
    if (!(await unitExists(tx, unitId))) units.set(unitId, { field: 'unitId', reason: 'unknown_reference' });
    else if (tx.scope !== null && !(await unitContains(tx, tx.scope, unitId))) units.set(unitId, { field: 'unitId', reason: 'not_allowed' });
    else units.set(unitId, null);
  }
  const people = await reachablePeople(tx, [...new Set(missions.flatMap((m) => m.members.map((p) => p.personId)))]);
  const institutions = await institutionCountries(tx, [...new Set(missions.flatMap((m) => m.destinations.flatMap((d) => (d.institutionId != null ? [d.institutionId] : []))))]);
  const codes = [...new Set([...missions.flatMap((m) => m.destinations.flatMap((d) => (d.countryCode ? [d.countryCode] : []))), ...institutions.values()])];
  const countries = await knownCountries(tx, codes);
  return missions.map((mission, index) => {
    const unit = units.get(mission.unitId);
    const resolved = resolveMission(mission, { people, institutions, countries });
    const problems = [...(unit ? [unit] : []), ...resolved.problems];
    if (problems.length) throw ofMission(index, invalidFields(...problems));
    return resolved;
  });
}

/**
 * Records many missions at once, each taken through `steps` (requested → approved → travelled …)
 * as transitionMission would take it, one step after the other with the step's date: what the
 * demo's hundreds of missions write instead of a createMission and a transitionMission per step
 * each. Checked as those are (the unit within the actor's reach, each unit once; the destinations
 * and members; each step by the mission's description, the office's steps for the office), then
 * written in a statement each: the missions in their final status with every date and number the
 * steps stamped and the version they would have reached, their destinations and members, their
 * person-times (addLedgerRows, the rollups with them) and one audit row each, the mission as
 * created (recordAudits). A refusal names the mission by its index: `<index>.<field>`. No step
 * sends a message: the one who asked for each step is the actor taking the next one.
 */
export function createMissions(ctx: RequestContext, options: { missions: Array<{ input: Input; steps: MissionStepInput[] }> }): Promise<Mission[]> {
  const { missions } = options;
  return ctx.transaction(async (tx) => {
    if (missions.length === 0) return [];
    const parts = await checkMissions(tx, missions.map((m) => m.input));
    const values = missions.map(({ input, steps }, index) => {
      const { members: _m, destinations: _d, requestedOn, ...fields } = input;
      let current: { status: MissionStatus } & Record<string, unknown> = { ...fields, status: 'requested', requestedOn: requestedOn ?? officeToday(), report: null };
      if (steps.length && !roleMay(tx.actor.role, MISSION_KIND.policy, 'update')) throw ofMission(index, forbidden());
      for (const step of steps) {
        // The step's inputs as runTransition passes them: its texts (and nulls), its date and target.
        const inputs = Object.fromEntries(Object.entries(step).filter(([, v]) => typeof v === 'string' || v === null)) as Record<string, string | null>;
        const plan = planStep(MISSION_KIND, current, { to: step.to, on: step.on, onGiven: true, inputs }, tx.actor.role);
        if (plan.kind === 'forbidden') throw ofMission(index, forbidden());
        if (plan.kind === 'illegal' || plan.problems.length) throw ofMission(index, invalidFields(...plan.problems));
        current = { ...current, ...plan.values };
      }
      return { ...current, searchText: missionSearch({ ...input, approvalDocumentNo: (current.approvalDocumentNo as string | null | undefined) ?? input.approvalDocumentNo }), version: 1 + steps.length };
    });
    const ids = await insertMissions(tx, values);
    await insertPartsOfMissions(tx, ids.map((id, i) => ({ id, ...parts[i]! })));
    const written = await findMissions(unscoped(tx), ids, officeToday());
    await addLedgerRows(tx, MISSION_KIND.audit, written.map((m) => ({ id: m.id, entries: missionLedgerEntries(m) })));
    await recordAudits(tx, tx.actor, written.map((m) => ({ action: 'create' as const, entity: MISSION_KIND.audit, entityId: m.id, unitId: m.unitId, after: audited(m) })));
    return written;
  });
}

/**
 * Changes a mission's fields, if `version` is current and the mission is within the actor's
 * reach. A travelled mission's person-times are rewritten from the result in the same transaction.
 */
export function updateMission(ctx: RequestContext, options: { id: number; input: z.output<typeof MissionUpdate> }): Promise<Mission> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return updateMovement(MISSION, ctx, { id, version }, async (tx, current) => {
    // The role's rights were checked on the body as sent; what the mission's state has put on file is checked here.
    assertFieldWrites(tx.actor, 'mission', changes, current.status);
    const given = givenFields(changes) as Partial<Input> & { report?: string | null };
    const merged = {
      ...current,
      ...given,
      destinations: given.destinations ?? current.destinations.map((d) => ({ countryCode: d.countryCode, institutionId: d.institutionId })),
      members: given.members ?? current.members.map((m) => ({ personId: m.personId, role: m.role })),
    };
    checkChange(current, given, merged, () => {
      // Approval was given on this number: it cannot be emptied afterwards.
      if (current.status !== 'requested' && 'approvalDocumentNo' in given && !given.approvalDocumentNo) throw invalidFields({ field: 'approvalDocumentNo', reason: 'required' });
    });
    const { destinations, members } = await checkMission(tx, merged, current.members.map((m) => m.personId));
    const { members: _m, destinations: _d, ...fields } = given;
    await updateMissionRow(tx, id, { ...fields, searchText: missionSearch(merged) });
    if (given.destinations) await replaceDestinations(tx, id, destinations);
    if (given.members) await replaceMissionMembers(tx, id, members);
  });
}

/** What is special to a mission's step: the approval number kept searchable. */
const missionSteps = movementStepHooks(MISSION, (tx, current, values) => {
  const number = values.approvalDocumentNo as string | undefined;
  return updateMissionRow(tx, current.id, number ? { ...values, searchText: missionSearch({ ...current, approvalDocumentNo: number }) } : values);
});

/**
 * Moves a mission one step, dated `on` (default today), as its description says
 * (shared/kinds/mission.ts). Approving and rejecting are the office's: a coordinator gets 403
 * even for their own unit's request.
 */
export function transitionMission(ctx: RequestContext, options: { id: number; input: z.output<typeof MissionTransition> }): Promise<Mission> {
  return runTransition(ctx, MISSION_KIND, missionSteps, options);
}

/** Deletes a request nobody has decided on; one that was approved or rejected stays on file (cancel it instead). */
export function deleteMission(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return deleteMovement(MISSION, ctx, options);
}

/** Deletes a mission an import created, whatever its status, its person-times with it (imports/import-undo.ts: the undo of an import). */
export function deleteImportedMission(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  return deleteMovement(MISSION, ctx, options, { anyStatus: true });
}

/** One mission within the actor's reach, with its states derived at `asOf` (default today). */
export function getMission(ctx: Scoped, options: { id: number; asOf?: string }): Promise<Mission> {
  return getMovement(MISSION, ctx, options.id, options.asOf);
}

/** Travelled missions whose report is overdue at `asOf` (default today), per unit, within the actor's reach. */
export async function getMissionOverdueReports(ctx: Scoped, options: { asOf?: string }): Promise<MissionOverdueReports> {
  const asOf = options.asOf ?? officeToday();
  return overdueByUnit(asOf, await overdueMissions(ctx, asOf), 'missions');
}

/** The missions within the caller's reach the list's filters select (derived at `asOf`), the first `max` with their total (an export). */
export function listMissionsForExport(ctx: Scoped, options: { asOf: string; query: Omit<Parameters<typeof listMissions>[2], 'page' | 'pageSize'>; max: number }) {
  return listMissions(ctx, options.asOf, { ...options.query, page: 1, pageSize: options.max });
}
