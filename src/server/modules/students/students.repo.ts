import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import { DEGREE_LEVELS, STUDENT_COUNTED_STATUSES, type StudentEnrolment } from '../../../shared/contracts/students.ts';

/** Columns written from the API's fields and the workflow's steps. */
const WRITABLE = {
  personId: 'person_id',
  level: 'level',
  programmeEn: 'programme_en',
  programmeZh: 'programme_zh',
  unitId: 'unit_id',
  funding: 'funding',
  instructionLanguage: 'instruction_language',
  studentNumber: 'student_number',
  countryCode: 'country_code',
  admittedOn: 'admitted_on',
  enrolledOn: 'enrolled_on',
  expectedCompletionOn: 'expected_completion_on',
  status: 'status',
  suspendedOn: 'suspended_on',
  completedOn: 'completed_on',
  degreeAwarded: 'degree_awarded',
  leftOn: 'left_on',
  notes: 'notes',
  searchText: 'search_text',
};

export type EnrolmentValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

const FROM = `student_enrolments e JOIN people p ON p.id = e.person_id JOIN units u ON u.id = e.unit_id JOIN countries c ON c.code = e.country_code`;

const COLUMNS = selectList({
  id: 'e.id',
  ...Object.fromEntries(Object.entries(WRITABLE).filter(([f]) => f !== 'searchText').map(([f, col]) => [f, `e.${col}`])),
  person: `json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh, 'otherNames', p.other_names, 'gender', p.gender, 'nationality', p.nationality)`,
  unitNameEn: 'u.name_en',
  unitNameZh: 'u.name_zh',
  unitNameFr: 'u.name_fr',
  isRegion: 'c.is_region',
  version: 'e.version',
  createdAt: isoTimestamp('e.created_at'),
  updatedAt: isoTimestamp('e.updated_at'),
});

export interface StudentFilters {
  q?: string | undefined;
  level?: string | undefined;
  degree?: 'true' | 'false' | undefined;
  status?: string | undefined;
  country?: string | undefined;
  region?: 'true' | 'false' | undefined;
  unitId?: number | undefined;
  personId?: number | undefined;
  programme?: string | undefined;
  funding?: string | undefined;
  instructionLanguage?: string | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
  from?: string | undefined;
  asOf?: string | undefined;
  counted?: 'true' | 'false' | undefined;
}

const SORTS: Record<string, string> = {
  enrolledOn: 'e.enrolled_on',
  admittedOn: 'e.admitted_on',
  familyName: 'p.family_name',
  countryCode: 'e.country_code',
  updatedAt: 'e.updated_at',
};

/**
 * The one definition of "counted on a date" in SQL (the figures read it through the list): the
 * student registered on or before the date, in a status that counts, and had not withdrawn or
 * transferred by then. A student who left after the date still counts on it.
 */
function countedOn(where: Where, asOf: string): string {
  const at = `${where.param(asOf)}::date`;
  const counted = where.param([...STUDENT_COUNTED_STATUSES]);
  return `(e.enrolled_on IS NOT NULL AND e.enrolled_on <= ${at} AND (e.status = ANY(${counted}::text[]) OR (e.status IN ('withdrawn','transferred') AND e.left_on > ${at})))`;
}

/** The WHERE clause of a list within `scope` (a coordinator's unit); `today` is the default date of `counted`. */
function listWhere(scope: number | null, query: StudentFilters, today: string): Where {
  const where = new Where()
    .scope('e.unit_id', scope)
    .search(`(p.search_text || ' ' || e.search_text)`, query.q)
    .when(query.level, 'e.level = ?')
    .when(query.status, 'e.status = ?')
    .when(query.country, 'e.country_code = ?')
    .when(query.unitId, 'e.unit_id IN (SELECT unit_subtree(?))')
    .when(query.personId, 'e.person_id = ?')
    .when(query.programme ? `%${query.programme.toLowerCase()}%` : undefined, `(lower(e.programme_en) LIKE ? OR coalesce(e.programme_zh, '') LIKE ?)`)
    .when(query.funding, 'e.funding = ?')
    .when(query.instructionLanguage, 'e.instruction_language = ?')
    .when(query.fromYear, 'e.enrolled_on >= make_date(?::int, 1, 1)')
    .when(query.toYear, 'e.enrolled_on <= make_date(?::int, 12, 31)')
    .when(query.from, 'e.enrolled_on >= ?::date');
  if (query.degree) where.raw(`e.level ${query.degree === 'true' ? '' : 'NOT '}IN (${DEGREE_LEVELS.map((l) => `'${l}'`).join(',')})`);
  if (query.region) where.raw(query.region === 'true' ? 'c.is_region' : 'NOT c.is_region');
  if (query.counted === 'true') where.raw(countedOn(where, query.asOf ?? today));
  else if (query.counted === 'false') where.raw(`NOT ${countedOn(where, query.asOf ?? today)}`);
  else if (query.asOf) where.when(query.asOf, 'e.admitted_on <= ?::date');
  return where;
}

