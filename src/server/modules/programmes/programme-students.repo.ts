import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import type { Assessment, Placement, ProgrammeStudent, StudentStatus } from '../../../shared/contracts/programmes.ts';

// A placement that has sent the student: the one definition of "placed" in SQL.
const COUNTED = `r.status IN ('confirmed','completed')`;

const FROM = `programme_students s JOIN programme_cohorts c ON c.id = s.cohort_id JOIN programmes g ON g.id = s.programme_id JOIN people p ON p.id = s.person_id`;

const STUDENT_SELECT = selectList({
  id: 's.id',
  programmeId: 's.programme_id',
  cohortId: 's.cohort_id',
  entryYear: 'c.entry_year',
  personId: 's.person_id',
  person: `json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh)`,
  studentNumber: 's.student_number',
  status: 's.status',
  notes: 's.notes',
  unitId: 'g.unit_id',
  placed: `EXISTS (SELECT 1 FROM residency_placements r WHERE r.student_id = s.id AND ${COUNTED})`,
  placedAt: `(SELECT i.name_en FROM residency_placements r JOIN institutions i ON i.id = r.host_institution_id WHERE r.student_id = s.id AND ${COUNTED} ORDER BY r.start_date DESC LIMIT 1)`,
  version: 's.version',
  createdAt: isoTimestamp('s.created_at'),
  updatedAt: isoTimestamp('s.updated_at'),
});

export interface StudentFilters {
  q?: string;
  programmeId?: number;
  cohortId?: number;
  unitId?: number;
  status?: StudentStatus;
  placed?: 'true' | 'false';
  asOf?: string;
}

const SORTS: Record<string, string> = { studentNumber: 's.student_number', familyName: 'p.family_name', entryYear: 'c.entry_year', status: 's.status', updatedAt: 's.updated_at' };

/**
 * The WHERE clause of a students list within `scope`. `asOf` (the figures' date) keeps the
 * students of cohorts that entered in its year or before; `placed` asks for a counted
 * placement that started on or before `asOf`, or `today` when no date is asked.
 */
function listWhere(scope: number | null, query: StudentFilters, today: string): Where {
  const where = new Where()
    .scope('g.unit_id', scope)
    .search(`(s.search_text || ' ' || p.search_text)`, query.q)
    .when(query.programmeId, 's.programme_id = ?')
    .when(query.cohortId, 's.cohort_id = ?')
    .when(query.unitId, 'g.unit_id IN (SELECT unit_subtree(?))')
    .when(query.status, 's.status = ?')
    .when(query.asOf, 'c.entry_year <= extract(year FROM ?::date)');
  if (query.placed) {
    const placed = `EXISTS (SELECT 1 FROM residency_placements r WHERE r.student_id = s.id AND ${COUNTED} AND r.start_date <= ${where.param(query.asOf ?? today)}::date)`;
    where.raw(query.placed === 'true' ? placed : `NOT ${placed}`);
  }
  return where;
}

