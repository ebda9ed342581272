import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import type { Aggregate } from '../../../shared/contracts/ledger.ts';

const WRITABLE = {
  direction: 'direction',
  who: 'who',
  count: 'count',
  category: 'category',
  countryCode: 'country_code',
  institutionId: 'institution_id',
  unitId: 'unit_id',
  startDate: 'start_date',
  endDate: 'end_date',
  sourceDocument: 'source_document',
  notes: 'notes',
};
const COLUMNS = selectList({
  id: 'id',
  ...WRITABLE,
  version: 'version',
  createdAt: isoTimestamp('created_at'),
  updatedAt: isoTimestamp('updated_at'),
});

export type AggregateValues = Partial<Omit<Aggregate, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

/** One aggregate entry within the caller's reach, or null. */
export async function findAggregate(db: Scoped, id: number, lock = false): Promise<Aggregate | null> {
  const where = new Where().when(id, 'id = ?').scope('unit_id', db.scope);
  const { rows } = await db.query<Aggregate>(`SELECT ${COLUMNS} FROM ledger_aggregates ${where} ${lock ? 'FOR UPDATE' : ''}`, where.params);
  return rows[0] ?? null;
}

/** A page of aggregate entries, latest period first. */
export function listAggregates(db: Scoped, query: { page: number; pageSize: number }) {
  const where = new Where().scope('unit_id', db.scope);
  return selectPage<Aggregate>(db, { select: COLUMNS, from: 'ledger_aggregates', where, orderBy: 'start_date DESC, id', ...query });
}

/** Inserts an aggregate entry. */
export async function insertAggregate(db: Queryable, values: AggregateValues): Promise<Aggregate> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<Aggregate>(`INSERT INTO ledger_aggregates (${cols}) VALUES (${vals}) RETURNING ${COLUMNS}`, params);
  return rows[0]!;
}

/** Inserts many aggregate entries in one statement; returned in the order given. */
export async function insertAggregates(db: Queryable, values: AggregateValues[]): Promise<Aggregate[]> {
  if (values.length === 0) return [];
  const fields = Object.entries(WRITABLE);
  const rows = values.map((v) => Object.fromEntries(fields.map(([field, column]) => [column, (v as Record<string, unknown>)[field] ?? null])));
  const cols = fields.map(([, column]) => column).join(', ');
  // Identities are drawn in the SELECT's order, so the ids' order is the rows' order.
  const { rows: inserted } = await db.query<Aggregate>(
    `INSERT INTO ledger_aggregates (${cols})
     SELECT ${cols} FROM json_populate_recordset(NULL::ledger_aggregates, $1::json) WITH ORDINALITY AS r ORDER BY r.ordinality
     RETURNING ${COLUMNS}`,
    [JSON.stringify(rows)],
  );
  return inserted.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Writes the given fields and bumps the version. */
export async function updateAggregateRow(db: Queryable, id: number, values: AggregateValues): Promise<Aggregate> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  const { rows } = await db.query<Aggregate>(
    `UPDATE ledger_aggregates SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
    params,
  );
  return rows[0]!;
}

/** Deletes an aggregate entry. */
export async function deleteAggregateRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM ledger_aggregates WHERE id = $1', [id]);
}
