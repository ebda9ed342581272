import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import { COUNTED_STATUSES, levelsAtOrAbove, PROTOCOL_LEVELS, REPORT_DUE_DAYS, type OverdueVisit, type ProtocolLevel, type Visit } from '../../../shared/contracts/visits.ts';

/** Columns written from the API's fields (members live in their own table). */
const WRITABLE = {
  titleEn: 'title_en',
  titleZh: 'title_zh',
  hostUnitId: 'host_unit_id',
  purpose: 'purpose',
  startDate: 'start_date',
  endDate: 'end_date',
  protocolLevel: 'protocol_level',
  receivingOfficial: 'receiving_official',
  status: 'status',
  requestedOn: 'requested_on',
  approvedOn: 'approved_on',
  rejectedOn: 'rejected_on',
  heldOn: 'held_on',
  closedOn: 'closed_on',
  cancelledOn: 'cancelled_on',
  report: 'report',
  reportSubmittedOn: 'report_submitted_on',
  notes: 'notes',
  searchText: 'search_text',
};

export type VisitValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

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

/**
 * The FROM clause with the derived values at `at`: the report's due date, whether it is overdue,
 * whether the visit is notable. Its placeholders come first in `where`, so call this before
 * adding conditions; they sit in the FROM clause so that the count query uses them too.
 */
function derived(where: Where, at: Derivation) {
  const asOf = `${where.param(at.asOf)}::date`;
  const days = `${where.param(REPORT_DUE_DAYS)}::int`;
  const notableLevels = `${where.param(levelsAtOrAbove(at.protocolThreshold))}::text[]`;
  return {
    from: `visits v JOIN units u ON u.id = v.host_unit_id
      CROSS JOIN LATERAL (SELECT (v.end_date + ${days}) AS due_on, ${asOf} AS as_of, v.protocol_level = ANY(${notableLevels}) AS notable) d`,
    dueOn: 'd.due_on',
    // Day 30 after the last day is still in time; day 31 is late.
    overdue: `(v.status = 'held' AND d.as_of > d.due_on)`,
    notable: 'd.notable',
  };
}

function columns(d: ReturnType<typeof derived>): string {
  return selectList({
    id: 'v.id',
    ...Object.fromEntries(Object.entries(WRITABLE).filter(([f]) => f !== 'searchText').map(([f, c]) => [f, `v.${c}`])),
    hostUnitNameEn: 'u.name_en',
    hostUnitNameZh: 'u.name_zh',
    members: MEMBERS,
    files: FILES,
    reportDueOn: d.dueOn,
    reportOverdue: d.overdue,
    notable: d.notable,
    version: 'v.version',
    createdAt: isoTimestamp('v.created_at'),
    updatedAt: isoTimestamp('v.updated_at'),
  });
}

/** Text searched by `q`: the visit's titles and notes, and its visitors' names and institutions as they are now. */
const SEARCHED = `(v.search_text || ' ' || coalesce((SELECT string_agg(p.search_text || ' ' || coalesce(i.search_text, ''), ' ')
  FROM visit_members m JOIN people p ON p.id = m.person_id LEFT JOIN institutions i ON i.id = m.institution_id WHERE m.visit_id = v.id), ''))`;

