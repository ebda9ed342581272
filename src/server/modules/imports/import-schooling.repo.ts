/**
 * SQL of the kinds about our own students abroad and in the joint programmes: the exchange
 * opportunities and applications, the programmes, their cohorts and students an import
 * recognises, within the caller's reach.
 */
import { Where } from '../../db/where.ts';
import type { Scoped } from '../../core/request-context.ts';

/** An exchange opportunity as a row names it: its titles, host and academic year. */
export interface OpportunityOnFile {
  id: number;
  titles: string[];
  hostInstitutionId: number;
  academicYear: number;
  unitId: number;
}

/** The opportunities within the caller's reach (their unit's). */
export async function opportunitiesOnFile(db: Scoped): Promise<OpportunityOnFile[]> {
  const where = new Where().scope('o.unit_id', db.scope);
  const { rows } = await db.query<{ id: number; titleEn: string; titleZh: string | null; titleFr: string | null; hostInstitutionId: number; academicYear: number; unitId: number }>(
    `SELECT o.id, o.title_en AS "titleEn", o.title_zh AS "titleZh", o.title_fr AS "titleFr", o.host_institution_id AS "hostInstitutionId",
            o.academic_year AS "academicYear", o.unit_id AS "unitId"
     FROM exchange_opportunities o ${where}`,
    where.params,
  );
  return rows.map((r) => ({
    id: Number(r.id), titles: [r.titleEn, r.titleZh, r.titleFr].filter((t): t is string => !!t), hostInstitutionId: Number(r.hostInstitutionId), academicYear: Number(r.academicYear), unitId: Number(r.unitId),
  }));
}

/** An application as an import recognises it: its student and exchange. */
export interface ApplicationOnFile {
  id: number;
  opportunityId: number;
  personId: number;
  appliedOn: string;
}

/** The applications within the caller's reach (their opportunity's unit's). */
export async function applicationsOnFile(db: Scoped): Promise<ApplicationOnFile[]> {
  const where = new Where().scope('o.unit_id', db.scope);
  const { rows } = await db.query<ApplicationOnFile>(
    `SELECT a.id, a.opportunity_id AS "opportunityId", a.person_id AS "personId", a.applied_on::text AS "appliedOn"
     FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id ${where}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), opportunityId: Number(r.opportunityId), personId: Number(r.personId) }));
}

/** A programme as a row names it, with its cohorts by entry year. */
export interface ProgrammeOnFile {
  id: number;
  names: string[];
  unitId: number;
  cohorts: Map<number, number>;
}

/** The programmes within the caller's reach (their unit's), with their cohorts. */
export async function programmesOnFile(db: Scoped): Promise<ProgrammeOnFile[]> {
  const where = new Where().scope('g.unit_id', db.scope);
  const { rows } = await db.query<{ id: number; nameEn: string; nameZh: string | null; nameFr: string | null; unitId: number; cohorts: Array<{ id: number; entryYear: number }> }>(
    `SELECT g.id, g.name_en AS "nameEn", g.name_zh AS "nameZh", g.name_fr AS "nameFr", g.unit_id AS "unitId",
            COALESCE((SELECT json_agg(json_build_object('id', c.id, 'entryYear', c.entry_year)) FROM programme_cohorts c WHERE c.programme_id = g.id), '[]') AS cohorts
     FROM programmes g ${where}`,
    where.params,
  );
  return rows.map((r) => ({
    id: Number(r.id), names: [r.nameEn, r.nameZh, r.nameFr].filter((n): n is string => !!n), unitId: Number(r.unitId),
    cohorts: new Map(r.cohorts.map((c) => [Number(c.entryYear), Number(c.id)])),
  }));
}

/** A programme student as an import recognises them: their programme, number and person. */
export interface ProgrammeStudentOnFile {
  id: number;
  programmeId: number;
  personId: number;
  studentNumber: string;
}

/** The programmes' students within the caller's reach. */
export async function programmeStudentsOnFile(db: Scoped): Promise<ProgrammeStudentOnFile[]> {
  const where = new Where().scope('g.unit_id', db.scope);
  const { rows } = await db.query<ProgrammeStudentOnFile>(
    `SELECT s.id, s.programme_id AS "programmeId", s.person_id AS "personId", s.student_number AS "studentNumber"
     FROM programme_students s JOIN programmes g ON g.id = s.programme_id ${where}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), programmeId: Number(r.programmeId), personId: Number(r.personId) }));
}
