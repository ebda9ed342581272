import type { Queryable } from '../../db/client.ts';
import type { Scoped } from '../../core/request-context.ts';
import { insertLists, isoTimestamp, selectList, setList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
import type { Honour } from '../../../shared/contracts/honours.ts';

/** Columns written from the API's fields. */
const WRITABLE = {
  personId: 'person_id',
  kind: 'kind',
  nameOriginal: 'name_original',
  nameEn: 'name_en',
  nameZh: 'name_zh',
  nameFr: 'name_fr',
  awardingInstitutionId: 'awarding_institution_id',
  awardingBody: 'awarding_body',
  awardingBodyZh: 'awarding_body_zh',
  awardingBodyFr: 'awarding_body_fr',
  countryCode: 'country_code',
  conferredOn: 'conferred_on',
  datePrecision: 'date_precision',
  citation: 'citation',
  notable: 'notable',
  unitId: 'unit_id',
};

export type HonourValues = Partial<Record<keyof typeof WRITABLE, unknown>>;

const FROM = `honours h JOIN people p ON p.id = h.person_id LEFT JOIN institutions i ON i.id = h.awarding_institution_id`;

const COLUMNS = selectList({
  id: 'h.id',
  ...Object.fromEntries(Object.entries(WRITABLE).map(([f, c]) => [f, `h.${c}`])),
  person: `json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh, 'title', p.title)`,
  awardingInstitution: `CASE WHEN i.id IS NULL THEN NULL ELSE json_build_object('nameEn', i.name_en, 'nameZh', i.name_zh, 'nameFr', i.name_fr) END`,
  version: 'h.version',
  createdAt: isoTimestamp('h.created_at'),
  updatedAt: isoTimestamp('h.updated_at'),
});

export interface HonourFilters {
  q?: string;
  kind?: string;
  country?: string;
  personId?: number;
  unitId?: number;
  notable?: 'true' | 'false';
  fromYear?: number;
  toYear?: number;
  asOf?: string;
}

const SORTS: Record<string, string> = { conferredOn: 'h.conferred_on', familyName: 'p.family_name', kind: 'h.kind', updatedAt: 'h.updated_at' };

/** The WHERE clause of a list within `scope` (a coordinator's unit). */
function listWhere(scope: number | null, query: HonourFilters): Where {
  const where = new Where()
    .scope('h.unit_id', scope)
    .search(`(p.search_text || ' ' || lower(h.name_en || ' ' || coalesce(h.name_zh, '') || ' ' || coalesce(h.name_fr, '') || ' ' || coalesce(h.name_original, '') || ' ' || coalesce(h.awarding_body, '') || ' ' || coalesce(h.awarding_body_zh, '') || ' ' || coalesce(h.awarding_body_fr, '') || ' ' || coalesce(i.name_en, '')))`, query.q)
    .when(query.kind, 'h.kind = ?')
    .when(query.country, 'h.country_code = ?')
    .when(query.personId, 'h.person_id = ?')
    .when(query.unitId, 'h.unit_id IN (SELECT unit_subtree(?))')
    .when(query.fromYear, 'h.conferred_on >= make_date(?::int, 1, 1)')
    .when(query.toYear, 'h.conferred_on <= make_date(?::int, 12, 31)')
    .when(query.asOf, 'h.conferred_on <= ?::date');
  if (query.notable) where.raw(query.notable === 'true' ? 'h.notable' : 'NOT h.notable');
  return where;
}

/** A page of honours within the caller's reach. */
export function listHonours(db: Scoped, query: HonourFilters & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number }) {
  const where = listWhere(db.scope, query);
  const orderBy = `${SORTS[query.sort] ?? 'h.conferred_on'} ${query.order === 'desc' ? 'DESC' : 'ASC'}, h.id`;
  return selectPage<Honour>(db, { select: COLUMNS, from: FROM, where, orderBy, page: query.page, pageSize: query.pageSize });
}

/** Every honour within the caller's reach that matches, for an export or a figure, in a stable order. */
export async function allHonours(db: Scoped, query: HonourFilters & { sort?: string; order?: 'asc' | 'desc' }): Promise<Honour[]> {
  const where = listWhere(db.scope, query);
  const orderBy = `${SORTS[query.sort ?? 'conferredOn'] ?? 'h.conferred_on'} ${query.order === 'desc' ? 'DESC' : 'ASC'}, h.id`;
  const { rows } = await db.query<Honour>(`SELECT ${COLUMNS} FROM ${FROM} ${where} ORDER BY ${orderBy}`, where.params);
  return rows;
}

/** One honour within the caller's reach; `lock` for an update. */
export async function findHonour(db: Scoped, id: number, lock = false): Promise<Honour | null> {
  const where = new Where().when(id, 'h.id = ?').scope('h.unit_id', db.scope);
  if (lock) await db.query('SELECT 1 FROM honours WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<Honour>(`SELECT ${COLUMNS} FROM ${FROM} ${where}`, where.params);
  return rows[0] ?? null;
}

/** Inserts an honour row. */
export async function insertHonour(db: Queryable, values: HonourValues): Promise<number> {
  const params: unknown[] = [];
  const { cols, vals } = insertLists(values, WRITABLE, params);
  const { rows } = await db.query<{ id: number }>(`INSERT INTO honours (${cols}) VALUES (${vals}) RETURNING id`, params);
  return rows[0]!.id;
}

/** Writes the given fields and bumps the version. */
export async function updateHonourRow(db: Queryable, id: number, values: HonourValues): Promise<void> {
  const params: unknown[] = [id];
  const sets = setList(values, WRITABLE, params);
  await db.query(`UPDATE honours SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

/** Deletes an honour. */
export async function deleteHonourRow(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM honours WHERE id = $1', [id]);
}

/**
 * The person's unit, if the person is within the caller's reach (any person for the office): a
 * coordinator records and reads honours of their unit's people only. Undefined: not in reach.
 */
export async function personUnitInReach(db: Scoped, personId: number): Promise<{ unitId: number | null } | undefined> {
  const { rows } = await db.query<{ unitId: number | null }>(
    `SELECT p.unit_id AS "unitId" FROM people p WHERE p.id = $1 AND ($2::bigint IS NULL OR p.unit_id IN (SELECT unit_subtree($2::bigint)))`,
    [personId, db.scope],
  );
  return rows[0];
}