export interface VisitFilters {
  q?: string;
  status?: string;
  purpose?: string;
  unitId?: number;
  country?: string;
  institutionId?: number;
  personId?: number;
  from?: string;
  to?: string;
  notable?: 'true' | 'false';
  overdue?: 'true' | 'false';
  counted?: 'true' | 'false';
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
export function listVisits(
  db: Scoped,
  at: Derivation,
  query: VisitFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const where = new Where();
  const d = derived(where, at);
  where
    .scope('v.host_unit_id', db.scope)
    .search(SEARCHED, query.q)
    .when(query.status, 'v.status = ?')
    .when(query.purpose, 'v.purpose = ?')
    .when(query.unitId, 'v.host_unit_id IN (SELECT unit_subtree(?))')
    .when(query.country, 'EXISTS (SELECT 1 FROM visit_members m WHERE m.visit_id = v.id AND m.country_code = ?)')
    .when(query.institutionId, 'EXISTS (SELECT 1 FROM visit_members m WHERE m.visit_id = v.id AND m.institution_id = ?)')
    .when(query.personId, 'EXISTS (SELECT 1 FROM visit_members m WHERE m.visit_id = v.id AND m.person_id = ?)')
    .when(query.from, 'v.end_date >= ?::date')
    .when(query.to, 'v.start_date <= ?::date');
  if (query.notable) where.raw(query.notable === 'true' ? d.notable : `NOT ${d.notable}`);
  if (query.overdue) where.raw(query.overdue === 'true' ? d.overdue : `NOT ${d.overdue}`);
  if (query.counted) where.raw(`v.status ${query.counted === 'true' ? '' : 'NOT '}IN (${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = `${SORTS[query.sort] ?? 'v.start_date'} ${direction}, v.id ${direction}`;
  return selectPage<Visit>(db, { select: columns(d), from: d.from, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** One visit within the caller's reach, with its derived states at `at`; `lock` for a write. */
export async function findVisit(db: Scoped, id: number, at: Derivation, lock = false): Promise<Visit | null> {
  const where = new Where();
  const d = derived(where, at);
  where.when(id, 'v.id = ?').scope('v.host_unit_id', db.scope);
  if (lock) await db.query('SELECT 1 FROM visits WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Visit>(`SELECT ${columns(d)} FROM ${d.from} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts a visit row (members are written by `replaceMembers`). */
export async function insertVisit(db: Queryable, values: VisitValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO visits (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateVisitRow(db: Queryable, id: number, values: VisitValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE visits SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Replaces the visitors of a visit, keeping their order. */
export async function replaceMembers(db: Queryable, id: number, members: MemberRow[]): Promise<void> {
  await db.query('DELETE FROM visit_members WHERE visit_id = $1', [id]);
  await db.query(
    `INSERT INTO visit_members (visit_id, person_id, role_in_delegation, institution_id, country_code, position)
     SELECT $1, m.person_id, m.role_in_delegation, m.institution_id, m.country_code, m.position
     FROM json_to_recordset($2::json) AS m(person_id bigint, role_in_delegation text, institution_id bigint, country_code text, position int)`,
    [
      id,
      JSON.stringify(
        members.map((m, position) => ({
          person_id: m.personId,
          role_in_delegation: m.roleInDelegation,
          institution_id: m.institutionId,
          country_code: m.countryCode,
          position,
        })),
      ),
    ],
  );
}

/** Deletes a visit (its members and files go with it). */
export async function deleteVisitRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM visits WHERE id = $1', [id]);
}

/** What a visit's members refer to: people within the caller's reach, with their own nationality and institution. */
export async function peopleFacts(
  db: Scoped,
  ids: number[],
): Promise<Map<number, { nationality: string | null; institutionId: number | null; searchText: string }>> {
  const where = new Where().when(ids, 'p.id = ANY(?::bigint[])').scope('p.unit_id', db.scope);
  const { rows } = await db.query<{ id: number; nationality: string | null; institutionId: number | null; searchText: string }>(
    `SELECT p.id, p.nationality, p.institution_id AS "institutionId", p.search_text AS "searchText" FROM people p ${where}`,
    where.params,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which of `ids` are institutions. */
export async function existingInstitutions(db: Queryable, ids: number[]): Promise<Set<number>> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM institutions WHERE id = ANY($1::bigint[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** Which of `codes` are countries or regions. */
export async function existingCountries(db: Queryable, codes: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>('SELECT code FROM countries WHERE code = ANY($1::text[])', [codes]);
  return new Set(rows.map((r) => r.code));
}

/** Whether `id` is one of our units. */
export async function unitExists(db: Queryable, id: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM units WHERE id = $1', [id]);
  return rows.length > 0;
}

/** Held visits within the caller's reach whose report is overdue at `asOf`, with their host units, the longest overdue first per unit. */
export async function overdueVisits(
  db: Scoped,
  asOf: string,
): Promise<Array<OverdueVisit & { unitId: number; code: string; nameEn: string; nameZh: string; nameFr: string | null }>> {
  const where = new Where();
  const asOfSql = `${where.param(asOf)}::date`;
  const dueOn = `(v.end_date + ${where.param(REPORT_DUE_DAYS)}::int)`;
  where.raw(`v.status = 'held'`).raw(`${asOfSql} > ${dueOn}`).scope('v.host_unit_id', db.scope);
  const { rows } = await db.query<OverdueVisit & { unitId: number; code: string; nameEn: string; nameZh: string; nameFr: string | null }>(
    `SELECT v.id, v.title_en AS "titleEn", v.title_zh AS "titleZh", v.start_date AS "startDate", v.end_date AS "endDate",
            ${dueOn} AS "reportDueOn", (${asOfSql} - ${dueOn}) AS "daysOverdue",
            (SELECT count(*)::int FROM visit_members m WHERE m.visit_id = v.id) AS "personTimes",
            u.id AS "unitId", u.code, u.name_en AS "nameEn", u.name_zh AS "nameZh", u.name_fr AS "nameFr"
     FROM visits v JOIN units u ON u.id = v.host_unit_id ${where}
     ORDER BY u.code, v.end_date, v.id`,
    where.params,
  );
  return rows;
}

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
