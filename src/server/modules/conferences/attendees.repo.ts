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

/** Replaces the whole attendee list in one statement (an import of thousands of rows stays one round trip). */
export async function replaceAttendees(db: Queryable, conferenceId: number, attendees: AttendeeValues[]): Promise<void> {
  await db.query('DELETE FROM conference_attendees WHERE conference_id = $1', [conferenceId]);
  if (!attendees.length) return;
  await db.query(
    `INSERT INTO conference_attendees (conference_id, person_id, full_name, institution_id, institution_name, country_code, role, is_foreign, position)
     SELECT $1, a.person_id, a.full_name, a.institution_id, a.institution_name, a.country_code, a.role, a.is_foreign, a.position
       FROM json_to_recordset($2::json) AS a(person_id bigint, full_name text, institution_id bigint, institution_name text,
                                             country_code text, role text, is_foreign boolean, position int)`,
    [
      conferenceId,
      JSON.stringify(
        attendees.map((a, position) => ({
          person_id: a.personId,
          full_name: a.fullName,
          institution_id: a.institutionId,
          institution_name: a.institutionName,
          country_code: a.countryCode,
          role: a.role,
          is_foreign: a.isForeign,
          position,
        })),
      ),
    ],
  );
}

/** Adds one attendee at the end of the list. */
export async function insertAttendee(db: Queryable, conferenceId: number, a: AttendeeValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO conference_attendees (conference_id, person_id, full_name, institution_id, institution_name, country_code, role, is_foreign, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT coalesce(max(position), -1) + 1 FROM conference_attendees WHERE conference_id = $1))
     RETURNING id`,
    [conferenceId, a.personId, a.fullName, a.institutionId, a.institutionName, a.countryCode, a.role, a.isForeign],
  );
  return rows[0]!.id;
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

/** Countries and regions with every name an attendee list may give them (code, alpha-3, en/zh/fr). */
export async function countryNames(db: Queryable): Promise<Array<{ code: string; alpha3: string; nameEn: string; nameZh: string; nameFr: string; isRegion: boolean }>> {
  const { rows } = await db.query<{ code: string; alpha3: string; nameEn: string; nameZh: string; nameFr: string; isRegion: boolean }>(
    'SELECT code, alpha3, name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr", is_region AS "isRegion" FROM countries',
  );
  return rows;
}

/**
 * Institutions whose name (English, Chinese, French or local) is exactly one of `names`,
 * ignoring case: an attendee's institution is linked only when it is unambiguous.
 */
export async function institutionsNamed(db: Queryable, names: string[]): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  if (!names.length) return found;
  const { rows } = await db.query<{ name: string; id: number }>(
    // An equality join, so that thousands of names meet thousands of institutions in one hash join.
    `WITH given AS (SELECT DISTINCT name, lower(name) AS k FROM unnest($1::text[]) AS name),
          known AS (SELECT i.id, lower(v) AS k FROM institutions i CROSS JOIN LATERAL unnest(ARRAY[i.name_en, i.name_zh, i.name_fr, i.name_local]) AS v WHERE v IS NOT NULL)
     SELECT DISTINCT given.name, known.id FROM given JOIN known USING (k)`,
    [names],
  );
  for (const r of rows) found.set(r.name, [...(found.get(r.name) ?? []), r.id]);
  return found;
}

/** The nationality of a person, or undefined when there is no such person. */
export async function personNationality(db: Queryable, personId: number): Promise<string | null | undefined> {
  const { rows } = await db.query<{ nationality: string | null }>('SELECT nationality FROM people WHERE id = $1', [personId]);
  return rows.length ? rows[0]!.nationality : undefined;
}
