import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { Where } from '../../db/where.ts';
import type { Cohort, Programme, VisitingProfessor } from '../../../shared/contracts/programmes.ts';

const PROGRAMME_COLUMNS = {
  nameEn: 'name_en',
  nameZh: 'name_zh',
  nameFr: 'name_fr',
  durationYears: 'duration_years',
  language: 'language',
  unitId: 'unit_id',
  startedYear: 'started_year',
  notes: 'notes',
  standingEn: 'standing_en',
  standingZh: 'standing_zh',
  standingFr: 'standing_fr',
};
export type ProgrammeValues = Partial<Record<keyof typeof PROGRAMME_COLUMNS, unknown>>;

const COHORT_JSON = `json_build_object('id', c.id, 'programmeId', c.programme_id, 'entryYear', c.entry_year, 'intake', c.intake, 'notes', c.notes,
  'students', (SELECT count(*)::int FROM programme_students s WHERE s.cohort_id = c.id),
  'placed', (SELECT count(DISTINCT r.student_id)::int FROM residency_placements r JOIN programme_students s ON s.id = r.student_id WHERE s.cohort_id = c.id AND r.status IN ('confirmed','completed')),
  'version', c.version, 'createdAt', ${isoTimestamp('c.created_at')}, 'updatedAt', ${isoTimestamp('c.updated_at')})`;

const PROGRAMME_SELECT = selectList({
  id: 'g.id',
  ...Object.fromEntries(Object.entries(PROGRAMME_COLUMNS).map(([f, c]) => [f, `g.${c}`])),
  partners: `coalesce((SELECT json_agg(json_build_object('institutionId', pp.institution_id, 'agreementId', pp.agreement_id,
      'institution', json_build_object('nameEn', i.name_en, 'nameZh', i.name_zh, 'nameFr', i.name_fr, 'countryCode', i.country_code)) ORDER BY pp.position)
    FROM programme_partners pp JOIN institutions i ON i.id = pp.institution_id WHERE pp.programme_id = g.id), '[]'::json)`,
  cohorts: `coalesce((SELECT json_agg(${COHORT_JSON} ORDER BY c.entry_year) FROM programme_cohorts c WHERE c.programme_id = g.id), '[]'::json)`,
  version: 'g.version',
  createdAt: isoTimestamp('g.created_at'),
  updatedAt: isoTimestamp('g.updated_at'),
});

/** The programmes within the caller's reach (a coordinator's unit), with their partners and cohorts. */
export async function listProgrammes(db: Scoped): Promise<Programme[]> {
  const where = new Where().scope('g.unit_id', db.scope);
  const { rows } = await db.query<Programme>(`SELECT ${PROGRAMME_SELECT} FROM programmes g ${where} ORDER BY g.name_en, g.id`, where.params);
  return rows;
}

/**
 * The professors the partners sent in each year up to `lastYear`, across the programmes within
 * the caller's reach (each professor once a year), and those programmes' ids.
 */
export async function visitingProfessorsByYear(db: Scoped, lastYear: number): Promise<{ programmeIds: number[]; byYear: Record<string, number> }> {
  const where = new Where().scope('g.unit_id', db.scope);
  const { rows: programmes } = await db.query<{ id: number }>(`SELECT g.id FROM programmes g ${where} ORDER BY g.id`, where.params);
  const programmeIds = programmes.map((p) => p.id);
  const { rows } = await db.query<{ year: number; professors: number }>(
    `SELECT year, count(DISTINCT person_id)::int AS professors FROM visiting_professors WHERE programme_id = ANY($1::bigint[]) AND year <= $2 GROUP BY year ORDER BY year`,
    [programmeIds, lastYear],
  );
  return { programmeIds, byYear: Object.fromEntries(rows.map((r) => [String(r.year), r.professors])) };
}

