import type { QueryResultRow } from 'pg';
import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPageByKey, Where } from '../../db/where.ts';
import type { OverdueMovement } from '../../../shared/contracts/movements.ts';
import { deadlineRules, type DeadlineRule } from '../../../shared/kinds/deadline-rules.ts';
import { standingSql } from '../../db/deadline-sql.ts';

/**
 * How one kind of movement is stored: its table and the alias its SQL uses, the column of our
 * unit (host or sending), the table of its people, the status in which it has taken place
 * (held, travelled) and the statuses the ledger counts, and the columns its fields are written to.
 */
export interface MovementTable {
  /** The kind's name in the kind descriptions (`visits`, `missions`): its report's deadline rule. */
  kind: 'visits' | 'missions';
  table: string;
  alias: string;
  unitColumn: string;
  people: { table: string; key: string };
  tookPlace: string;
  counted: readonly string[];
  writable: Record<string, string>;
}

/**
 * The columns a movement's fields are written to, in the order a record lists them: its
 * titles, `unit`, its purpose and dates, `own` fields, then its workflow with `step` (the
 * date it took place), its report and notes.
 */
export function movementWritable(unit: Record<string, string>, own: Record<string, string>, step: Record<string, string>): Record<string, string> {
  return {
    titleEn: 'title_en',
    titleZh: 'title_zh',
    ...unit,
    purpose: 'purpose',
    startDate: 'start_date',
    endDate: 'end_date',
    ...own,
    status: 'status',
    requestedOn: 'requested_on',
    approvedOn: 'approved_on',
    rejectedOn: 'rejected_on',
    ...step,
    closedOn: 'closed_on',
    cancelledOn: 'cancelled_on',
    report: 'report',
    reportSubmittedOn: 'report_submitted_on',
    notes: 'notes',
    searchText: 'search_text',
  };
}

/** The filters every movement list has (the kind's own flags are applied by the kind). */
export interface MovementFilters {
  q?: string;
  status?: string;
  purpose?: string;
  unitId?: number;
  country?: string;
  institutionId?: number;
  personId?: number;
  from?: string;
  to?: string;
  overdue?: 'true' | 'false';
  counted?: 'true' | 'false';
}

/** A page of a list, sorted. */
export type MovementPageQuery = { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number };

/** The rule of a movement's report (30 days after the last day unless the office set another lead time). */
function reportRule(t: MovementTable): DeadlineRule {
  const rule = deadlineRules().find((r) => r.kind === t.kind && r.deadline.what === 'report');
  if (!rule) throw new Error(`no report deadline for ${t.kind}`);
  return rule;
}

/** The derived values of a movement at a date, as SQL: its FROM clause and the expressions it offers. */
export interface Derived {
  from: string;
  dueOn: string;
  overdue: string;
}

/**
 * The FROM clause with the derived values at `asOf`: the report's due date (by the deadline
 * rule, with the office's lead time) and whether it is overdue, and `more` lateral columns of the kind's own. Its placeholders come first in `where`,
 * so call this before adding conditions; they sit in the FROM clause so that the count query
 * uses them too.
 */
export function derivedAt(t: MovementTable, where: Where, asOf: string, more: () => string = () => ''): Derived {
  const a = t.alias;
  const at = `${where.param(asOf)}::date`;
  const { dueOn } = standingSql(reportRule(t), where, `${a}.end_date`, at);
  return {
    from: `${t.table} ${a} JOIN units u ON u.id = ${a}.${t.unitColumn}
      CROSS JOIN LATERAL (SELECT ${dueOn} AS due_on, ${at} AS as_of${more()}) d`,
    dueOn: 'd.due_on',
    // Day 30 after the last day is still in time; day 31 is late.
    overdue: `(${a}.status = '${t.tookPlace}' AND d.as_of > d.due_on)`,
  };
}

/** The columns of a record: its stored fields, then `own` (unit names, people …), the derived ones and `derivedOwn`, then its version and times. */
export function movementColumns(t: MovementTable, d: Derived, own: Record<string, string>, derivedOwn: Record<string, string> = {}): string {
  const a = t.alias;
  return selectList({
    id: `${a}.id`,
    ...Object.fromEntries(Object.entries(t.writable).filter(([f]) => f !== 'searchText').map(([f, c]) => [f, `${a}.${c}`])),
    ...own,
    reportDueOn: d.dueOn,
    reportOverdue: d.overdue,
    ...derivedOwn,
    version: `${a}.version`,
    createdAt: isoTimestamp(`${a}.created_at`),
    updatedAt: isoTimestamp(`${a}.updated_at`),
  });
}

/**
 * A page of movements within the caller's reach: the common filters, where `searched` is the
 * text `q` looks in and `places` the conditions on a country, an institution and a person.
 * `where` may already hold the kind's own conditions.
 */
