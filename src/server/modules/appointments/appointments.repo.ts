import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import type { Appointment, RenewalItem } from '../../../shared/contracts/appointments.ts';

/** Columns written from the API's fields. */
const WRITABLE = {
  personId: 'person_id',
  title: 'title',
  unitId: 'unit_id',
  institutionId: 'institution_id',
  startDate: 'start_date',
  endDate: 'end_date',
  status: 'status',
  revokedOn: 'revoked_on',
  notes: 'notes',
  predecessorId: 'predecessor_id',
};

export type AppointmentValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

/** The expert as lists show them. */
export const EXPERT_NAME = `json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh, 'nationality', p.nationality)`;

/** The FROM clause with "in force" derived at `asOf`, whose placeholder comes first in `where`. */
function derivedFrom(where: Where, asOf: string): string {
  return `appointments a
    JOIN people p ON p.id = a.person_id
    LEFT JOIN institutions i ON i.id = a.institution_id
    CROSS JOIN LATERAL (SELECT appointment_in_force(a.status, a.start_date, a.end_date, a.revoked_on, ${where.param(asOf)}::date) AS in_force) d`;
}

const COLUMNS = selectList({
  id: 'a.id',
  ...Object.fromEntries(Object.entries(WRITABLE).map(([f, c]) => [f, `a.${c}`])),
  person: EXPERT_NAME,
  institutionName: 'i.name_en',
  successorId: '(SELECT s.id FROM appointments s WHERE s.predecessor_id = a.id)',
  inForce: 'd.in_force',
  version: 'a.version',
  createdAt: isoTimestamp('a.created_at'),
  updatedAt: isoTimestamp('a.updated_at'),
});

export interface AppointmentFilters {
  q?: string;
  title?: string;
  status?: string;
  unitId?: number;
  personId?: number;
  institutionId?: number;
  country?: string;
  inForce?: 'true' | 'false';
}

const SORTS: Record<string, string> = { startDate: 'a.start_date', endDate: 'a.end_date', familyName: 'p.family_name', updatedAt: 'a.updated_at' };

