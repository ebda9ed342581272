import type { Queryable } from '../../db/client.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import type { Institution } from '../../../shared/contracts/institutions.ts';

/** Columns written from the API's fields. */
const WRITABLE = {
  kind: 'kind',
  nameEn: 'name_en',
  nameZh: 'name_zh',
  nameFr: 'name_fr',
  nameLocal: 'name_local',
  otherNames: 'other_names',
  countryCode: 'country_code',
  city: 'city',
  website: 'website',
  ror: 'ror',
  schac: 'schac',
  erasmusCode: 'erasmus_code',
  pic: 'pic',
  referenceRef: 'reference_ref',
  notes: 'notes',
  searchText: 'search_text',
};

const COLUMNS = selectList({
  id: 'id',
  ...Object.fromEntries(Object.entries(WRITABLE).filter(([f]) => f !== 'searchText')),
  version: 'version',
  createdAt: isoTimestamp('created_at'),
  updatedAt: isoTimestamp('updated_at'),
});

export type InstitutionValues = Partial<Omit<Institution, 'id' | 'version' | 'createdAt' | 'updatedAt'>> & { searchText?: string };

/** One institution, or null; `lock` for an update. */
export async function findInstitution(db: Queryable, id: number, lock = false): Promise<Institution | null> {
  const { rows } = await db.query<Institution>(`SELECT ${COLUMNS} FROM institutions WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Inserts an institution. */
export async function insertInstitution(db: Queryable, values: InstitutionValues): Promise<Institution> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<Institution>(`INSERT INTO institutions (${cols}) VALUES (${vals}) RETURNING ${COLUMNS}`, params);
  return rows[0]!;
}

/** Writes the given fields and bumps the version. */
export async function updateInstitutionRow(db: Queryable, id: number, values: InstitutionValues): Promise<Institution> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  const { rows } = await db.query<Institution>(
    `UPDATE institutions SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
    params,
  );
  return rows[0]!;
}

/** Deletes an institution. */
export async function deleteInstitutionRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM institutions WHERE id = $1', [id]);
}

const SORTS: Record<string, string> = { nameEn: 'name_en', countryCode: 'country_code', kind: 'kind', updatedAt: 'updated_at' };

/** A page of institutions matching a search and filters. */
export function listInstitutions(
  db: Queryable,
  query: { q?: string; kind?: string; country?: string; sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const where = new Where().searchFolded('search_text', query.q).when(query.kind, 'kind = ?').when(query.country, 'country_code = ?');
  const orderBy = `${SORTS[query.sort] ?? 'name_en'} ${query.order === 'desc' ? 'DESC' : 'ASC'}, id`;
  return selectPage<Institution>(db, { select: COLUMNS, from: 'institutions', where, orderBy, page: query.page, pageSize: query.pageSize });
}
