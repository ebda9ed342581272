import { insertVersionedRows } from '../../db/columns.ts';
import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { Where } from '../../db/where.ts';
import { MISSION_COUNTED_STATUSES, type Mission, type MemberRole } from '../../../shared/contracts/missions.ts';
import {
  derivedAt,
  findMovement,
  insertMovement,
  listMovements,
  movementColumns,
  movementWritable,
  overdueMovements,
  peopleFacts,
  replaceOrdered,
  updateMovementRow,
  deleteMovementRow,
  type MovementFilters,
  type MovementPageQuery,
  type MovementTable,
  type OverdueRow,
} from '../movements/movement-sql.ts';

export { institutionCountries, knownCountries, unitExists } from '../movements/movement-sql.ts';

/** Where missions are stored: sent by one of our units, counted once travelled. Destinations and members live in their own tables. */
const MISSIONS: MovementTable = {
  kind: 'missions',
  table: 'missions',
  alias: 'ms',
  unitColumn: 'unit_id',
  people: { table: 'mission_members', key: 'mission_id' },
  tookPlace: 'travelled',
  counted: MISSION_COUNTED_STATUSES,
  writable: movementWritable(
    { unitId: 'unit_id' },
    { fundingSource: 'funding_source', approvalDocumentNo: 'approval_document_no', invitationReference: 'invitation_reference' },
    { travelledOn: 'travelled_on' },
  ),
};

export type MissionValues = Partial<Record<keyof Mission | 'searchText', unknown>>;

/** A destination as stored. */
export interface DestinationRow {
  countryCode: string;
  institutionId: number | null;
}

/** A member as stored. */
export interface MemberRow {
  personId: number;
  role: MemberRole;
}

const MEMBERS = `coalesce((SELECT json_agg(json_build_object(
    'personId', m.person_id, 'familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh, 'title', p.title,
    'role', m.role) ORDER BY m.position, m.person_id)
  FROM mission_members m JOIN people p ON p.id = m.person_id WHERE m.mission_id = ms.id), '[]'::json)`;

const DESTINATIONS = `coalesce((SELECT json_agg(json_build_object(
    'countryCode', d.country_code, 'institutionId', d.institution_id, 'institutionNameEn', i.name_en, 'institutionNameZh', i.name_zh)
    ORDER BY d.position)
  FROM mission_destinations d LEFT JOIN institutions i ON i.id = d.institution_id WHERE d.mission_id = ms.id), '[]'::json)`;

/** The derived values at `asOf` and the columns read with them. */
function derived(where: Where, asOf: string) {
  const d = derivedAt(MISSIONS, where, asOf);
  return { where, d, select: movementColumns(MISSIONS, d, { unitNameEn: 'u.name_en', unitNameZh: 'u.name_zh', unitNameFr: 'u.name_fr', destinations: DESTINATIONS, members: MEMBERS }) };
}

/** Text searched by `q`: the titles, numbers and notes, the members' names and the host institutions as they are now. */
const SEARCHED = `(ms.search_text || ' ' || coalesce((SELECT string_agg(p.search_text, ' ')
  FROM mission_members m JOIN people p ON p.id = m.person_id WHERE m.mission_id = ms.id), '') || ' ' ||
  coalesce((SELECT string_agg(i.search_text, ' ') FROM mission_destinations x JOIN institutions i ON i.id = x.institution_id WHERE x.mission_id = ms.id), ''))`;

const stop = (condition: string) => `EXISTS (SELECT 1 FROM mission_destinations x WHERE x.mission_id = ms.id AND ${condition})`;
const PLACES = {
  country: stop('x.country_code = ?'),
  institutionId: stop('x.institution_id = ?'),
  personId: 'EXISTS (SELECT 1 FROM mission_members m WHERE m.mission_id = ms.id AND m.person_id = ?)',
};

export type MissionFilters = MovementFilters;

const SORTS: Record<string, string> = {
  startDate: 'ms.start_date',
  endDate: 'ms.end_date',
  titleEn: 'ms.title_en',
  updatedAt: 'ms.updated_at',
};

/** A page of missions within the caller's reach, with their derived states at `asOf`. */
export function listMissions(db: Scoped, asOf: string, query: MissionFilters & MovementPageQuery) {
  return listMovements<Mission>(MISSIONS, db, { ...derived(new Where(), asOf), searched: SEARCHED, places: PLACES, sorts: SORTS }, query);
}

