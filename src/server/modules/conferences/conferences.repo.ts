import type { Queryable } from '../../db/client.ts';
import { standingSql } from '../../db/deadline-sql.ts';
import { deadlineRules } from '../../../shared/kinds/deadline-rules.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList, insertVersionedRows } from '../../db/columns.ts';
import { unitScopeSql } from '../../db/scope.ts';
import { selectPage, Where } from '../../db/where.ts';
import { LEDGER_CONFERENCE_STATUSES, type Conference } from '../../../shared/contracts/conferences.ts';
import type { ExpertConference } from '../../../shared/contracts/appointments.ts';

/** Columns written from the API's fields (partners and attendees live in their own tables). */
const WRITABLE = {
  titleEn: 'title_en',
  titleZh: 'title_zh',
  titleFr: 'title_fr',
  startDate: 'start_date',
  endDate: 'end_date',
  venue: 'venue',
  hostUnitId: 'host_unit_id',
  participants: 'participants',
  foreignParticipants: 'foreign_participants',
  countriesRepresented: 'countries_represented',
  status: 'status',
  summary: 'summary',
  summarySubmittedOn: 'summary_submitted_on',
  notes: 'notes',
  searchText: 'search_text',
};

export type ConferenceValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

/** The summary's deadline rule (two months after the last day unless the office set another lead time). */
const SUMMARY_RULE = deadlineRules().find((r) => r.kind === 'conferences' && r.deadline.what === 'summary')!;

/** The office's threshold for a major conference (the settings row; 50 if it were ever missing). */
const MAJOR_AT = `coalesce((SELECT (s.value #>> '{}')::int FROM settings s WHERE s.key = 'conference.majorForeignParticipants'), 50)`;

/**
 * The FROM clause with the derived values at `asOf` (its placeholder comes first in
 * `where`): the summary's due date by the deadline rule and whether it was overdue then, the classification by
 * the threshold as set now, and what the attendee list holds.
 */
function derivedFrom(where: Where, asOf: string): string {
  const at = `${where.param(asOf)}::date`;
  const { dueOn } = standingSql(SUMMARY_RULE, where, 'c.end_date', at);
  // overdue on `asOf` as the records stood then: taken place, due, and no summary by that day
  return `conferences c
    CROSS JOIN LATERAL (SELECT ${dueOn} AS due,
                               (c.status IN ('approved','held','closed') AND ${at} > ${dueOn} AND (c.summary_submitted_on IS NULL OR c.summary_submitted_on > ${at})) AS overdue,
                               CASE WHEN c.foreign_participants >= ${MAJOR_AT} THEN 'major' ELSE 'general' END AS classification) d
    CROSS JOIN LATERAL (SELECT count(*)::int AS total, (count(*) FILTER (WHERE at.is_foreign))::int AS foreign_n,
                               count(DISTINCT at.country_code)::int AS countries
                          FROM conference_attendees at WHERE at.conference_id = c.id) att`;
}

const PARTNERS = `coalesce((SELECT json_agg(json_build_object(
    'institutionId', i.id, 'role', cp.role, 'nameEn', i.name_en, 'nameZh', i.name_zh, 'countryCode', i.country_code) ORDER BY cp.position, i.id)
  FROM conference_partners cp JOIN institutions i ON i.id = cp.institution_id WHERE cp.conference_id = c.id), '[]'::json)`;

const COLUMNS = selectList({
  id: 'c.id',
  ...Object.fromEntries(Object.entries(WRITABLE).filter(([f]) => f !== 'searchText').map(([f, col]) => [f, `c.${col}`])),
  partners: PARTNERS,
  classification: 'd.classification',
  summaryDueOn: 'd.due',
  summaryOverdue: 'd.overdue',
  attendeeCount: 'att.total',
  foreignAttendeeCount: 'att.foreign_n',
  attendeeCountries: 'att.countries',
  version: 'c.version',
  createdAt: isoTimestamp('c.created_at'),
  updatedAt: isoTimestamp('c.updated_at'),
});

export interface ConferenceFilters {
  q?: string;
  status?: string;
  hostUnitId?: number;
  classification?: string;
  from?: string;
  to?: string;
  institutionId?: number;
  summaryOverdue?: 'true' | 'false';
  counted?: 'true' | 'false';
}

const SORTS: Record<string, string> = { startDate: 'c.start_date', titleEn: 'c.title_en', updatedAt: 'c.updated_at' };

