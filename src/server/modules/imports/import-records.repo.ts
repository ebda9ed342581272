/**
 * SQL of the kinds imported with their people (missions, appointments, honours) and of the
 * ledger's aggregate rows: the records on file an import recognises, within the caller's reach.
 */
import { Where } from '../../db/where.ts';
import type { Scoped } from '../../core/request-context.ts';

/** A mission as an import recognises it: its English title, sending unit and days. */
export interface MissionOnFile {
  id: number;
  titleEn: string;
  titleZh: string | null;
  unitId: number;
  startDate: string;
  endDate: string;
}

/** The missions within the caller's reach (their sending unit's). */
export async function missionsOnFile(db: Scoped): Promise<MissionOnFile[]> {
  const where = new Where().scope('m.unit_id', db.scope);
  const { rows } = await db.query<MissionOnFile>(
    `SELECT m.id, m.title_en AS "titleEn", m.title_zh AS "titleZh", m.unit_id AS "unitId",
            m.start_date::text AS "startDate", m.end_date::text AS "endDate"
     FROM missions m ${where}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), unitId: Number(r.unitId) }));
}

/** An appointment as an import recognises it: its expert, title, unit and first day. */
export interface AppointmentOnFile {
  id: number;
  personId: number;
  title: string;
  unitId: number;
  startDate: string;
}

/** The appointments within the caller's reach (their appointing unit's). */
export async function appointmentsOnFile(db: Scoped): Promise<AppointmentOnFile[]> {
  const where = new Where().scope('a.unit_id', db.scope);
  const { rows } = await db.query<AppointmentOnFile>(
    `SELECT a.id, a.person_id AS "personId", a.title, a.unit_id AS "unitId", a.start_date::text AS "startDate" FROM appointments a ${where}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), personId: Number(r.personId), unitId: Number(r.unitId) }));
}

/** An honour as an import recognises it: its recipient, English name and date. */
export interface HonourOnFile {
  id: number;
  personId: number;
  nameEn: string;
  conferredOn: string;
}

/** The honours within the caller's reach (their unit's). */
export async function honoursOnFile(db: Scoped): Promise<HonourOnFile[]> {
  const where = new Where().scope('h.unit_id', db.scope);
  const { rows } = await db.query<HonourOnFile>(
    `SELECT h.id, h.person_id AS "personId", h.name_en AS "nameEn", h.conferred_on::text AS "conferredOn" FROM honours h ${where}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), personId: Number(r.personId) }));
}

/** An aggregate count as an import recognises it: what it counts, where and when. */
export interface AggregateOnFile {
  id: number;
  direction: string;
  who: string;
  category: string;
  countryCode: string | null;
  unitId: number | null;
  startDate: string;
  endDate: string;
  version: number;
}

/** The ledger's aggregate entries within the caller's reach. */
export async function aggregatesOnFile(db: Scoped): Promise<AggregateOnFile[]> {
  const where = new Where().scope('a.unit_id', db.scope);
  const { rows } = await db.query<AggregateOnFile>(
    `SELECT a.id, a.direction, a.who, a.category, a.country_code AS "countryCode", a.unit_id AS "unitId", a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.version
     FROM ledger_aggregates a ${where}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), unitId: r.unitId === null ? null : Number(r.unitId) }));
}

/** An enrolment as an import recognises it: its student, level, programme and admission. */
export interface EnrolmentOnFile {
  id: number;
  personId: number;
  level: string;
  programmeEn: string;
  admittedOn: string;
}

/** The enrolments within the caller's reach (their teaching unit's). */
export async function enrolmentsOnFile(db: Scoped): Promise<EnrolmentOnFile[]> {
  const where = new Where().scope('e.unit_id', db.scope);
  const { rows } = await db.query<EnrolmentOnFile>(
    `SELECT e.id, e.person_id AS "personId", e.level, e.programme_en AS "programmeEn", e.admitted_on::text AS "admittedOn" FROM student_enrolments e ${where}`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), personId: Number(r.personId) }));
}
