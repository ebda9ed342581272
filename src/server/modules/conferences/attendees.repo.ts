import type { Queryable } from '../../db/client.ts';
import { setList } from '../../db/columns.ts';
import type { Attendee } from '../../../shared/contracts/conferences.ts';
import type { LedgerAttendee } from './conferences.rules.ts';

const COLUMNS = `a.id, a.conference_id AS "conferenceId", a.person_id AS "personId", a.full_name AS "fullName", a.institution_id AS "institutionId",
  a.institution_name AS "institutionName", a.country_code AS "countryCode", a.role, a.is_foreign AS "isForeign"`;

/** An attendee as written: the fields of the table, `isForeign` already derived. */
export type AttendeeValues = Omit<Attendee, 'id' | 'conferenceId'>;

/** The attendee list of a conference, in the order it was given. */
export async function listAttendees(db: Queryable, conferenceId: number): Promise<Attendee[]> {
  const { rows } = await db.query<Attendee>(`SELECT ${COLUMNS} FROM conference_attendees a WHERE a.conference_id = $1 ORDER BY a.position, a.id`, [conferenceId]);
  return rows;
}

/** One attendee of a conference, or null. */
export async function findAttendee(db: Queryable, conferenceId: number, id: number): Promise<Attendee | null> {
  const { rows } = await db.query<Attendee>(`SELECT ${COLUMNS} FROM conference_attendees a WHERE a.conference_id = $1 AND a.id = $2`, [conferenceId, id]);
  return rows[0] ?? null;
}

/** Inserts attendees after the list's last, in the order given; their ids in that order (one statement for a file of thousands). */
export async function insertAttendees(db: Queryable, conferenceId: number, attendees: AttendeeValues[]): Promise<number[]> {
  if (!attendees.length) return [];
  const { rows } = await db.query<{ id: number; position: number }>(
    `WITH last AS (SELECT coalesce(max(position), -1) AS p FROM conference_attendees WHERE conference_id = $1)
     INSERT INTO conference_attendees (conference_id, person_id, full_name, institution_id, institution_name, country_code, role, is_foreign, position)
     SELECT $1, a.person_id, a.full_name, a.institution_id, a.institution_name, a.country_code, a.role, a.is_foreign, last.p + 1 + a.i
       FROM last, json_to_recordset($2::json) AS a(i int, person_id bigint, full_name text, institution_id bigint, institution_name text, country_code text, role text, is_foreign boolean)
     RETURNING id, position`,
    [
      conferenceId,
      JSON.stringify(attendees.map((a, i) => ({ i, person_id: a.personId, full_name: a.fullName, institution_id: a.institutionId, institution_name: a.institutionName, country_code: a.countryCode, role: a.role, is_foreign: a.isForeign }))),
    ],
  );
  return rows.sort((a, b) => a.position - b.position).map((r) => Number(r.id));
}

/** The conference of each attendee (an import's undo finds them by id). */
export async function attendeesByIds(db: Queryable, ids: number[]): Promise<Attendee[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<Attendee>(`SELECT ${COLUMNS} FROM conference_attendees a WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`, [ids]);
  return rows;
}

/** Removes attendees. */
export async function deleteAttendeeRows(db: Queryable, ids: number[]): Promise<void> {
  await db.query('DELETE FROM conference_attendees WHERE id = ANY($1::bigint[])', [ids]);
}

const WRITABLE = {
  personId: 'person_id',
  fullName: 'full_name',
  institutionId: 'institution_id',
  institutionName: 'institution_name',
  countryCode: 'country_code',
  role: 'role',
  isForeign: 'is_foreign',
};

/** Writes the given fields of one attendee. */
export async function updateAttendeeRow(db: Queryable, id: number, values: Partial<AttendeeValues>): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  if (sets.length) await db.query(`UPDATE conference_attendees SET ${sets.join(', ')} WHERE id = $1`, params);
}

/** Removes one attendee. */
export async function deleteAttendeeRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM conference_attendees WHERE id = $1', [id]);
}

/** The attendee list as the ledger reads it. */
export async function ledgerAttendees(db: Queryable, conferenceId: number): Promise<LedgerAttendee[]> {
  const { rows } = await db.query<LedgerAttendee>(
    `SELECT a.person_id AS "personId", a.country_code AS "countryCode", p.nationality, a.institution_id AS "institutionId", a.is_foreign AS "isForeign"
       FROM conference_attendees a LEFT JOIN people p ON p.id = a.person_id WHERE a.conference_id = $1 ORDER BY a.position, a.id`,
    [conferenceId],
  );
  return rows;
}

/** The nationality of a person, or undefined when there is no such person. */
export async function personNationality(db: Queryable, personId: number): Promise<string | null | undefined> {
  const { rows } = await db.query<{ nationality: string | null }>('SELECT nationality FROM people WHERE id = $1', [personId]);
  return rows.length ? rows[0]!.nationality : undefined;
}