/** One programme within the caller's reach; `lock` for an update. */
export async function findProgramme(db: Scoped, id: number, lock = false): Promise<Programme | null> {
  if (lock) await db.query('SELECT 1 FROM programmes WHERE id = $1 FOR UPDATE', [id]);
  const where = new Where().when(id, 'g.id = ?').scope('g.unit_id', db.scope);
  const { rows } = await db.query<Programme>(`SELECT ${PROGRAMME_SELECT} FROM programmes g ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts a programme row. */
export async function insertProgramme(db: Queryable, values: ProgrammeValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, PROGRAMME_COLUMNS, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO programmes (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateProgrammeRow(db: Queryable, id: number, values: ProgrammeValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, PROGRAMME_COLUMNS, params);
  await db.query(`UPDATE programmes SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Replaces the programme's partner list, in the order given. */
export async function replaceProgrammePartners(db: Queryable, programmeId: number, partners: Array<{ institutionId: number; agreementId: number | null }>): Promise<void> {
  await db.query('DELETE FROM programme_partners WHERE programme_id = $1', [programmeId]);
  for (const [i, p] of partners.entries())
    await db.query('INSERT INTO programme_partners (programme_id, position, institution_id, agreement_id) VALUES ($1, $2, $3, $4)', [programmeId, i, p.institutionId, p.agreementId]);
}

/** The ids among `ids` that exist in `table` (institutions, agreements, units, people). */
export async function existingIds(db: Queryable, table: 'institutions' | 'agreements' | 'units' | 'people', ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE id = ANY($1::bigint[])`, [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The people among `ids` the caller may name: a coordinator their unit's, the office anyone. */
export async function peopleInReach(db: Scoped, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM people WHERE id = ANY($1::bigint[]) AND ($2::bigint IS NULL OR unit_id IN (SELECT unit_subtree($2::bigint)))`,
    [ids, db.scope],
  );
  return new Set(rows.map((r) => r.id));
}

// ---- cohorts ----

/** One cohort within the caller's reach (its programme's unit), with the programme's unit; `lock` for an update. */
export async function findCohort(db: Scoped, id: number, lock = false): Promise<(Cohort & { unitId: number }) | null> {
  if (lock) await db.query('SELECT 1 FROM programme_cohorts WHERE id = $1 FOR UPDATE', [id]);
  const where = new Where().when(id, 'c.id = ?').scope('g.unit_id', db.scope);
  const { rows } = await db.query<{ cohort: Cohort; unitId: number }>(
    `SELECT ${COHORT_JSON} AS cohort, g.unit_id AS "unitId" FROM programme_cohorts c JOIN programmes g ON g.id = c.programme_id ${where}`,
    where.params,
  );
  return rows[0] ? { ...rows[0].cohort, unitId: rows[0].unitId } : null;
}

/** A cohort's programme and unit, if the cohort is within the caller's reach: the light check a bulk write makes per student. */
export async function cohortInReach(db: Scoped, id: number): Promise<{ id: number; programmeId: number; unitId: number } | null> {
  const where = new Where().when(id, 'c.id = ?').scope('g.unit_id', db.scope);
  const { rows } = await db.query<{ id: number; programmeId: number; unitId: number }>(
    `SELECT c.id, c.programme_id AS "programmeId", g.unit_id AS "unitId" FROM programme_cohorts c JOIN programmes g ON g.id = c.programme_id ${where}`,
    where.params,
  );
  return rows[0] ?? null;
}

/** Inserts a cohort. */
export async function insertCohort(db: Queryable, programmeId: number, values: { entryYear: number; intake: number; notes: string | null }): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO programme_cohorts (programme_id, entry_year, intake, notes) VALUES ($1, $2, $3, $4) RETURNING id',
    [programmeId, values.entryYear, values.intake, values.notes],
  );
  return rows[0]!.id;
}

/** Writes the given fields of a cohort and bumps the version. */
export async function updateCohortRow(db: Queryable, id: number, values: { entryYear?: number; intake?: number; notes?: string | null }): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, { entryYear: 'entry_year', intake: 'intake', notes: 'notes' }, params);
  await db.query(`UPDATE programme_cohorts SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

// ---- visiting professors ----

const PROFESSOR_SELECT = selectList({
  id: 'v.id',
  programmeId: 'v.programme_id',
  personId: 'v.person_id',
  person: `json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh, 'title', p.title, 'nationality', p.nationality)`,
  year: 'v.year',
  courses: 'v.courses',
  weeks: 'v.weeks',
  version: 'v.version',
  createdAt: isoTimestamp('v.created_at'),
  updatedAt: isoTimestamp('v.updated_at'),
});

/** The professors the partner sent to the programme, by year (the latest first), optionally one year's. */
export async function listVisitingProfessors(db: Queryable, programmeId: number, year?: number): Promise<VisitingProfessor[]> {
  const where = new Where().when(programmeId, 'v.programme_id = ?').when(year, 'v.year = ?');
  const { rows } = await db.query<VisitingProfessor>(
    `SELECT ${PROFESSOR_SELECT} FROM visiting_professors v JOIN people p ON p.id = v.person_id ${where} ORDER BY v.year DESC, p.family_name, v.id`,
    where.params,
  );
  return rows;
}

/** Inserts a visiting professor's year and returns it. */
export async function insertVisitingProfessor(db: Queryable, programmeId: number, values: { personId: number; year: number; courses: string | null; weeks: number | null }): Promise<VisitingProfessor> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO visiting_professors (programme_id, person_id, year, courses, weeks) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [programmeId, values.personId, values.year, values.courses, values.weeks],
  );
  const found = await db.query<VisitingProfessor>(`SELECT ${PROFESSOR_SELECT} FROM visiting_professors v JOIN people p ON p.id = v.person_id WHERE v.id = $1`, [rows[0]!.id]);
  return found.rows[0]!;
}
