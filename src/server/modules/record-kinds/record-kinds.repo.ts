import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import { filterKeys } from '../../../shared/kinds/record-contract.ts';
import { namesKey, unitField, type RecordKind } from '../../../shared/kinds/record-kind.ts';

/**
 * The SQL of every kind described down to its fields, built from its description: table and
 * column names come from the code (the description), never from a request, and are quoted anyway.
 */

/** A record of any record kind, as the API answers it. */
export type KindRecord = Record<string, unknown> & { id: number; status: string; version: number };

/** A list's query once parsed by the kind's contract. */
export type KindQuery = Record<string, unknown> & { q?: string; status?: string; sort: string; order: 'asc' | 'desc' };

/** A quoted SQL identifier; a name that is not plain snake_case is a mistake in a description, refused at once. */
function ident(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return `"${name}"`;
}

interface KindSql {
  table: string;
  from: string;
  select: string;
  /** API name → column, for what a create, an edit and a step write. */
  writable: Record<string, string>;
  /** The text a search runs over: the record's own, and that of the institutions it names. */
  searched: string;
  unitColumn: string | null;
  column(name: string): string;
}

const built = new WeakMap<RecordKind, KindSql>();

/** The SQL pieces of `kind`, built once. */
function sqlOf(kind: RecordKind): KindSql {
  const known = built.get(kind);
  if (known) return known;
  const joins: string[] = [];
  const names: string[] = [];
  const searched = ['r.search_text'];
  kind.fields.forEach((f, i) => {
    if (f.type.is !== 'institution' && f.type.is !== 'unit') return;
    const alias = `j${i}`;
    joins.push(`LEFT JOIN ${f.type.is === 'unit' ? 'units' : 'institutions'} ${alias} ON ${alias}.id = r.${ident(f.column)}`);
    names.push(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('nameEn', ${alias}.name_en, 'nameZh', ${alias}.name_zh, 'nameFr', ${alias}.name_fr) END AS "${namesKey(f)}"`);
    if (f.type.is === 'institution') searched.push(`coalesce(${alias}.search_text, '')`);
  });
  const unit = unitField(kind);
  const sql: KindSql = {
    table: ident(kind.table),
    from: [`${ident(kind.table)} r`, ...joins].join(' '),
    select: [
      'r.id',
      ...kind.fields.map((f) => `r.${ident(f.column)} AS "${f.name}"`),
      ...names,
      'r.status',
      'r.version',
      `${isoTimestamp('r.created_at')} AS "createdAt"`,
      `${isoTimestamp('r.updated_at')} AS "updatedAt"`,
    ].join(', '),
    writable: { ...Object.fromEntries(kind.fields.map((f) => [f.name, ident(f.column)])), status: 'status', searchText: 'search_text' },
    searched: `(${searched.join(` || ' ' || `)})`,
    unitColumn: unit ? `r.${ident(unit.column)}` : null,
    column: (name) => `r.${ident(kind.fields.find((f) => f.name === name)!.column)}`,
  };
  built.set(kind, sql);
  return sql;
}

/** The WHERE clause of a list within the caller's reach: its unit, the search, the status and the kind's filters. */
function listWhere(kind: RecordKind, db: Scoped, query: KindQuery): Where {
  const sql = sqlOf(kind);
  const where = new Where().search(sql.searched, query.q).when(query.status, 'r.status = ?');
  if (sql.unitColumn) where.scope(sql.unitColumn, db.scope);
  for (const f of kind.fields.filter((x) => x.filter)) {
    const column = sql.column(f.name);
    const [from, to] = filterKeys(f);
    if (f.type.is === 'date') where.when(query[from!], `${column} >= ?::date`).when(query[to!], `${column} <= ?::date`);
    else if (f.type.is === 'unit') where.when(query[f.name], `${column} IN (SELECT unit_subtree(?))`);
    else where.when(query[f.name], `${column} = ?`);
  }
  return where;
}

const orderOf = (kind: RecordKind, query: KindQuery) => `${sqlOf(kind).column(query.sort)} ${query.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, r.id`;

/** A page of `kind`'s records within the caller's reach. */
export function listKindRecords(kind: RecordKind, db: Scoped, query: KindQuery & { page: number; pageSize: number }) {
  const sql = sqlOf(kind);
  return selectPage<KindRecord>(db, { select: sql.select, from: sql.from, where: listWhere(kind, db, query), orderBy: orderOf(kind, query), page: query.page, pageSize: query.pageSize });
}

/** Every record within the caller's reach that matches, for an export. */
export async function allKindRecords(kind: RecordKind, db: Scoped, query: KindQuery): Promise<KindRecord[]> {
  const sql = sqlOf(kind);
  const where = listWhere(kind, db, query);
  const { rows } = await db.query<KindRecord>(`SELECT ${sql.select} FROM ${sql.from} ${where} ORDER BY ${orderOf(kind, query)}`, where.params);
  return rows;
}

/** One record within the caller's reach (null when not there or out of reach); `lock` for a write. */
export async function findKindRecord(kind: RecordKind, db: Scoped, id: number, lock = false): Promise<KindRecord | null> {
  const sql = sqlOf(kind);
  const where = new Where().when(id, 'r.id = ?');
  if (sql.unitColumn) where.scope(sql.unitColumn, db.scope);
  if (lock) await db.query(`SELECT 1 FROM ${sql.table} WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await db.query<KindRecord>(`SELECT ${sql.select} FROM ${sql.from} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts a record of `kind` with the given values (API names), answering its id. */
export async function insertKindRecord(kind: RecordKind, db: Queryable, values: Record<string, unknown>): Promise<number> {
  const sql = sqlOf(kind);
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, sql.writable, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO ${sql.table} (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given values (API names) and bumps the version. */
export async function updateKindRecord(kind: RecordKind, db: Queryable, id: number, values: Record<string, unknown>): Promise<void> {
  const sql = sqlOf(kind);
  const params: unknown[] = [id];
  const sets = setList(values, sql.writable, params);
  await db.query(`UPDATE ${sql.table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes a record of `kind`. */
export async function deleteKindRecord(kind: RecordKind, db: Queryable, id: number): Promise<void> {
  await db.query(`DELETE FROM ${sqlOf(kind).table} WHERE id = $1`, [id]);
}