/** A page of appointments within the caller's reach (a coordinator's unit), "in force" derived at `asOf`. */
export function listAppointments(
  db: Scoped,
  asOf: string,
  query: AppointmentFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const { scope } = db;
  const where = new Where();
  const from = derivedFrom(where, asOf);
  where
    .scope('a.unit_id', scope)
    .searchFolded('p.search_text', query.q)
    .when(query.title, 'a.title = ?')
    .when(query.status, 'a.status = ?')
    .when(query.unitId, 'a.unit_id IN (SELECT unit_subtree(?))')
    .when(query.personId, 'a.person_id = ?')
    .when(query.institutionId, 'a.institution_id = ?')
    .when(query.country, 'p.nationality = ?');
  if (query.inForce) where.raw(query.inForce === 'true' ? 'd.in_force' : 'NOT d.in_force');
  const orderBy = `${SORTS[query.sort] ?? 'a.start_date'} ${query.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, a.id`;
  return selectPage<Appointment>(db, { select: COLUMNS, from, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** One appointment within the caller's reach, "in force" derived at `asOf`; `lock` for an update. */
export async function findAppointment(db: Scoped, id: number, asOf: string, lock = false): Promise<Appointment | null> {
  const { scope } = db;
  const where = new Where();
  const from = derivedFrom(where, asOf);
  where.when(id, 'a.id = ?').scope('a.unit_id', scope);
  if (lock) await db.query('SELECT 1 FROM appointments WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Appointment>(`SELECT ${COLUMNS} FROM ${from} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts an appointment row. */
export async function insertAppointment(db: Queryable, values: AppointmentValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO appointments (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateAppointmentRow(db: Queryable, id: number, values: AppointmentValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE appointments SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes an appointment (its documents stay, as the person's own). */
export async function deleteAppointmentRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM appointments WHERE id = $1', [id]);
}

/**
 * Whether a person is one of the actor's experts: any person when `scope` is null; for a
 * coordinator, a person of their unit, or one their unit has an appointment with.
 */
export async function expertInReach(db: Scoped, personId: number): Promise<boolean> {
  const { scope } = db;
  const { rows } = await db.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM people p WHERE p.id = $1 AND ($2::bigint IS NULL
        OR p.unit_id IN (SELECT unit_subtree($2::bigint))
        OR EXISTS (SELECT 1 FROM appointments a WHERE a.person_id = p.id AND a.unit_id IN (SELECT unit_subtree($2::bigint))))) AS ok`,
    [personId, scope],
  );
  return rows[0]!.ok;
}

/**
 * The renewal list at `asOf`: appointments in force whose term ends within `months`, and
 * expert documents expiring within the same window, soonest first, within the caller's reach. A
 * document belongs to its appointment's unit, else to the person's.
 */
export async function renewalItems(db: Scoped, asOf: string, months: number): Promise<RenewalItem[]> {
  const { scope } = db;
  const params: unknown[] = [asOf, months];
  if (scope !== null) params.push(scope);
  const inScope = (column: string) => (scope !== null ? `AND ${column} IN (SELECT unit_subtree($3))` : '');
  const until = `($1::date + make_interval(months => $2::int))::date`;
  const { rows } = await db.query<RenewalItem>(
    `SELECT 'appointment' AS type, a.end_date AS "dueOn", a.person_id AS "personId", ${EXPERT_NAME} AS person,
            a.id AS "appointmentId", a.title, NULL::bigint AS "documentId", NULL::text AS "documentKind", a.unit_id AS "unitId",
            (SELECT s.id FROM appointments s WHERE s.predecessor_id = a.id) AS "successorId"
       FROM appointments a JOIN people p ON p.id = a.person_id
      WHERE appointment_in_force(a.status, a.start_date, a.end_date, a.revoked_on, $1::date)
        AND a.end_date IS NOT NULL AND a.end_date <= ${until} ${inScope('a.unit_id')}
     UNION ALL
     SELECT 'document', d.expires_on, d.person_id, ${EXPERT_NAME}, d.appointment_id, a.title, d.id, d.kind,
            coalesce(a.unit_id, p.unit_id), NULL::bigint
       FROM expert_documents d JOIN people p ON p.id = d.person_id LEFT JOIN appointments a ON a.id = d.appointment_id
      WHERE d.expires_on >= $1::date AND d.expires_on <= ${until} ${inScope('coalesce(a.unit_id, p.unit_id)')}
     ORDER BY 2, 1, 3`,
    params,
  );
  return rows;
}

/**
 * Inserts many appointment rows, each with the version its steps brought it to, and returns their
 * ids in the order given (createAppointments). A row may name an earlier row of the same batch as
 * its predecessor (`predecessorAt`, its index): the ids are drawn first, in the order given, so
 * that a chain's successor follows it as it would, created one at a time; then one statement.
 */
export async function insertAppointments(db: Queryable, values: Array<AppointmentValues & { version: number; predecessorAt?: number }>): Promise<number[]> {
  if (values.length === 0) return [];
  const { rows: drawn } = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('appointments', 'id')) AS id FROM generate_series(1, $1::int)`, [values.length]);
  const ids = drawn.map((r) => Number(r.id)).sort((a, b) => a - b);
  const linked = values.map((v) => (v.predecessorAt === undefined ? v : { ...v, predecessorId: ids[v.predecessorAt] }));
  const fields = Object.entries(WRITABLE);
  // A column no appointment gives takes its default, as a single insert leaves it.
  const given = fields.filter(([field]) => linked.some((v) => (v as Record<string, unknown>)[field] !== undefined));
  const rows = linked.map((v, i) => ({ id: ids[i], ...Object.fromEntries(given.map(([field, column]) => [column, (v as Record<string, unknown>)[field] ?? null])), version: v.version }));
  const cols = ['id', ...given.map(([, column]) => column), 'version'].join(', ');
  await db.query(
    `INSERT INTO appointments (${cols}) OVERRIDING SYSTEM VALUE
     SELECT ${cols} FROM json_populate_recordset(NULL::appointments, $1::json) WITH ORDINALITY AS r ORDER BY r.ordinality`,
    [JSON.stringify(rows)],
  );
  return ids;
}

/** Appointments by id within the caller's reach, "in force" derived at `asOf`, in the order of their ids. */
export async function findAppointments(db: Scoped, ids: number[], asOf: string): Promise<Appointment[]> {
  if (ids.length === 0) return [];
  const where = new Where();
  const from = derivedFrom(where, asOf);
  where.when(ids, 'a.id = ANY(?::bigint[])').scope('a.unit_id', db.scope);
  const { rows } = await db.query<Appointment>(`SELECT ${COLUMNS} FROM ${from} ${where} ORDER BY a.id`, where.params);
  return rows;
}

/** The people among `ids` who are the actor's experts, as expertInReach says of one. */
export async function expertsInReach(db: Scoped, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: number }>(
    `SELECT p.id FROM people p WHERE p.id = ANY($1::bigint[]) AND ($2::bigint IS NULL
        OR p.unit_id IN (SELECT unit_subtree($2::bigint))
        OR EXISTS (SELECT 1 FROM appointments a WHERE a.person_id = p.id AND a.unit_id IN (SELECT unit_subtree($2::bigint))))`,
    [ids, db.scope],
  );
  return new Set(rows.map((r) => Number(r.id)));
}
