import type { Queryable } from '../../db/client.ts';
import { unscoped, type Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPageByKey, Where } from '../../db/where.ts';
import type { Person } from '../../../shared/contracts/people.ts';

/** A person as stored: personal data still encrypted. */
export type PersonRow = Omit<Person, 'birthDate' | 'passportNumber'> & { birthDateEnc: string | null; passportEnc: string | null };

const WRITABLE = {
  familyName: 'family_name',
  givenName: 'given_name',
  nameZh: 'name_zh',
  otherNames: 'other_names',
  gender: 'gender',
  nationality: 'nationality',
  institutionId: 'institution_id',
  title: 'title',
  email: 'email',
  unitId: 'unit_id',
  notes: 'notes',
  birthDateEnc: 'birth_date_enc',
  passportEnc: 'passport_enc',
  passportIndex: 'passport_index',
  searchText: 'search_text',
};

const COLUMNS = selectList({
  id: 'p.id',
  ...Object.fromEntries(Object.entries(WRITABLE).filter(([f]) => f !== 'searchText' && f !== 'passportIndex').map(([f, c]) => [f, `p.${c}`])),
  institutionName: '(SELECT i.name_en FROM institutions i WHERE i.id = p.institution_id)',
  erasedAt: isoTimestamp('p.erased_at'),
  version: 'p.version',
  createdAt: isoTimestamp('p.created_at'),
  updatedAt: isoTimestamp('p.updated_at'),
});

export type PersonValues = Partial<Omit<PersonRow, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'institutionName' | 'erasedAt'>> & { searchText?: string; passportIndex?: string | null };

/** One person within the caller's reach, or null. */
export async function findPerson(db: Scoped, id: number, lock = false): Promise<PersonRow | null> {
  const where = new Where().when(id, 'p.id = ?').scope('p.unit_id', db.scope);
  const { rows } = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM people p ${where} ${lock ? 'FOR UPDATE OF p' : ''}`, where.params);
  return rows[0] ?? null;
}

/** Inserts a person. */
export async function insertPerson(db: Queryable, values: PersonValues): Promise<PersonRow> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO people (${cols}) VALUES (${vals}) RETURNING id`, params);
  return (await findPerson(unscoped(db), rows[0]!.id))!;
}

/**
 * Inserts many people in one statement (an import's new visitors), their rows in the order
 * given: identities are drawn in the SELECT's order.
 */
export async function insertPeople(db: Queryable, values: PersonValues[]): Promise<PersonRow[]> {
  if (values.length === 0) return [];
  const fields = Object.entries(WRITABLE);
  const rows = values.map((v) => Object.fromEntries(fields.map(([field, column]) => [column, (v as Record<string, unknown>)[field] ?? null])));
  // A column left out takes its default (other_names '{}'), as a single insert leaves it.
  const given = fields.filter(([field]) => values.some((v) => (v as Record<string, unknown>)[field] !== undefined)).map(([, column]) => column);
  const cols = given.join(', ');
  const { rows: inserted } = await db.query<PersonRow>(
    `INSERT INTO people AS p (${cols})
     SELECT ${cols} FROM json_populate_recordset(NULL::people, $1::json) WITH ORDINALITY AS r ORDER BY r.ordinality
     RETURNING ${COLUMNS}`,
    [JSON.stringify(rows)],
  );
  return inserted.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Writes the given fields and bumps the version. */
export async function updatePersonRow(db: Queryable, id: number, values: PersonValues): Promise<PersonRow> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE people SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  return (await findPerson(unscoped(db), id))!;
}

/** Deletes a person. */
export async function deletePersonRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM people WHERE id = $1', [id]);
}

const SORTS: Record<string, string> = { familyName: 'p.family_name', nationality: 'p.nationality', updatedAt: 'p.updated_at' };

/** A page of people within the caller's reach. */
export function listPeople(
  db: Scoped,
  query: { q?: string; nationality?: string; unitId?: number; sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const where = new Where()
    .searchFolded('p.search_text', query.q)
    .when(query.nationality, 'p.nationality = ?')
    .when(query.unitId, 'p.unit_id = ?')
    .scope('p.unit_id', db.scope);
  const orderBy = `${SORTS[query.sort] ?? 'p.family_name'} ${query.order === 'desc' ? 'DESC' : 'ASC'}, p.id`;
  return selectPageByKey<PersonRow>(db, { select: COLUMNS, from: 'people p', key: 'p.id', where, orderBy, page: query.page, pageSize: query.pageSize });
}
