import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { isoTimestamp, insertVersionedRows } from '../../db/columns.ts';
import { Where } from '../../db/where.ts';
import { COUNTED_STATUSES, levelsAtOrAbove, PROTOCOL_LEVELS, type ProtocolLevel, type Visit } from '../../../shared/contracts/visits.ts';
import {
  derivedAt,
  findMovement,
  insertMovement,
  listMovements,
  movementColumns,
  movementWritable,
  overdueMovements,
  replaceOrdered,
  updateMovementRow,
  deleteMovementRow,
  type MovementFilters,
  type MovementPageQuery,
  type MovementTable,
  type OverdueRow,
} from '../movements/movement-sql.ts';

/** Where visits are stored: hosted by one of our units, counted once held. Members live in their own table. */
const VISITS: MovementTable = {
  kind: 'visits',
  table: 'visits',
  alias: 'v',
  unitColumn: 'host_unit_id',
  people: { table: 'visit_members', key: 'visit_id' },
  tookPlace: 'held',
  counted: COUNTED_STATUSES,
  writable: movementWritable({ hostUnitId: 'host_unit_id' }, { protocolLevel: 'protocol_level', receivingOfficial: 'receiving_official' }, { heldOn: 'held_on' }),
};

export type VisitValues = Partial<Record<keyof Visit | 'searchText', unknown>>;

/** How the derived states are read: at a date, against a protocol threshold. */
export interface Derivation {
  asOf: string;
  protocolThreshold: ProtocolLevel;
}

/** The member as stored, before names are joined. */
export interface MemberRow {
  personId: number;
  roleInDelegation: string | null;
  institutionId: number | null;
  countryCode: string;
}

const MEMBERS = `coalesce((SELECT json_agg(json_build_object(
    'personId', m.person_id, 'familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh, 'title', p.title,
    'roleInDelegation', m.role_in_delegation, 'institutionId', m.institution_id,
    'institutionNameEn', i.name_en, 'institutionNameZh', i.name_zh, 'countryCode', m.country_code) ORDER BY m.position, m.person_id)
  FROM visit_members m JOIN people p ON p.id = m.person_id LEFT JOIN institutions i ON i.id = m.institution_id
  WHERE m.visit_id = v.id), '[]'::json)`;

const FILES = `coalesce((SELECT json_agg(json_build_object(
    'id', f.id, 'fileName', f.file_name, 'mediaType', f.media_type, 'sizeBytes', f.size_bytes,
    'sha256', f.sha256, 'createdAt', ${isoTimestamp('f.created_at')}) ORDER BY f.id)
  FROM visit_files f WHERE f.visit_id = v.id), '[]'::json)`;

/** The derived values at `at` (the movement's, and whether the visit is notable) and the columns read with them. */
function derived(where: Where, at: Derivation) {
  const d = derivedAt(VISITS, where, at.asOf, () => `, v.protocol_level = ANY(${where.param(levelsAtOrAbove(at.protocolThreshold))}::text[]) AS notable`);
  const notable = 'd.notable';
  const select = movementColumns(VISITS, d, { hostUnitNameEn: 'u.name_en', hostUnitNameZh: 'u.name_zh', hostUnitNameFr: 'u.name_fr', members: MEMBERS, files: FILES }, { notable });
  return { where, d, notable, select };
}

/** Text searched by `q`: the visit's titles and notes, and its visitors' names and institutions as they are now. */
const SEARCHED = `(v.search_text || ' ' || coalesce((SELECT string_agg(p.search_text || ' ' || coalesce(i.search_text, ''), ' ')
  FROM visit_members m JOIN people p ON p.id = m.person_id LEFT JOIN institutions i ON i.id = m.institution_id WHERE m.visit_id = v.id), ''))`;

const member = (condition: string) => `EXISTS (SELECT 1 FROM visit_members m WHERE m.visit_id = v.id AND ${condition})`;
const PLACES = { country: member('m.country_code = ?'), institutionId: member('m.institution_id = ?'), personId: member('m.person_id = ?') };

export interface VisitFilters extends MovementFilters {
  notable?: 'true' | 'false';
}

const SORTS: Record<string, string> = {
  startDate: 'v.start_date',
  endDate: 'v.end_date',
  titleEn: 'v.title_en',
  // Highest level first in ascending order, as the contract ranks them.
  protocolLevel: `array_position(ARRAY[${PROTOCOL_LEVELS.map((l) => `'${l}'`).join(',')}], v.protocol_level)`,
  updatedAt: 'v.updated_at',
};

/** A page of visits within the caller's reach, with their derived states at `at`. */
export function listVisits(db: Scoped, at: Derivation, query: VisitFilters & MovementPageQuery) {
  const list = derived(new Where(), at);
  if (query.notable) list.where.raw(query.notable === 'true' ? list.notable : `NOT ${list.notable}`);
  return listMovements<Visit>(VISITS, db, { ...list, searched: SEARCHED, places: PLACES, sorts: SORTS }, query);
}

/** One visit within the caller's reach, with its derived states at `at`; `lock` for a write. */
export function findVisit(db: Scoped, id: number, at: Derivation, lock = false): Promise<Visit | null> {
  return findMovement<Visit>(VISITS, db, id, derived(new Where(), at), lock);
}

/** Inserts a visit row (members are written by `replaceMembers`). */
export const insertVisit = (db: Queryable, values: VisitValues) => insertMovement(VISITS, db, values);

