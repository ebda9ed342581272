import type { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { DomainError, currentVersion, invalidFields, notFound, type FieldProblem } from '../../core/errors.ts';
import { unscoped, type RequestContext, type Scoped, type TxContext } from '../../core/request-context.ts';
import { assertFieldWrites } from '../../policies/field-writes.ts';
import { searchText } from '../../search/normalize.ts';
import { officeToday } from '../../../shared/calendar.ts';
import {
  MISSION_DELETABLE_STATUSES,
  MISSION_FROZEN_STATUSES,
  type Mission,
  type MissionInput,
  type MissionOverdueReports,
  type MissionStatus,
  type MissionTransition,
  type MissionUpdate,
} from '../../../shared/contracts/missions.ts';
import { replaceLedgerRows } from '../ledger/ledger.write.ts';
import { unitContains } from '../units/units.service.ts';
import { MISSION_KIND } from '../../../shared/kinds/mission.ts';
import { runTransition, type TransitionHooks } from '../../workflow/run-transition.ts';
import { missionLedgerEntries, resolveMission } from './missions.rules.ts';
import {
  deleteMissionRow,
  findMission,
  institutionCountries,
  insertMission,
  knownCountries,
  overdueMissions,
  reachablePeople,
  replaceDestinations,
  replaceMissionMembers,
  unitExists,
  updateMissionRow,
} from './missions.repo.ts';

const ENTITY = 'mission';
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

async function reload(tx: Queryable, id: number): Promise<Mission> {
  return (await findMission(unscoped(tx), id, officeToday()))!;
}

/** Rewrites the mission's person-times from the record as it now stands: none unless travelled or closed. */
function writeLedger(tx: Queryable, mission: Mission): Promise<void> {
  return replaceLedgerRows(tx, { module: ENTITY, id: mission.id }, missionLedgerEntries(mission));
}

/** Records a request to send staff abroad; a coordinator's mission is sent by their unit. */
export async function createMission(ctx: RequestContext, options: { input: Input }): Promise<Mission> {
  const { input } = options;
  return ctx.transaction(async (tx) => {
    const { destinations, members } = await checkMission(tx, input, []);
    const { members: _m, destinations: _d, requestedOn, ...fields } = input;
    const id = await insertMission(tx, { ...fields, status: 'requested', requestedOn: requestedOn ?? officeToday(), searchText: missionSearch(input) });
    await replaceDestinations(tx, id, destinations);
    await replaceMissionMembers(tx, id, members);
    const row = await reload(tx, id);
    await writeLedger(tx, row);
    await tx.audit({ action: 'create', entity: ENTITY, entityId: id, unitId: row.unitId, after: audited(row) });
    return row;
  });
}

/**
 * Changes a mission's fields, if `version` is current and the mission is within the actor's
 * reach. A travelled mission's person-times are rewritten from the result in the same transaction.
 */
export async function updateMission(ctx: RequestContext, options: { id: number; input: z.output<typeof MissionUpdate> }): Promise<Mission> {
  const { id } = options;
  const { version, ...changes } = options.input;
  return ctx.transaction(async (tx) => {
    const current = currentVersion(await findMission(tx, id, officeToday(), true), version);
    if (MISSION_FROZEN_STATUSES.includes(current.status)) throw new DomainError('mission_not_editable', 'conflict');
    // The role's rights were checked on the body as sent; what the mission's state has put on file is checked here.
    assertFieldWrites(tx.actor, 'mission', changes, current.status);
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Input> & { report?: string | null };
    const merged = {
      ...current,
      ...given,
      destinations: given.destinations ?? current.destinations.map((d) => ({ countryCode: d.countryCode, institutionId: d.institutionId })),
      members: given.members ?? current.members.map((m) => ({ personId: m.personId, role: m.role })),
    };
    if (merged.endDate < merged.startDate) throw invalidFields({ field: given.endDate ? 'endDate' : 'startDate', reason: 'end_before_start' });
    // Approval was given on this number, and closing submitted the report: neither can be emptied afterwards.
    if (current.status !== 'requested' && 'approvalDocumentNo' in given && !given.approvalDocumentNo) throw invalidFields({ field: 'approvalDocumentNo', reason: 'required' });
    if (current.status === 'closed' && 'report' in given && !given.report) throw invalidFields({ field: 'report', reason: 'required' });
    const { destinations, members } = await checkMission(tx, merged, current.members.map((m) => m.personId));
    const { members: _m, destinations: _d, ...fields } = given;
    await updateMissionRow(tx, id, { ...fields, searchText: missionSearch(merged) });
    if (given.destinations) await replaceDestinations(tx, id, destinations);
    if (given.members) await replaceMissionMembers(tx, id, members);
    const row = await reload(tx, id);
    await writeLedger(tx, row);
    await tx.audit({ action: 'update', entity: ENTITY, entityId: id, unitId: row.unitId, before: audited(current), after: audited(row) });
    return row;
  });
}

/** What is special to a mission's step: its record locked within reach, and the approval number kept searchable. */
const missionSteps: TransitionHooks<MissionStatus, Mission> = {
  load: (tx, id) => findMission(tx, id, officeToday(), true),
  async apply(tx, current, values) {
    const number = values.approvalDocumentNo as string | undefined;
    await updateMissionRow(tx, current.id, number ? { ...values, searchText: missionSearch({ ...current, approvalDocumentNo: number }) } : values);
    const row = await reload(tx, current.id);
    await writeLedger(tx, row);
    return row;
  },
  audited,
  unitOf: (m) => m.unitId,
};

/**
 * Moves a mission one step, dated `on` (default today), as its description says
 * (shared/kinds/mission.ts). Approving and rejecting are the office's: a coordinator gets 403
 * even for their own unit's request.
 */
export function transitionMission(ctx: RequestContext, options: { id: number; input: z.output<typeof MissionTransition> }): Promise<Mission> {
  return runTransition(ctx, MISSION_KIND, missionSteps, options);
}

/** Deletes a request nobody has decided on; one that was approved or rejected stays on file (cancel it instead). */
export async function deleteMission(ctx: RequestContext, options: { id: number; version: number }): Promise<void> {
  const { id, version } = options;
  await ctx.transaction(async (tx) => {
    const current = currentVersion(await findMission(tx, id, officeToday(), true), version);
    if (!MISSION_DELETABLE_STATUSES.includes(current.status)) throw new DomainError('mission_not_deletable', 'conflict');
    await replaceLedgerRows(tx, { module: ENTITY, id }, []);
    await deleteMissionRow(tx, id);
    await tx.audit({ action: 'delete', entity: ENTITY, entityId: id, unitId: current.unitId, before: audited(current) });
  });
}

/** One mission within the actor's reach, with its states derived at `asOf` (default today). */
export async function getMission(ctx: Scoped, options: { id: number; asOf?: string }): Promise<Mission> {
  const row = await findMission(ctx, options.id, options.asOf ?? officeToday());
  if (!row) throw notFound();
  return row;
}

/** Travelled missions whose report is overdue at `asOf` (default today), per unit, within the actor's reach. */
export async function getMissionOverdueReports(ctx: Scoped, options: { asOf?: string }): Promise<MissionOverdueReports> {
  const asOf = options.asOf ?? officeToday();
  const rows = await overdueMissions(ctx, asOf);
  const units = new Map<number, MissionOverdueReports['units'][number]>();
  for (const { unitId, code, nameEn, nameZh, nameFr, ...mission } of rows) {
    const unit = units.get(unitId) ?? { unitId, code, nameEn, nameZh, nameFr, count: 0, missions: [] };
    unit.missions.push(mission);
    unit.count += 1;
    units.set(unitId, unit);
  }
  return { asOf, total: rows.length, units: [...units.values()] };
}
