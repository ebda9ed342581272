import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import { MISSION_COUNTED_STATUSES, MISSION_REPORT_DUE_DAYS, type Mission, type MemberRole, type OverdueMission } from '../../../shared/contracts/missions.ts';

/** Columns written from the API's fields (destinations and members live in their own tables). */
const WRITABLE = {
  titleEn: 'title_en',
  titleZh: 'title_zh',
  unitId: 'unit_id',
  purpose: 'purpose',
  startDate: 'start_date',
  endDate: 'end_date',
  fundingSource: 'funding_source',
  approvalDocumentNo: 'approval_document_no',
  invitationReference: 'invitation_reference',
  status: 'status',
  requestedOn: 'requested_on',
  approvedOn: 'approved_on',
  rejectedOn: 'rejected_on',
  travelledOn: 'travelled_on',
  closedOn: 'closed_on',
  cancelledOn: 'cancelled_on',
  report: 'report',
  reportSubmittedOn: 'report_submitted_on',
  notes: 'notes',
  searchText: 'search_text',
};

export type MissionValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

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

/**
 * The FROM clause with the derived values at `asOf`: the report's due date and whether it is
 * overdue. Its placeholders come first in `where`, so call this before adding conditions.
 */
function derived(where: Where, asOf: string) {
  const at = `${where.param(asOf)}::date`;
  const days = `${where.param(MISSION_REPORT_DUE_DAYS)}::int`;
  return {
    from: `missions ms JOIN units u ON u.id = ms.unit_id
      CROSS JOIN LATERAL (SELECT (ms.end_date + ${days}) AS due_on, ${at} AS as_of) d`,
    dueOn: 'd.due_on',
    // Day 30 after the return is still in time; day 31 is late.
    overdue: `(ms.status = 'travelled' AND d.as_of > d.due_on)`,
  };
}

function columns(d: ReturnType<typeof derived>): string {
  return selectList({
    id: 'ms.id',
    ...Object.fromEntries(Object.entries(WRITABLE).filter(([f]) => f !== 'searchText').map(([f, c]) => [f, `ms.${c}`])),
    unitNameEn: 'u.name_en',
    unitNameZh: 'u.name_zh',
    destinations: DESTINATIONS,
    members: MEMBERS,
    reportDueOn: d.dueOn,
    reportOverdue: d.overdue,
    version: 'ms.version',
    createdAt: isoTimestamp('ms.created_at'),
    updatedAt: isoTimestamp('ms.updated_at'),
  });
}

/** Text searched by `q`: the titles, numbers and notes, the members' names and the host institutions as they are now. */
const SEARCHED = `(ms.search_text || ' ' || coalesce((SELECT string_agg(p.search_text, ' ')
  FROM mission_members m JOIN people p ON p.id = m.person_id WHERE m.mission_id = ms.id), '') || ' ' ||
  coalesce((SELECT string_agg(i.search_text, ' ') FROM mission_destinations x JOIN institutions i ON i.id = x.institution_id WHERE x.mission_id = ms.id), ''))`;

export interface MissionFilters {
  q?: string;
  status?: string;
  purpose?: string;
  unitId?: number;
  country?: string;
  institutionId?: number;
  personId?: number;
  from?: string;
  to?: string;
  overdue?: 'true' | 'false';
  counted?: 'true' | 'false';
}

const SORTS: Record<string, string> = {
  startDate: 'ms.start_date',
  endDate: 'ms.end_date',
  titleEn: 'ms.title_en',
  updatedAt: 'ms.updated_at',
};

