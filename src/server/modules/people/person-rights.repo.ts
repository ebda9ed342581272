import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { isoTimestamp } from '../../db/columns.ts';
import { unitScopeSql } from '../../db/scope.ts';

/*
 * A person's data rights read and scrub every row that names a person, whichever module
 * wrote it: like the reports, this one place joins across modules, so that an export or an
 * erasure cannot miss a table. PERSON_REFERENCES lists every column that references
 * people(id); person-rights.test.ts compares it with the database's foreign keys (read from
 * information_schema), so a module that adds one fails that test until the export covers it.
 */

/** Every column that references people(id), and the export section that holds its rows. */
export const PERSON_REFERENCES = [
  { table: 'visit_members', column: 'person_id', section: 'visits' },
  { table: 'appointments', column: 'person_id', section: 'appointments' },
  { table: 'expert_documents', column: 'person_id', section: 'expertDocuments' },
  { table: 'conference_attendees', column: 'person_id', section: 'conferenceAttendances' },
  { table: 'ledger', column: 'person_id', section: 'ledger' },
  { table: 'mission_members', column: 'person_id', section: 'missions' },
  { table: 'honours', column: 'person_id', section: 'honours' },
  { table: 'student_enrolments', column: 'person_id', section: 'studentEnrolments' },
  { table: 'programme_students', column: 'person_id', section: 'programmeStudents' },
  { table: 'visiting_professors', column: 'person_id', section: 'visitingProfessors' },
  { table: 'exchange_applications', column: 'person_id', section: 'exchangeApplications' },
] as const;

type Row = Record<string, unknown>;

/** `AND column IN (the coordinator's units)` with its placeholder as $2, or nothing. */
const scoped = (column: string, scope: number | null) => (scope === null ? '' : `AND ${unitScopeSql(column, 2)}`);
const params = (personId: number, scope: number | null) => (scope === null ? [personId] : [personId, scope]);

/** The person's visits (as a member), within the caller's reach (the host unit). */
export async function visitsOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT v.id AS "visitId", v.title_en AS "titleEn", v.title_zh AS "titleZh", v.host_unit_id AS "hostUnitId", v.purpose,
       v.start_date AS "startDate", v.end_date AS "endDate", v.status, m.role_in_delegation AS "roleInDelegation",
       m.institution_id AS "institutionId", i.name_en AS "institutionName", m.country_code AS "countryCode"
     FROM visit_members m JOIN visits v ON v.id = m.visit_id LEFT JOIN institutions i ON i.id = m.institution_id
     WHERE m.person_id = $1 ${scoped('v.host_unit_id', db.scope)} ORDER BY v.start_date, v.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The person's appointments, within the caller's reach (the appointing unit). */
export async function appointmentsOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT a.id, a.title, a.unit_id AS "unitId", a.institution_id AS "institutionId", a.start_date AS "startDate", a.end_date AS "endDate",
       a.status, a.revoked_on AS "revokedOn", a.notes, a.predecessor_id AS "predecessorId", a.version,
       ${isoTimestamp('a.created_at')} AS "createdAt", ${isoTimestamp('a.updated_at')} AS "updatedAt"
     FROM appointments a WHERE a.person_id = $1 ${scoped('a.unit_id', db.scope)} ORDER BY a.start_date, a.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** An expert document as stored: its number still encrypted. */
export interface StoredDocument extends Row {
  numberEnc: string | null;
}