/** Writes the given fields and bumps the version. */
export const updateVisitRow = (db: Queryable, id: number, values: VisitValues) => updateMovementRow(VISITS, db, id, values);

/** Deletes a visit (its members and files go with it). */
export const deleteVisitRow = (db: Queryable, id: number) => deleteMovementRow(VISITS, db, id);

/** Replaces the visitors of a visit, keeping their order. */
export function replaceMembers(db: Queryable, id: number, members: MemberRow[]): Promise<void> {
  const columns = { person_id: 'bigint', role_in_delegation: 'text', institution_id: 'bigint', country_code: 'text' };
  const rows = members.map((m) => ({ person_id: m.personId, role_in_delegation: m.roleInDelegation, institution_id: m.institutionId, country_code: m.countryCode }));
  return replaceOrdered(db, VISITS.people, id, columns, rows);
}

/**
 * Inserts many visit rows in one statement (an import's thousands), each with its `version`,
 * and returns their ids in the order given (members are written by `insertMembersOfVisits`).
 */
export function insertVisits(db: Queryable, values: Array<VisitValues & { version: number }>): Promise<number[]> {
  return insertVersionedRows(db, 'visits', VISITS.writable, values);
}

/** Writes the visitors of many new visits (none has any yet) in one statement, each visit's in their order. */
export async function insertMembersOfVisits(db: Queryable, visits: Array<{ id: number; members: MemberRow[] }>): Promise<void> {
  const rows = visits.flatMap((v) =>
    v.members.map((m, position) => ({ visit_id: v.id, person_id: m.personId, role_in_delegation: m.roleInDelegation, institution_id: m.institutionId, country_code: m.countryCode, position })),
  );
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO ${VISITS.people.table} (${VISITS.people.key}, person_id, role_in_delegation, institution_id, country_code, position)
     SELECT r.visit_id, r.person_id, r.role_in_delegation, r.institution_id, r.country_code, r.position
     FROM json_to_recordset($1::json) AS r(visit_id bigint, person_id bigint, role_in_delegation text, institution_id bigint, country_code text, position int)`,
    [JSON.stringify(rows)],
  );
}

/** Visits by id within the caller's reach, with their derived states at `at`, in the order of their ids. */
export async function findVisits(db: Scoped, ids: number[], at: Derivation): Promise<Visit[]> {
  if (ids.length === 0) return [];
  const q = derived(new Where(), at);
  q.where.when(ids, `${VISITS.alias}.id = ANY(?::bigint[])`).scope(`${VISITS.alias}.${VISITS.unitColumn}`, db.scope);
  const { rows } = await db.query<Visit>(`SELECT ${q.select} FROM ${q.d.from} ${q.where} ORDER BY ${VISITS.alias}.id`, q.where.params);
  return rows;
}

/** Held visits within the caller's reach whose report is overdue at `asOf`, with their host units, the longest overdue first per unit. */
export const overdueVisits = (db: Scoped, asOf: string): Promise<OverdueRow[]> => overdueMovements(VISITS, db, asOf);

/** The letterhead of a unit's organization: its top unit (the university) and that unit's international office, if any. */
export async function letterhead(
  db: Queryable,
  unitId: number,
): Promise<{ university: { nameEn: string; nameZh: string }; office: { nameEn: string; nameZh: string } | null }> {
  const { rows } = await db.query<{ nameEn: string; nameZh: string; officeEn: string | null; officeZh: string | null }>(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM units WHERE id = $1
       UNION
       SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
     )
     SELECT r.name_en AS "nameEn", r.name_zh AS "nameZh", o.name_en AS "officeEn", o.name_zh AS "officeZh"
     FROM up JOIN units r ON r.id = up.id
     LEFT JOIN LATERAL (SELECT name_en, name_zh FROM units WHERE parent_id = r.id AND kind = 'office' ORDER BY id LIMIT 1) o ON true
     WHERE up.parent_id IS NULL`,
    [unitId],
  );
  const row = rows[0]!;
  return {
    university: { nameEn: row.nameEn, nameZh: row.nameZh },
    office: row.officeEn ? { nameEn: row.officeEn, nameZh: row.officeZh ?? row.officeEn } : null,
  };
}

/** A unit's full official names as letters write them, its short names where it has none. */
export async function unitOfficialNames(db: Queryable, unitId: number): Promise<{ nameEn: string; nameZh: string }> {
  const { rows } = await db.query<{ nameEn: string; nameZh: string }>(
    'SELECT coalesce(official_name_en, name_en) AS "nameEn", coalesce(official_name_zh, name_zh) AS "nameZh" FROM units WHERE id = $1',
    [unitId],
  );
  return rows[0]!;
}

/** What a letter says about a visitor beyond the visit's members: their gender (for the Chinese salutation) and their country's names. */
export async function visitorDetails(
  db: Queryable,
  personId: number,
  countryCode: string,
): Promise<{ gender: string | null; countryNameEn: string; countryNameZh: string }> {
  const { rows } = await db.query<{ gender: string | null; countryNameEn: string; countryNameZh: string }>(
    `SELECT p.gender, c.name_en AS "countryNameEn", c.name_zh AS "countryNameZh"
     FROM people p CROSS JOIN countries c WHERE p.id = $1 AND c.code = $2`,
    [personId, countryCode],
  );
  return rows[0] ?? { gender: null, countryNameEn: countryCode, countryNameZh: countryCode };
}