/** A page of missions within the caller's reach, with their derived states at `asOf`. */
export function listMissions(
  db: Scoped,
  asOf: string,
  query: MissionFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const where = new Where();
  const d = derived(where, asOf);
  where
    .scope('ms.unit_id', db.scope)
    .search(SEARCHED, query.q)
    .when(query.status, 'ms.status = ?')
    .when(query.purpose, 'ms.purpose = ?')
    .when(query.unitId, 'ms.unit_id IN (SELECT unit_subtree(?))')
    .when(query.country, 'EXISTS (SELECT 1 FROM mission_destinations x WHERE x.mission_id = ms.id AND x.country_code = ?)')
    .when(query.institutionId, 'EXISTS (SELECT 1 FROM mission_destinations x WHERE x.mission_id = ms.id AND x.institution_id = ?)')
    .when(query.personId, 'EXISTS (SELECT 1 FROM mission_members m WHERE m.mission_id = ms.id AND m.person_id = ?)')
    .when(query.from, 'ms.end_date >= ?::date')
    .when(query.to, 'ms.start_date <= ?::date');
  if (query.overdue) where.raw(query.overdue === 'true' ? d.overdue : `NOT ${d.overdue}`);
  if (query.counted) where.raw(`ms.status ${query.counted === 'true' ? '' : 'NOT '}IN (${MISSION_COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = `${SORTS[query.sort] ?? 'ms.start_date'} ${direction}, ms.id ${direction}`;
  return selectPage<Mission>(db, { select: columns(d), from: d.from, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** One mission within the caller's reach, with its derived states at `asOf`; `lock` for a write. */
export async function findMission(db: Scoped, id: number, asOf: string, lock = false): Promise<Mission | null> {
  const where = new Where();
  const d = derived(where, asOf);
  where.when(id, 'ms.id = ?').scope('ms.unit_id', db.scope);
  if (lock) await db.query('SELECT 1 FROM missions WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Mission>(`SELECT ${columns(d)} FROM ${d.from} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts a mission row (destinations and members are written by their own functions). */
export async function insertMission(db: Queryable, values: MissionValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO missions (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateMissionRow(db: Queryable, id: number, values: MissionValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE missions SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Replaces the members of a mission, keeping their order. */
export async function replaceMissionMembers(db: Queryable, id: number, members: MemberRow[]): Promise<void> {
  await db.query('DELETE FROM mission_members WHERE mission_id = $1', [id]);
  await db.query(
    `INSERT INTO mission_members (mission_id, person_id, role, position)
     SELECT $1, m.person_id, m.role, m.position FROM json_to_recordset($2::json) AS m(person_id bigint, role text, position int)`,
    [id, JSON.stringify(members.map((m, position) => ({ person_id: m.personId, role: m.role, position })))],
  );
}

/** Replaces the itinerary of a mission, keeping its order. */
export async function replaceDestinations(db: Queryable, id: number, destinations: DestinationRow[]): Promise<void> {
  await db.query('DELETE FROM mission_destinations WHERE mission_id = $1', [id]);
  await db.query(
    `INSERT INTO mission_destinations (mission_id, position, country_code, institution_id)
     SELECT $1, d.position, d.country_code, d.institution_id FROM json_to_recordset($2::json) AS d(position int, country_code text, institution_id bigint)`,
    [id, JSON.stringify(destinations.map((d, position) => ({ position, country_code: d.countryCode, institution_id: d.institutionId })))],
  );
}

/** Deletes a mission (its destinations and members go with it). */
export async function deleteMissionRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM missions WHERE id = $1', [id]);
}

/** Which of `ids` are people within the caller's reach. */
export async function reachablePeople(db: Scoped, ids: number[]): Promise<Set<number>> {
  const where = new Where().when(ids, 'p.id = ANY(?::bigint[])').scope('p.unit_id', db.scope);
  const { rows } = await db.query<{ id: number }>(`SELECT p.id FROM people p ${where}`, where.params);
  return new Set(rows.map((r) => Number(r.id)));
}

/** The countries of the institutions among `ids` (the ones that exist). */
export async function institutionCountries(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  const { rows } = await db.query<{ id: number; countryCode: string }>('SELECT id, country_code AS "countryCode" FROM institutions WHERE id = ANY($1::bigint[])', [ids]);
  return new Map(rows.map((r) => [Number(r.id), r.countryCode]));
}

/** Which of `codes` are countries or regions. */
export async function knownCountries(db: Queryable, codes: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>('SELECT code FROM countries WHERE code = ANY($1::text[])', [codes]);
  return new Set(rows.map((r) => r.code));
}

/** Whether `id` is one of our units. */
export async function unitExists(db: Queryable, id: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM units WHERE id = $1', [id]);
  return rows.length > 0;
}

/** Travelled missions within the caller's reach whose report is overdue at `asOf`, with their units, the longest overdue first per unit. */
export async function overdueMissions(
  db: Scoped,
  asOf: string,
): Promise<Array<OverdueMission & { unitId: number; code: string; nameEn: string; nameZh: string; nameFr: string | null }>> {
  const where = new Where();
  const asOfSql = `${where.param(asOf)}::date`;
  const dueOn = `(ms.end_date + ${where.param(MISSION_REPORT_DUE_DAYS)}::int)`;
  where.raw(`ms.status = 'travelled'`).raw(`${asOfSql} > ${dueOn}`).scope('ms.unit_id', db.scope);
  const { rows } = await db.query<OverdueMission & { unitId: number; code: string; nameEn: string; nameZh: string; nameFr: string | null }>(
    `SELECT ms.id, ms.title_en AS "titleEn", ms.title_zh AS "titleZh", ms.start_date AS "startDate", ms.end_date AS "endDate",
            ${dueOn} AS "reportDueOn", (${asOfSql} - ${dueOn}) AS "daysOverdue",
            (SELECT count(*)::int FROM mission_members m WHERE m.mission_id = ms.id) AS "personTimes",
            u.id AS "unitId", u.code, u.name_en AS "nameEn", u.name_zh AS "nameZh", u.name_fr AS "nameFr"
     FROM missions ms JOIN units u ON u.id = ms.unit_id ${where}
     ORDER BY u.code, ms.end_date, ms.id`,
    where.params,
  );
  return rows;
}