/** A page of conferences within the caller's reach, derived values at `asOf`. */
export function listConferences(
  db: Scoped,
  asOf: string,
  query: ConferenceFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const where = new Where();
  const from = derivedFrom(where, asOf);
  where
    .scope('c.host_unit_id', db.scope)
    .searchFolded('c.search_text', query.q)
    .when(query.status, 'c.status = ?')
    .when(query.hostUnitId, 'c.host_unit_id IN (SELECT unit_subtree(?))')
    .when(query.classification, 'd.classification = ?')
    .when(query.from, 'c.start_date >= ?::date')
    .when(query.to, 'c.start_date <= ?::date')
    .when(query.institutionId, 'EXISTS (SELECT 1 FROM conference_partners cp WHERE cp.conference_id = c.id AND cp.institution_id = ?)');
  if (query.summaryOverdue) where.raw(query.summaryOverdue === 'true' ? 'd.overdue' : 'NOT d.overdue');
  if (query.counted) where.raw(`c.status ${query.counted === 'true' ? '' : 'NOT '}IN (${LEDGER_CONFERENCE_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  const orderBy = `${SORTS[query.sort] ?? 'c.start_date'} ${query.order === 'desc' ? 'DESC' : 'ASC'}, c.id`;
  return selectPage<Conference>(db, { select: COLUMNS, from, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** One conference within the caller's reach, derived values at `asOf`; `lock` for an update. */
export async function findConference(db: Scoped, id: number, asOf: string, lock = false): Promise<Conference | null> {
  const where = new Where();
  const from = derivedFrom(where, asOf);
  where.when(id, 'c.id = ?').scope('c.host_unit_id', db.scope);
  if (lock) await db.query('SELECT 1 FROM conferences WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Conference>(`SELECT ${COLUMNS} FROM ${from} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Conferences whose summary was overdue on `asOf`, within the caller's reach, by host unit then due date. */
export async function overdueConferences(db: Scoped, asOf: string): Promise<Conference[]> {
  const where = new Where();
  const from = derivedFrom(where, asOf);
  where.raw('d.overdue').scope('c.host_unit_id', db.scope);
  const { rows } = await db.query<Conference>(`SELECT ${COLUMNS} FROM ${from} ${where} ORDER BY c.host_unit_id, d.due, c.id`, where.params);
  return rows;
}

/** Inserts a conference row. */
export async function insertConference(db: Queryable, values: ConferenceValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO conferences (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields (possibly none) and bumps the version. */
export async function updateConferenceRow(db: Queryable, id: number, values: ConferenceValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE conferences SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes a conference (its partners and attendees go with it). */
export async function deleteConferenceRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM conferences WHERE id = $1', [id]);
}

/** Replaces the co-organizers of a conference, keeping their order. */
export async function replaceConferencePartners(db: Queryable, id: number, partners: Array<{ institutionId: number; role: string | null }>): Promise<void> {
  await db.query('DELETE FROM conference_partners WHERE conference_id = $1', [id]);
  await db.query(
    `INSERT INTO conference_partners (conference_id, institution_id, role, position)
     SELECT $1, p.institution_id, p.role, p.position FROM json_to_recordset($2::json) AS p(institution_id bigint, role text, position int)`,
    [id, JSON.stringify(partners.map((p, position) => ({ institution_id: p.institutionId, role: p.role, position })))],
  );
}

/** Which of the given institutions exist. */
export async function existingInstitutions(db: Queryable, ids: number[]): Promise<Set<number>> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM institutions WHERE id = ANY($1::bigint[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The conferences a person attended (by the attendee lists), within the caller's reach, newest first. */
export async function conferencesOfPerson(db: Scoped, personId: number): Promise<ExpertConference[]> {
  const { scope } = db;
  const params = scope !== null ? [personId, scope] : [personId];
  const { rows } = await db.query<ExpertConference>(
    `SELECT c.id AS "conferenceId", c.title_en AS "titleEn", c.title_zh AS "titleZh", c.start_date AS "startDate", c.end_date AS "endDate",
            c.status, a.role, c.host_unit_id AS "hostUnitId"
       FROM conference_attendees a JOIN conferences c ON c.id = a.conference_id
      WHERE a.person_id = $1 ${scope !== null ? `AND ${unitScopeSql('c.host_unit_id', 2)}` : ''}
      ORDER BY c.start_date DESC, c.id DESC`,
    params,
  );
  return rows;
}

/** The conferences within the caller's reach by their titles (an attendee file names its conference by number or title). */
export async function conferenceTitles(db: Scoped): Promise<Array<{ id: number; titleEn: string; titleZh: string; titleFr: string | null }>> {
  const where = new Where();
  where.scope('c.host_unit_id', db.scope);
  const { rows } = await db.query<{ id: number; titleEn: string; titleZh: string; titleFr: string | null }>(
    `SELECT c.id, c.title_en AS "titleEn", c.title_zh AS "titleZh", c.title_fr AS "titleFr" FROM conferences c ${where} ORDER BY c.id`,
    where.params,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Inserts many conference rows in one statement, each with the version its steps brought it to,
 * and returns their ids in the order given (their co-organizers: insertPartnersOfConferences).
 */
export function insertConferences(db: Queryable, values: Array<ConferenceValues & { version: number }>): Promise<number[]> {
  return insertVersionedRows(db, 'conferences', WRITABLE, values);
}

/** Writes the co-organizers of many new conferences (none has any yet) in one statement, each conference's in their order. */
export async function insertPartnersOfConferences(db: Queryable, conferences: Array<{ id: number; partners: Array<{ institutionId: number; role: string | null }> }>): Promise<void> {
  const rows = conferences.flatMap((c) => c.partners.map((p, position) => ({ conference_id: c.id, institution_id: p.institutionId, role: p.role, position })));
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO conference_partners (conference_id, institution_id, role, position)
     SELECT p.conference_id, p.institution_id, p.role, p.position FROM json_to_recordset($1::json) AS p(conference_id bigint, institution_id bigint, role text, position int)`,
    [JSON.stringify(rows)],
  );
}

/** Conferences by id within the caller's reach, derived values at `asOf`, in the order of their ids. */
export async function findConferences(db: Scoped, ids: number[], asOf: string): Promise<Conference[]> {
  if (ids.length === 0) return [];
  const where = new Where();
  const from = derivedFrom(where, asOf);
  where.when(ids, 'c.id = ANY(?::bigint[])').scope('c.host_unit_id', db.scope);
  const { rows } = await db.query<Conference>(`SELECT ${COLUMNS} FROM ${from} ${where} ORDER BY c.id`, where.params);
  return rows;
}