/** The person's expert documents, within the caller's reach (the appointment's unit, else the person's, as the appointments module reads them). */
export async function documentsOf(db: Scoped, personId: number): Promise<StoredDocument[]> {
  const { rows } = await db.query<StoredDocument>(
    `SELECT d.id, d.appointment_id AS "appointmentId", d.kind, d.number_enc AS "numberEnc", d.issued_on AS "issuedOn", d.expires_on AS "expiresOn",
       d.notes, d.version, ${isoTimestamp('d.created_at')} AS "createdAt", ${isoTimestamp('d.updated_at')} AS "updatedAt"
     FROM expert_documents d JOIN people p ON p.id = d.person_id LEFT JOIN appointments a ON a.id = d.appointment_id
     WHERE d.person_id = $1 ${scoped('coalesce(a.unit_id, p.unit_id)', db.scope)} ORDER BY d.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The conferences whose attendee list names the person, within the caller's reach (the host unit). */
export async function attendancesOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT ca.id AS "attendeeId", c.id AS "conferenceId", c.title_en AS "titleEn", c.title_zh AS "titleZh", c.start_date AS "startDate",
       c.end_date AS "endDate", c.status, ca.full_name AS "fullName", ca.institution_id AS "institutionId", ca.institution_name AS "institutionName",
       ca.country_code AS "countryCode", ca.role, ca.is_foreign AS "isForeign"
     FROM conference_attendees ca JOIN conferences c ON c.id = ca.conference_id
     WHERE ca.person_id = $1 ${scoped('c.host_unit_id', db.scope)} ORDER BY c.start_date, ca.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The person's person-times in the ledger, within the caller's reach (our unit on the row). */
export async function ledgerRowsOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT id, direction, who, category, country_code AS "countryCode", institution_id AS "institutionId", unit_id AS "unitId",
       start_date AS "startDate", end_date AS "endDate", source_module AS "sourceModule", source_id AS "sourceId"
     FROM ledger WHERE person_id = $1 ${scoped('unit_id', db.scope)} ORDER BY start_date, id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The outbound missions the person was a member of, within the caller's reach (the sending unit). */
export async function missionsOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT ms.id AS "missionId", ms.title_en AS "titleEn", ms.title_zh AS "titleZh", ms.unit_id AS "unitId", ms.purpose,
       ms.start_date AS "startDate", ms.end_date AS "endDate", ms.status, m.role
     FROM mission_members m JOIN missions ms ON ms.id = m.mission_id
     WHERE m.person_id = $1 ${scoped('ms.unit_id', db.scope)} ORDER BY ms.start_date, ms.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The honours the person received, within the caller's reach (the unit recorded with the honour; null = the office's). */
export async function honoursOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT h.id, h.kind, h.name_original AS "nameOriginal", h.name_en AS "nameEn", h.name_zh AS "nameZh", h.name_fr AS "nameFr",
       h.awarding_institution_id AS "awardingInstitutionId", h.awarding_body AS "awardingBody", h.country_code AS "countryCode",
       h.conferred_on AS "conferredOn", h.date_precision AS "datePrecision", h.citation, h.notable, h.unit_id AS "unitId", h.version
     FROM honours h WHERE h.person_id = $1 ${scoped('h.unit_id', db.scope)} ORDER BY h.conferred_on, h.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The person's enrolments as an international degree student, within the caller's reach (the teaching unit). */
export async function enrolmentsOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT e.id, e.level, e.programme_en AS "programmeEn", e.programme_zh AS "programmeZh", e.unit_id AS "unitId", e.funding,
       e.instruction_language AS "instructionLanguage", e.student_number AS "studentNumber", e.country_code AS "countryCode",
       e.admitted_on AS "admittedOn", e.enrolled_on AS "enrolledOn", e.expected_completion_on AS "expectedCompletionOn", e.status,
       e.suspended_on AS "suspendedOn", e.completed_on AS "completedOn", e.degree_awarded AS "degreeAwarded", e.left_on AS "leftOn", e.notes, e.version
     FROM student_enrolments e WHERE e.person_id = $1 ${scoped('e.unit_id', db.scope)} ORDER BY e.admitted_on, e.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The person as a student of a joint programme, with their assessments and residency placements, within the caller's reach (the programme's unit). */
export async function programmeStudiesOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT s.id, s.programme_id AS "programmeId", pr.name_en AS "programmeNameEn", s.cohort_id AS "cohortId", c.entry_year AS "entryYear",
       s.student_number AS "studentNumber", s.status, s.notes, s.version,
       coalesce((SELECT json_agg(json_build_object('id', a.id, 'stage', a.stage, 'assessedOn', a.assessed_on, 'result', a.result,
         'meetsStandard', a.meets_standard, 'evaluatorNotes', a.evaluator_notes) ORDER BY a.assessed_on, a.id)
         FROM programme_assessments a WHERE a.student_id = s.id), '[]'::json) AS assessments,
       coalesce((SELECT json_agg(json_build_object('id', r.id, 'hostInstitutionId', r.host_institution_id, 'department', r.department,
         'startDate', r.start_date, 'endDate', r.end_date, 'status', r.status, 'notes', r.notes) ORDER BY r.start_date, r.id)
         FROM residency_placements r WHERE r.student_id = s.id), '[]'::json) AS placements
     FROM programme_students s JOIN programmes pr ON pr.id = s.programme_id JOIN programme_cohorts c ON c.id = s.cohort_id
     WHERE s.person_id = $1 ${scoped('pr.unit_id', db.scope)} ORDER BY c.entry_year, s.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The years the person taught in a joint programme as a visiting professor, within the caller's reach (the programme's unit). */
export async function visitingYearsOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT v.id, v.programme_id AS "programmeId", pr.name_en AS "programmeNameEn", v.year, v.courses, v.weeks, v.version
     FROM visiting_professors v JOIN programmes pr ON pr.id = v.programme_id
     WHERE v.person_id = $1 ${scoped('pr.unit_id', db.scope)} ORDER BY v.year, v.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** The person's applications to go abroad on an exchange, within the caller's reach (the unit that runs the selection). */
export async function exchangeApplicationsOf(db: Scoped, personId: number): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT a.id, a.opportunity_id AS "opportunityId", o.title_en AS "opportunityTitleEn", o.kind, o.host_institution_id AS "hostInstitutionId",
       o.academic_year AS "academicYear", o.unit_id AS "unitId", a.applied_on AS "appliedOn", a.score, a.language_certificate AS "languageCertificate",
       a.status, a.decided_on AS "decidedOn", a.departure_date AS "departureDate", a.return_date AS "returnDate", a.notes, a.version
     FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id
     WHERE a.person_id = $1 ${scoped('o.unit_id', db.scope)} ORDER BY a.applied_on, a.id`,
    params(personId, db.scope),
  );
  return rows;
}