/** A page of programme students within the caller's reach. */
export function listStudents(db: Scoped, today: string, query: StudentFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number }) {
  const where = listWhere(db.scope, query, today);
  const orderBy = `${SORTS[query.sort] ?? 's.student_number'} ${query.order === 'desc' ? 'DESC' : 'ASC'}, s.id`;
  return selectPage<ProgrammeStudent>(db, { select: STUDENT_SELECT, from: FROM, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** Every programme student within the caller's reach that matches, for an export, in a stable order. */
export async function allStudents(db: Scoped, today: string, query: StudentFilters & { sort?: string; order?: 'asc' | 'desc' }): Promise<ProgrammeStudent[]> {
  const where = listWhere(db.scope, query, today);
  const orderBy = `${SORTS[query.sort ?? 'studentNumber'] ?? 's.student_number'} ${query.order === 'desc' ? 'DESC' : 'ASC'}, s.id`;
  const { rows } = await db.query<ProgrammeStudent>(`SELECT ${STUDENT_SELECT} FROM ${FROM} ${where} ORDER BY ${orderBy}`, where.params);
  return rows;
}

/**
 * The residency figures within the caller's reach on `asOf`: students of the cohorts that entered in its
 * year or before (everyone admitted, whatever became of them), and those among them with a
 * confirmed or completed placement that started on or before it. Distinct students: a second
 * placement of the same student does not count twice.
 */
export async function residencyCounts(db: Scoped, asOf: string): Promise<{ admitted: number; placed: number }> {
  const where = listWhere(db.scope, { asOf }, asOf);
  const placed = where.param(asOf);
  const { rows } = await db.query<{ admitted: number; placed: number }>(
    `SELECT count(*)::int AS admitted,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM residency_placements r WHERE r.student_id = s.id AND ${COUNTED} AND r.start_date <= ${placed}::date))::int AS placed
     FROM ${FROM} ${where}`,
    where.params,
  );
  return rows[0]!;
}

/** One programme student within the caller's reach; `lock` for an update. */
export async function findStudent(db: Scoped, id: number, lock = false): Promise<ProgrammeStudent | null> {
  if (lock) await db.query('SELECT 1 FROM programme_students WHERE id = $1 FOR UPDATE', [id]);
  const where = new Where().when(id, 's.id = ?').scope('g.unit_id', db.scope);
  const { rows } = await db.query<ProgrammeStudent>(`SELECT ${STUDENT_SELECT} FROM ${FROM} ${where}`, where.params);
  return rows[0] ?? null;
}

const STUDENT_COLUMNS = { programmeId: 'programme_id', cohortId: 'cohort_id', personId: 'person_id', studentNumber: 'student_number', status: 'status', notes: 'notes', searchText: 'search_text' };
export type StudentValues = Partial<Record<keyof typeof STUDENT_COLUMNS, unknown>>;

/** Inserts a programme student. */
export async function insertStudent(db: Queryable, values: StudentValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, STUDENT_COLUMNS, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO programme_students (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields of a student and bumps the version. */
export async function updateStudentRow(db: Queryable, id: number, values: StudentValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, STUDENT_COLUMNS, params);
  await db.query(`UPDATE programme_students SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

// ---- assessments ----

const ASSESSMENT_COLUMNS = { stage: 'stage', assessedOn: 'assessed_on', result: 'result', meetsStandard: 'meets_standard', evaluatorNotes: 'evaluator_notes' };
export type AssessmentValues = Partial<Record<keyof typeof ASSESSMENT_COLUMNS, unknown>>;
const ASSESSMENT_SELECT = selectList({
  id: 'a.id',
  studentId: 'a.student_id',
  ...Object.fromEntries(Object.entries(ASSESSMENT_COLUMNS).map(([f, c]) => [f, `a.${c}`])),
  version: 'a.version',
  createdAt: isoTimestamp('a.created_at'),
  updatedAt: isoTimestamp('a.updated_at'),
});

/** A student's examinations and evaluations, in the order they were taken. */
export async function studentAssessments(db: Queryable, studentId: number): Promise<Assessment[]> {
  const { rows } = await db.query<Assessment>(`SELECT ${ASSESSMENT_SELECT} FROM programme_assessments a WHERE a.student_id = $1 ORDER BY a.assessed_on, a.id`, [studentId]);
  return rows;
}

/** One assessment, with its student's programme unit, within the caller's reach; `lock` for an update. */
export async function findAssessment(db: Scoped, id: number, lock = false): Promise<(Assessment & { unitId: number }) | null> {
  if (lock) await db.query('SELECT 1 FROM programme_assessments WHERE id = $1 FOR UPDATE', [id]);
  const where = new Where().when(id, 'a.id = ?').scope('g.unit_id', db.scope);
  const { rows } = await db.query<Assessment & { unitId: number }>(
    `SELECT ${ASSESSMENT_SELECT}, g.unit_id AS "unitId" FROM programme_assessments a JOIN programme_students s ON s.id = a.student_id JOIN programmes g ON g.id = s.programme_id ${where}`,
    where.params,
  );
  return rows[0] ?? null;
}

/** Inserts an assessment. */
export async function insertAssessment(db: Queryable, studentId: number, values: AssessmentValues): Promise<number> {
  const params: unknown[] = [studentId];
  const { cols, vals } = insertLists(values, ASSESSMENT_COLUMNS, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO programme_assessments (student_id, ${cols}) VALUES ($1, ${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields of an assessment and bumps the version. */
export async function updateAssessmentRow(db: Queryable, id: number, values: AssessmentValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, ASSESSMENT_COLUMNS, params);
  await db.query(`UPDATE programme_assessments SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes a student (their assessments go with them; a placement refers to them and stops it). */
export async function deleteStudentRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM programme_students WHERE id = $1', [id]);
}

/** Deletes an assessment. */
export async function deleteAssessmentRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM programme_assessments WHERE id = $1', [id]);
}

// ---- placements ----

const PLACEMENT_COLUMNS = {
  hostInstitutionId: 'host_institution_id',
  department: 'department',
  startDate: 'start_date',
  endDate: 'end_date',
  status: 'status',
  confirmedOn: 'confirmed_on',
  completedOn: 'completed_on',
  withdrawnOn: 'withdrawn_on',
  notes: 'notes',
};
export type PlacementValues = Partial<Record<keyof typeof PLACEMENT_COLUMNS, unknown>>;
const PLACEMENT_SELECT = selectList({
  id: 'r.id',
  studentId: 'r.student_id',
  ...Object.fromEntries(Object.entries(PLACEMENT_COLUMNS).map(([f, c]) => [f, `r.${c}`])),
  hostInstitution: `json_build_object('nameEn', i.name_en, 'nameZh', i.name_zh, 'nameFr', i.name_fr, 'countryCode', i.country_code, 'city', i.city)`,
  version: 'r.version',
  createdAt: isoTimestamp('r.created_at'),
  updatedAt: isoTimestamp('r.updated_at'),
});

/** A student's residency placements, the latest first. */
export async function studentPlacements(db: Queryable, studentId: number): Promise<Placement[]> {
  const { rows } = await db.query<Placement>(
    `SELECT ${PLACEMENT_SELECT} FROM residency_placements r JOIN institutions i ON i.id = r.host_institution_id WHERE r.student_id = $1 ORDER BY r.start_date DESC, r.id DESC`,
    [studentId],
  );
  return rows;
}

/** What a placement's ledger row needs beside the placement: the student's person, the programme's unit. */
export interface PlacementContext {
  personId: number;
  unitId: number;
  studentStatus: StudentStatus;
}

/** One placement within the caller's reach, with its student's person and the programme's unit; `lock` for an update. */
export async function findPlacement(db: Scoped, id: number, lock = false): Promise<(Placement & PlacementContext) | null> {
  if (lock) await db.query('SELECT 1 FROM residency_placements WHERE id = $1 FOR UPDATE', [id]);
  const where = new Where().when(id, 'r.id = ?').scope('g.unit_id', db.scope);
  const { rows } = await db.query<Placement & PlacementContext>(
    `SELECT ${PLACEMENT_SELECT}, s.person_id AS "personId", g.unit_id AS "unitId", s.status AS "studentStatus"
     FROM residency_placements r JOIN institutions i ON i.id = r.host_institution_id
       JOIN programme_students s ON s.id = r.student_id JOIN programmes g ON g.id = s.programme_id ${where}`,
    where.params,
  );
  return rows[0] ?? null;
}

/** Deletes a placement (one an import wrote, being undone). */
export async function deletePlacementRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM residency_placements WHERE id = $1', [id]);
}

/** Inserts a placement (proposed, unless the values say otherwise). */
export async function insertPlacement(db: Queryable, studentId: number, values: PlacementValues): Promise<number> {
  const params: unknown[] = [studentId];
  const { cols, vals } = insertLists(values, PLACEMENT_COLUMNS, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO residency_placements (student_id, ${cols}) VALUES ($1, ${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields of a placement and bumps the version. */
export async function updatePlacementRow(db: Queryable, id: number, values: PlacementValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, PLACEMENT_COLUMNS, params);
  await db.query(`UPDATE residency_placements SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}
