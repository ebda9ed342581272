import type { Queryable } from '../../db/client.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import type { Unit } from '../../../shared/contracts/units.ts';

const WRITABLE = { parentId: 'parent_id', code: 'code', kind: 'kind', nameEn: 'name_en', nameZh: 'name_zh', nameFr: 'name_fr', officialNameEn: 'official_name_en', officialNameZh: 'official_name_zh', officialNameFr: 'official_name_fr', searchText: 'search_text' };
const COLUMNS = selectList({
  id: 'id',
  parentId: 'parent_id',
  code: 'code',
  kind: 'kind',
  nameEn: 'name_en',
  nameZh: 'name_zh',
  nameFr: 'name_fr',
  officialNameEn: 'official_name_en',
  officialNameZh: 'official_name_zh',
  officialNameFr: 'official_name_fr',
  version: 'version',
  createdAt: isoTimestamp('created_at'),
  updatedAt: isoTimestamp('updated_at'),
});

export type UnitValues = Partial<Omit<Unit, 'id' | 'version' | 'createdAt' | 'updatedAt'>> & { searchText?: string };

/** Every unit, parents before children by code. */
export async function listUnits(db: Queryable): Promise<Unit[]> {
  const { rows } = await db.query<Unit>(`SELECT ${COLUMNS} FROM units ORDER BY parent_id NULLS FIRST, code`);
  return rows;
}

/** One unit, or null. */
export async function findUnit(db: Queryable, id: number, lock = false): Promise<Unit | null> {
  const { rows } = await db.query<Unit>(`SELECT ${COLUMNS} FROM units WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Whether `candidate` is `id` or lies beneath it (moving `id` under it would make a cycle). */
export async function isInSubtree(db: Queryable, id: number, candidate: number): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM unit_subtree($1) AS s(id) WHERE s.id = $2', [id, candidate]);
  return (rowCount ?? 0) > 0;
}

/** Inserts a unit. */
export async function insertUnit(db: Queryable, values: UnitValues): Promise<Unit> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<Unit>(`INSERT INTO units (${cols}) VALUES (${vals}) RETURNING ${COLUMNS}`, params);
  return rows[0]!;
}

/** Writes the given fields and bumps the version. */
export async function updateUnitRow(db: Queryable, id: number, values: UnitValues): Promise<Unit> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  const { rows } = await db.query<Unit>(
    `UPDATE units SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
    params,
  );
  return rows[0]!;
}