/** An audit row about the person. */
export interface AuditRowAbout {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

/**
 * The audit rows about the person: their own record's, their attendee rows', and every row
 * whose copy of a record names them by `personId` (a visit's members, an appointment, a
 * document), or holds one of `names` (an attendee list as it was imported).
 */
export async function auditRowsAbout(
  db: Scoped,
  person: { id: number; attendeeIds: readonly number[]; names: readonly string[] },
): Promise<AuditRowAbout[]> {
  const values: unknown[] = [person.id];
  const p = (v: unknown) => `$${values.push(v)}`;
  const linked = (column: string) => `jsonb_path_exists(coalesce(${column}, 'null'::jsonb), '$.** ? (@.personId == $id)', jsonb_build_object('id', $1::bigint))`;
  const named = (column: string) => `EXISTS (SELECT 1 FROM unnest(${p(person.names)}::text[]) n WHERE strpos(${column}::text, n) > 0)`;
  const conditions = [
    `(entity = 'person' AND entity_id = $1::text)`,
    `(entity = 'conference_attendee' AND entity_id = ANY(${p(person.attendeeIds.map(String))}::text[]))`,
    linked('before'),
    linked('after'),
    // A namesake's own record is theirs, whatever it holds.
    ...(person.names.length ? [`(NOT (entity = 'person' AND entity_id <> $1::text) AND (${named('before')} OR ${named('after')}))`] : []),
  ];
  const scopeSql = db.scope === null ? '' : `AND ${unitScopeSql('unit_id', values.push(db.scope))}`;
  const { rows } = await db.query<AuditRowAbout>(
    `SELECT id, ${isoTimestamp('at')} AS at, actor_label AS "actorLabel", action, entity, entity_id AS "entityId", unit_id AS "unitId", before, after
     FROM audit_log WHERE (${conditions.join(' OR ')}) ${scopeSql} ORDER BY id`,
    values,
  );
  return rows;
}

/** Rewrites an audit row's before and after (the erasure's scrubbing; nothing else ever changes the log). */
export async function rewriteAuditCopies(db: Queryable, id: number, before: unknown, after: unknown): Promise<void> {
  await db.query('UPDATE audit_log SET before = $2::jsonb, after = $3::jsonb WHERE id = $1', [
    id,
    before === null || before === undefined ? null : JSON.stringify(before),
    after === null || after === undefined ? null : JSON.stringify(after),
  ]);
}

/** The ids and listed names of the attendee rows linked to the person. */
export async function attendeeNames(db: Queryable, personId: number): Promise<Array<{ id: number; fullName: string }>> {
  const { rows } = await db.query<{ id: number; fullName: string }>('SELECT id, full_name AS "fullName" FROM conference_attendees WHERE person_id = $1', [personId]);
  return rows;
}

/**
 * Removes the person's personal fields and marks them erased; keeps nationality (the
 * figures by country) and unit (who reaches the record). Their rows elsewhere keep their
 * person-times: the attendee rows lose the name as listed, the documents their numbers and
 * notes, their appointments and enrolments their notes.
 */
export async function erasePersonRows(db: Queryable, personId: number, placeholder: string, searchText: string): Promise<void> {
  await db.query(
    `UPDATE people SET family_name = $2, given_name = NULL, name_zh = NULL, other_names = '{}', gender = NULL, institution_id = NULL,
       title = NULL, email = NULL, notes = NULL, birth_date_enc = NULL, passport_enc = NULL, passport_index = NULL, search_text = $3,
       erased_at = now(), version = version + 1, updated_at = now()
     WHERE id = $1`,
    [personId, placeholder, searchText],
  );
  await db.query('UPDATE conference_attendees SET full_name = $2 WHERE person_id = $1', [personId, placeholder]);
  await db.query(
    `UPDATE expert_documents SET number_enc = NULL, notes = NULL, version = version + 1, updated_at = now()
     WHERE person_id = $1 AND (number_enc IS NOT NULL OR notes IS NOT NULL)`,
    [personId],
  );
  // Notes on records that are about the person alone (their appointment, their enrolment) may name them.
  for (const table of ['appointments', 'student_enrolments', 'programme_students', 'exchange_applications'])
    await db.query(`UPDATE ${table} SET notes = NULL, version = version + 1, updated_at = now() WHERE person_id = $1 AND notes IS NOT NULL`, [personId]);
}
