/** SQL of an export for import: the people its rows name, with the columns a person's row carries. */
import type { Queryable } from '../../db/client.ts';

/** A person as a row of an export names them (never their passport number or birth date). */
export interface PersonForExport {
  id: number;
  familyName: string;
  givenName: string | null;
  nameZh: string | null;
  otherNames: string[];
  gender: string | null;
  nationality: string | null;
  institutionId: number | null;
  title: string | null;
  email: string | null;
  unitId: number | null;
  notes: string | null;
}

/** The people of `ids` (records already within the caller's reach name them), by id. */
export async function peopleForExport(db: Queryable, ids: readonly number[]): Promise<Map<number, PersonForExport>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<PersonForExport>(
    `SELECT id, family_name AS "familyName", given_name AS "givenName", name_zh AS "nameZh", other_names AS "otherNames", gender, nationality,
            institution_id AS "institutionId", title, email::text AS email, unit_id AS "unitId", notes
     FROM people WHERE id = ANY($1::bigint[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** A programme student's residency as a row of an export carries it. */
export interface ResidencyForExport {
  studentId: number;
  hostInstitutionId: number;
  department: string | null;
  startDate: string;
  endDate: string;
  status: string;
}

/**
 * The latest residency (by start) of each student of `studentIds` (records already within the
 * caller's reach), by student: a row carries one.
 */
export async function latestResidencies(db: Queryable, studentIds: readonly number[]): Promise<Map<number, ResidencyForExport>> {
  if (studentIds.length === 0) return new Map();
  const { rows } = await db.query<ResidencyForExport>(
    `SELECT DISTINCT ON (student_id) student_id AS "studentId", host_institution_id AS "hostInstitutionId", department,
            start_date::text AS "startDate", end_date::text AS "endDate", status
     FROM residency_placements WHERE student_id = ANY($1::bigint[]) ORDER BY student_id, start_date DESC, id DESC`,
    [[...new Set(studentIds)]],
  );
  return new Map(rows.map((r) => [Number(r.studentId), { ...r, studentId: Number(r.studentId), hostInstitutionId: Number(r.hostInstitutionId) }]));
}
