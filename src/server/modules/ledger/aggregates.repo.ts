import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import type { Aggregate } from '../../../shared/contracts/ledger.ts';
import { auditRowsFrom } from '../../audit/record-audit.ts';
import { ledgerRowsFrom } from './ledger.write.ts';

/** The ledger's source module of an aggregate entry's row. */
export const MODULE = 'aggregate';

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

/** Each writable column's SQL type, for the typed arrays of insertAggregates. */
const TYPES: Record<keyof typeof WRITABLE, string> = {
  direction: 'text', who: 'text', count: 'int', category: 'text', countryCode: 'text', institutionId: 'bigint',
  unitId: 'bigint', startDate: 'date', endDate: 'date', sourceDocument: 'text', notes: 'text',
};

/** An aggregate entry as its audit row holds it (the Aggregate the API answers), built in SQL from a row of ledger_aggregates. */
const AUDITED = `jsonb_build_object('id', id, 'direction', direction, 'who', who, 'count', count, 'category', category,
  'countryCode', country_code, 'institutionId', institution_id, 'unitId', unit_id, 'startDate', start_date::text, 'endDate', end_date::text,
  'sourceDocument', source_document, 'notes', notes, 'version', version,
  'createdAt', ${isoTimestamp('created_at')}, 'updatedAt', ${isoTimestamp('updated_at')})`;

/**
 * Inserts many aggregate entries, their ledger rows with the rollups, and their audit rows, in
 * ONE statement (the rows sent as one typed array a column, unnest). Returns the new ids in the
 * order given.
 */
export async function insertAggregates(db: Queryable, actor: { userId: number | null; email: string }, values: AggregateValues[]): Promise<number[]> {
  if (values.length === 0) return [];
  const fields = Object.keys(WRITABLE) as Array<keyof typeof WRITABLE>;
  const arrays: unknown[] = fields.map((field) => values.map((v) => (v as Record<string, unknown>)[field] ?? null));
  const cols = fields.map((field) => WRITABLE[field]).join(', ');
  const typed = fields.map((field, i) => `$${i + 1}::${TYPES[field]}[]`).join(', ');
  const p = fields.length;
  // Identities are drawn in the SELECT's order, so the ids' order is the rows' order.
  const { rows } = await db.query<{ id: number }>(
    `WITH inserted AS (
       INSERT INTO ledger_aggregates (${cols})
       SELECT ${cols} FROM unnest(${typed}) WITH ORDINALITY AS r(${cols}, n) ORDER BY r.n
       RETURNING *),
     ${ledgerRowsFrom('inserted', `$${p + 1}::text`)},
     ${auditRowsFrom('audited', 'inserted', { actorId: `$${p + 2}::bigint`, actorLabel: `$${p + 3}::text`, entity: `$${p + 1}::text`, after: AUDITED })}
     SELECT id FROM inserted ORDER BY id`,
    [...arrays, MODULE, actor.userId, actor.email],
  );
  return rows.map((r) => Number(r.id));
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