export function listMovements<R extends QueryResultRow>(
  t: MovementTable,
  db: Scoped,
  list: { where: Where; d: Derived; select: string; searched: string; places: { country: string; institutionId: string; personId: string }; sorts: Record<string, string> },
  query: MovementFilters & MovementPageQuery,
) {
  const { where, d } = list;
  const a = t.alias;
  where
    .scope(`${a}.${t.unitColumn}`, db.scope)
    .searchFolded(list.searched, query.q)
    .when(query.status, `${a}.status = ?`)
    .when(query.purpose, `${a}.purpose = ?`)
    .when(query.unitId, `${a}.${t.unitColumn} IN (SELECT unit_subtree(?))`)
    .when(query.country, list.places.country)
    .when(query.institutionId, list.places.institutionId)
    .when(query.personId, list.places.personId)
    .when(query.from, `${a}.end_date >= ?::date`)
    .when(query.to, `${a}.start_date <= ?::date`);
  if (query.overdue) where.raw(query.overdue === 'true' ? d.overdue : `NOT ${d.overdue}`);
  if (query.counted) where.raw(`${a}.status ${query.counted === 'true' ? '' : 'NOT '}IN (${t.counted.map((s) => `'${s}'`).join(', ')})`);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = `${list.sorts[query.sort] ?? `${a}.start_date`} ${direction}, ${a}.id ${direction}`;
  return selectPageByKey<R>(db, { select: list.select, from: d.from, key: `${a}.id`, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** One movement within the caller's reach, read with `select` from `d`; `lock` for a write. */
export async function findMovement<R extends QueryResultRow>(t: MovementTable, db: Scoped, id: number, q: { where: Where; d: Derived; select: string }, lock: boolean): Promise<R | null> {
  q.where.when(id, `${t.alias}.id = ?`).scope(`${t.alias}.${t.unitColumn}`, db.scope);
  if (lock) await db.query(`SELECT 1 FROM ${t.table} WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await db.query<R>(`SELECT ${q.select} FROM ${q.d.from} ${q.where}`, q.where.params);
  return rows[0] ?? null;
}

/** Inserts a movement's row (its people and places are written apart). */
export async function insertMovement(t: MovementTable, db: Queryable, values: Record<string, unknown>): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, t.writable, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO ${t.table} (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateMovementRow(t: MovementTable, db: Queryable, id: number, values: Record<string, unknown>): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, t.writable, params);
  await db.query(`UPDATE ${t.table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes a movement (its people, places and files go with it). */
export async function deleteMovementRow(t: MovementTable, db: Queryable, id: number): Promise<void> {
  await db.query(`DELETE FROM ${t.table} WHERE id = $1`, [id]);
}

/**
 * Replaces a movement's rows in `part` (its people, its itinerary) by `rows`, keeping their
 * order: `columns` names each column with its SQL type, and each row's values by column.
 */
export async function replaceOrdered(
  db: Queryable,
  part: { table: string; key: string },
  id: number,
  columns: Record<string, string>,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const names = Object.keys(columns);
  await db.query(`DELETE FROM ${part.table} WHERE ${part.key} = $1`, [id]);
  await db.query(
    `INSERT INTO ${part.table} (${part.key}, ${names.join(', ')}, position)
     SELECT $1, ${names.map((n) => `r.${n}`).join(', ')}, r.position
     FROM json_to_recordset($2::json) AS r(${names.map((n) => `${n} ${columns[n]}`).join(', ')}, position int)`,
    [id, JSON.stringify(rows.map((row, position) => ({ ...row, position })))],
  );
}

/** What a movement's people refer to: people within the caller's reach, with their own nationality and institution. */
export async function peopleFacts(db: Scoped, ids: number[]): Promise<Map<number, { nationality: string | null; institutionId: number | null; searchText: string }>> {
  const where = new Where().when(ids, 'p.id = ANY(?::bigint[])').scope('p.unit_id', db.scope);
  const { rows } = await db.query<{ id: number; nationality: string | null; institutionId: number | null; searchText: string }>(
    `SELECT p.id, p.nationality, p.institution_id AS "institutionId", p.search_text AS "searchText" FROM people p ${where}`,
    where.params,
  );
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** The countries of the institutions among `ids` (the ones that exist). */
export async function institutionCountries(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  const { rows } = await db.query<{ id: number; countryCode: string }>('SELECT id, country_code AS "countryCode" FROM institutions WHERE id = ANY($1::bigint[])', [ids]);
  return new Map(rows.map((r) => [Number(r.id), r.countryCode]));
}

/** Which of `codes` are countries or regions. */
export async function knownCountries(db: Queryable, codes: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>('SELECT code FROM countries WHERE code = ANY($1::text[])', [codes]);
  return new Set(rows.map((r) => r.code));
}

/** Whether `id` is one of our units. */
export async function unitExists(db: Queryable, id: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM units WHERE id = $1', [id]);
  return rows.length > 0;
}

/** An overdue movement with the unit it is listed under. */
export type OverdueRow = OverdueMovement & { unitId: number; code: string; nameEn: string; nameZh: string; nameFr: string | null };

/** Movements within the caller's reach that took place and whose report is overdue at `asOf`, with their units, the longest overdue first per unit. */
export async function overdueMovements(t: MovementTable, db: Scoped, asOf: string): Promise<OverdueRow[]> {
  const a = t.alias;
  const where = new Where();
  const asOfSql = `${where.param(asOf)}::date`;
  const dueOn = standingSql(reportRule(t), where, `${a}.end_date`, asOfSql).dueOn;
  where.raw(`${a}.status = '${t.tookPlace}'`).raw(`${asOfSql} > ${dueOn}`).scope(`${a}.${t.unitColumn}`, db.scope);
  const { rows } = await db.query<OverdueRow>(
    `SELECT ${a}.id, ${a}.title_en AS "titleEn", ${a}.title_zh AS "titleZh", ${a}.start_date AS "startDate", ${a}.end_date AS "endDate",
            ${dueOn} AS "reportDueOn", (${asOfSql} - ${dueOn}) AS "daysOverdue",
            (SELECT count(*)::int FROM ${t.people.table} m WHERE m.${t.people.key} = ${a}.id) AS "personTimes",
            u.id AS "unitId", u.code, u.name_en AS "nameEn", u.name_zh AS "nameZh", u.name_fr AS "nameFr"
     FROM ${t.table} ${a} JOIN units u ON u.id = ${a}.${t.unitColumn} ${where}
     ORDER BY u.code, ${a}.end_date, ${a}.id`,
    where.params,
  );
  return rows;
}