/** One mission within the caller's reach, with its derived states at `asOf`; `lock` for a write. */
export function findMission(db: Scoped, id: number, asOf: string, lock = false): Promise<Mission | null> {
  return findMovement<Mission>(MISSIONS, db, id, derived(new Where(), asOf), lock);
}

/** Inserts a mission row (destinations and members are written by their own functions). */
export const insertMission = (db: Queryable, values: MissionValues) => insertMovement(MISSIONS, db, values);

/** Writes the given fields and bumps the version. */
export const updateMissionRow = (db: Queryable, id: number, values: MissionValues) => updateMovementRow(MISSIONS, db, id, values);

/** Deletes a mission (its destinations and members go with it). */
export const deleteMissionRow = (db: Queryable, id: number) => deleteMovementRow(MISSIONS, db, id);

/** Replaces the members of a mission, keeping their order. */
export function replaceMissionMembers(db: Queryable, id: number, members: MemberRow[]): Promise<void> {
  return replaceOrdered(db, MISSIONS.people, id, { person_id: 'bigint', role: 'text' }, members.map((m) => ({ person_id: m.personId, role: m.role })));
}

/** Replaces the itinerary of a mission, keeping its order. */
export function replaceDestinations(db: Queryable, id: number, destinations: DestinationRow[]): Promise<void> {
  const rows = destinations.map((d) => ({ country_code: d.countryCode, institution_id: d.institutionId }));
  return replaceOrdered(db, { table: 'mission_destinations', key: 'mission_id' }, id, { country_code: 'text', institution_id: 'bigint' }, rows);
}

/** Which of `ids` are people within the caller's reach. */
export async function reachablePeople(db: Scoped, ids: number[]): Promise<Set<number>> {
  return new Set((await peopleFacts(db, ids)).keys());
}

/** Travelled missions within the caller's reach whose report is overdue at `asOf`, with their units, the longest overdue first per unit. */
export const overdueMissions = (db: Scoped, asOf: string): Promise<OverdueRow[]> => overdueMovements(MISSIONS, db, asOf);

/**
 * Inserts many mission rows in one statement, each with the version its steps brought it to,
 * and returns their ids in the order given (their destinations and members: insertPartsOfMissions).
 */
export function insertMissions(db: Queryable, values: Array<MissionValues & { version: number }>): Promise<number[]> {
  return insertVersionedRows(db, 'missions', MISSIONS.writable, values);
}

/** Writes the destinations and members of many new missions (none has any yet), a statement each, each mission's in their order. */
export async function insertPartsOfMissions(db: Queryable, missions: Array<{ id: number; destinations: DestinationRow[]; members: MemberRow[] }>): Promise<void> {
  const destinations = missions.flatMap((m) => m.destinations.map((d, position) => ({ mission_id: m.id, country_code: d.countryCode, institution_id: d.institutionId, position })));
  const members = missions.flatMap((m) => m.members.map((p, position) => ({ mission_id: m.id, person_id: p.personId, role: p.role, position })));
  if (destinations.length)
    await db.query(
      `INSERT INTO mission_destinations (mission_id, country_code, institution_id, position)
       SELECT r.mission_id, r.country_code, r.institution_id, r.position
       FROM json_to_recordset($1::json) AS r(mission_id bigint, country_code text, institution_id bigint, position int)`,
      [JSON.stringify(destinations)],
    );
  if (members.length)
    await db.query(
      `INSERT INTO ${MISSIONS.people.table} (${MISSIONS.people.key}, person_id, role, position)
       SELECT r.mission_id, r.person_id, r.role, r.position
       FROM json_to_recordset($1::json) AS r(mission_id bigint, person_id bigint, role text, position int)`,
      [JSON.stringify(members)],
    );
}

/** Missions by id within the caller's reach, with their derived states at `asOf`, in the order of their ids. */
export async function findMissions(db: Scoped, ids: number[], asOf: string): Promise<Mission[]> {
  if (ids.length === 0) return [];
  const q = derived(new Where(), asOf);
  q.where.when(ids, `${MISSIONS.alias}.id = ANY(?::bigint[])`).scope(`${MISSIONS.alias}.${MISSIONS.unitColumn}`, db.scope);
  const { rows } = await db.query<Mission>(`SELECT ${q.select} FROM ${q.d.from} ${q.where} ORDER BY ${MISSIONS.alias}.id`, q.where.params);
  return rows;
}