/** A page of enrolments within the caller's reach, with the distinct students among all that match. */
export async function listEnrolments(
  db: Scoped,
  today: string,
  query: StudentFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
): Promise<{ rows: StudentEnrolment[]; total: number; persons: number }> {
  const where = listWhere(db.scope, query, today);
  const persons = await db.query<{ n: number }>(`SELECT count(DISTINCT e.person_id)::int AS n FROM ${FROM} ${where}`, [...where.params]);
  const orderBy = `${SORTS[query.sort] ?? 'e.enrolled_on'} ${query.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, e.id`;
  const page = await selectPage<StudentEnrolment>(db, { select: COLUMNS, from: FROM, where, orderBy, page: query.page, pageSize: query.pageSize });
  return { ...page, persons: persons.rows[0]?.n ?? 0 };
}

/** Every enrolment within the caller's reach that matches, for an export or a figure, in a stable order. */
export async function allEnrolments(db: Scoped, today: string, query: StudentFilters & { sort?: string; order?: 'asc' | 'desc' }): Promise<StudentEnrolment[]> {
  const where = listWhere(db.scope, query, today);
  const orderBy = `${SORTS[query.sort ?? 'enrolledOn'] ?? 'e.enrolled_on'} ${query.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, e.id`;
  const { rows } = await db.query<StudentEnrolment>(`SELECT ${COLUMNS} FROM ${FROM} ${where} ORDER BY ${orderBy}`, where.params);
  return rows;
}

/** One row per counted degree enrolment within the caller's reach on `asOf` since `from`: who, at which level, from where. */
export async function countedDegreeRows(
  db: Scoped,
  from: string,
  asOf: string,
): Promise<Array<{ personId: number; level: string; countryCode: string; isRegion: boolean; continent: string }>> {
  const where = listWhere(db.scope, { degree: 'true', counted: 'true', from, asOf }, asOf);
  const { rows } = await db.query<{ personId: number; level: string; countryCode: string; isRegion: boolean; continent: string }>(
    `SELECT e.person_id AS "personId", e.level, e.country_code AS "countryCode", c.is_region AS "isRegion", c.continent FROM ${FROM} ${where}`,
    where.params,
  );
  return rows;
}

/** Registrations per year within the caller's reach (degree levels, any status past admission), for the dashboard's series. */
export async function registrationsByYear(db: Scoped, fromYear: number, toYear: number): Promise<Map<number, number>> {
  const where = new Where().scope('e.unit_id', db.scope).raw('e.enrolled_on IS NOT NULL');
  const { rows } = await db.query<{ year: number; n: number }>(
    `SELECT extract(year FROM e.enrolled_on)::int AS year, count(*)::int AS n FROM student_enrolments e ${where}
       AND e.enrolled_on BETWEEN make_date(${where.param(fromYear)}::int, 1, 1) AND make_date(${where.param(toYear)}::int, 12, 31)
     GROUP BY 1`,
    where.params,
  );
  return new Map(rows.map((r) => [r.year, r.n]));
}

/** One enrolment within the caller's reach; `lock` for an update. */
export async function findEnrolment(db: Scoped, id: number, lock = false): Promise<StudentEnrolment | null> {
  const where = new Where().when(id, 'e.id = ?').scope('e.unit_id', db.scope);
  if (lock) await db.query('SELECT 1 FROM student_enrolments WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<StudentEnrolment>(`SELECT ${COLUMNS} FROM ${FROM} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts an enrolment row. */
export async function insertEnrolment(db: Queryable, values: EnrolmentValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO student_enrolments (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateEnrolmentRow(db: Queryable, id: number, values: EnrolmentValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE student_enrolments SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes an enrolment. */
export async function deleteEnrolmentRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM student_enrolments WHERE id = $1', [id]);
}

/**
 * The person's nationality, if the person is within the caller's reach (any person for the
 * office): a coordinator enrols their unit's people only. Undefined: not in reach.
 */
export async function personInReach(db: Scoped, personId: number): Promise<{ nationality: string | null } | undefined> {
  const { rows } = await db.query<{ nationality: string | null }>(
    `SELECT p.nationality FROM people p WHERE p.id = $1 AND ($2::bigint IS NULL OR p.unit_id IN (SELECT unit_subtree($2::bigint)))`,
    [personId, db.scope],
  );
  return rows[0];
}

/** Whether the unit and the country exist. */
export async function referencesExist(db: Queryable, unitId: number | undefined, countryCode: string | undefined): Promise<{ unit: boolean; country: boolean }> {
  const { rows } = await db.query<{ unit: boolean; country: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM units WHERE id = $1) AS unit, EXISTS (SELECT 1 FROM countries WHERE code = $2) AS country`,
    [unitId ?? 0, countryCode ?? ''],
  );
  return rows[0]!;
}
