import type { Scoped } from '../../core/request-context.ts';
import { selectList } from '../../db/columns.ts';
import { Where } from '../../db/where.ts';
import { rollupParts, rollupSums } from './ledger-rollup.repo.ts';
import type { LedgerRow, LedgerTotals } from '../../../shared/contracts/ledger.ts';

const COLUMNS = selectList({
  id: 'l.id',
  direction: 'l.direction',
  who: 'l.who',
  personId: 'l.person_id',
  count: 'l.count',
  isAggregate: 'l.is_aggregate',
  category: 'l.category',
  countryCode: 'l.country_code',
  institutionId: 'l.institution_id',
  unitId: 'l.unit_id',
  startDate: 'l.start_date',
  endDate: 'l.end_date',
  sourceModule: 'l.source_module',
  sourceId: 'l.source_id',
  sourceDocument: 'l.source_document',
});

export interface LedgerFilter {
  direction?: string;
  who?: string;
  category?: string;
  country?: string;
  unitId?: number;
  from?: string;
  to?: string;
  aggregate?: 'true' | 'false';
}

/**
 * The WHERE clause of a ledger filter, confined to a coordinator's unit when `scope` is set;
 * `params` when it is one part of a statement that has others.
 */
function ledgerWhere(filter: LedgerFilter, scope: number | null, params?: unknown[]): Where {
  return new Where(params)
    .when(filter.direction, 'l.direction = ?')
    .when(filter.who, 'l.who = ?')
    .when(filter.category, 'l.category = ?')
    .when(filter.country, 'l.country_code = ?')
    .when(filter.unitId, 'l.unit_id = ?')
    .when(filter.from, 'l.start_date >= ?::date')
    .when(filter.to, 'l.start_date <= ?::date')
    .when(filter.aggregate === undefined ? undefined : filter.aggregate === 'true', 'l.is_aggregate = ?')
    .scope('l.unit_id', scope);
}

const title = (en: string, zh: string, fr: string) => `json_build_object('titleEn', ${en}, 'titleZh', ${zh}, 'titleFr', ${fr})`;

// The title of the record each row comes from, by its module: what the office calls it.
const SOURCE_TITLES = `
  SELECT ${title('v.title_en', 'v.title_zh', 'NULL')} FROM visits v WHERE page."sourceModule" = 'visit' AND v.id = page."sourceId"
  UNION ALL SELECT ${title('m.title_en', 'm.title_zh', 'NULL')} FROM missions m WHERE page."sourceModule" = 'mission' AND m.id = page."sourceId"
  UNION ALL SELECT ${title('c.title_en', 'c.title_zh', 'c.title_fr')} FROM conferences c WHERE page."sourceModule" = 'conference' AND c.id = page."sourceId"
  UNION ALL SELECT ${title('o.title_en', 'o.title_zh', 'o.title_fr')} FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id
             WHERE page."sourceModule" = 'exchange_application' AND a.id = page."sourceId"
  UNION ALL SELECT ${title('i.name_en', 'i.name_zh', 'i.name_fr')} FROM residency_placements r JOIN institutions i ON i.id = r.host_institution_id
             WHERE page."sourceModule" = 'residency_placement' AND r.id = page."sourceId"`;

/**
 * From this many rows in, a page starts its walk at the year its first row falls in: the rollups
 * count the matching rows of each year, so the index walk skips at most one year's rows, not
 * every row before the page (OFFSET 1,200,000 walked 1.2 M index entries, 869 ms).
 */
export const DEEP_PAGE_ROWS = 2_000;

/** Where a deep page starts: its first row's year (whole years before it skipped) and the count of every matching row. */
async function deepStart(db: Scoped, query: LedgerFilter & { order: 'asc' | 'desc' }, skip: number) {
  const years = await rollupSums(db, query, db.scope, 'year');
  const total = years.reduce((n, y) => n + y.rows, 0);
  let before = 0;
  for (const y of query.order === 'asc' ? years : years.toReversed()) {
    if (before + y.rows > skip) return { year: Number(y.key), before, total };
    before += y.rows;
  }
  return { year: null, before, total };
}

/**
 * A page of ledger rows in start-date order, each with its person's name and its source
 * record's title, and the count of every matching row: one statement. The page walks an index
 * that leads with the filter's equality column and start_date ((country_code, start_date, id),
 * (direction, start_date DESC, id), (start_date DESC, id)) and stops (names are joined to the
 * page's rows only, each by its primary key); the count comes from the rollups (rows per
 * cell), not from counting every matching row, so a drill-down costs the same at ten million
 * rows as at ten thousand. A deep page reads the rollups' rows by year first (deepStart).
 */
export async function listLedger(db: Scoped, query: LedgerFilter & { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const skip = (query.page - 1) * query.pageSize;
  const deep = skip >= DEEP_PAGE_ROWS ? await deepStart(db, query, skip) : null;
  if (deep && deep.year === null) return { rows: [], total: deep.total };
  const where = ledgerWhere(query, db.scope);
  if (deep) where.when(query.order === 'asc' ? `${deep.year}-01-01` : `${deep.year}-12-31`, `l.start_date ${query.order === 'asc' ? '>=' : '<='} ?::date`);
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  const limit = where.param(query.pageSize);
  const offset = where.param(skip - (deep?.before ?? 0));
  const parts = deep ? null : rollupParts(query, db.scope, [], new Where(where.params));
  const total = deep ? `${where.param(deep.total)}::bigint` : parts ? `(SELECT coalesce(sum(rows), 0)::bigint FROM (${parts}) x)` : '0::bigint';
  // The count rides on the page's rows; a page past the end has none, and is counted apart.
  const { rows } = await db.query<LedgerRow & { total: number }>(
    `SELECT page.*,
            (SELECT json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh) FROM people p WHERE p.id = page."personId") AS person,
            (${SOURCE_TITLES} LIMIT 1) AS source,
            ${total} AS total
       FROM (SELECT ${COLUMNS} FROM ledger l ${where} ORDER BY l.start_date ${dir}, l.id LIMIT ${limit} OFFSET ${offset}) page
      ORDER BY page."startDate" ${dir}, page.id`,
    where.params,
  );
  if (!rows.length) return { rows: [], total: query.page === 1 ? 0 : ((await rollupSums(db, query, db.scope))[0]?.rows ?? 0) };
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]!.total };
}

/**
 * Person-times (人次) and distinct persons over the same rows, in one statement. Aggregate rows
 * add to person-times but name nobody, so distinct persons counts individual records only.
 * Person-times and the countries come from the rollups; distinct persons cannot be summed from
 * cells, so they are counted on the ledger's individual rows (the partial indexes
 * ledger_persons, by direction, and ledger_persons_country): their cost follows the number of
 * person rows in the period. Aggregate rows alone name no one, and are not read for it.
 */
export async function ledgerTotals(db: Scoped, filter: LedgerFilter): Promise<LedgerTotals> {
  const params: unknown[] = [];
  const persons = filter.aggregate === 'true' ? '0' : `(SELECT count(DISTINCT l.person_id) FROM ledger l ${ledgerWhere(filter, db.scope, params).raw('l.person_id IS NOT NULL')})`;
  const parts = rollupParts(filter, db.scope, ['country', 'aggregate'], new Where(params)) ?? 'SELECT NULL::char(2) AS k0, false AS k1, 0::bigint AS person_times, 0::bigint AS rows WHERE false';
  const { rows } = await db.query<LedgerTotals>(
    `WITH parts AS (${parts}),
          codes AS (SELECT k0 AS code FROM parts WHERE k0 IS NOT NULL GROUP BY k0 HAVING sum(rows) <> 0)
     SELECT coalesce((SELECT sum(person_times) FROM parts), 0)::bigint AS "personTimes",
            ${persons}::bigint AS "distinctPersons",
            coalesce((SELECT sum(person_times) FROM parts WHERE k1), 0)::bigint AS "aggregatePersonTimes",
            (SELECT count(*) FROM codes)::bigint AS "countriesAndRegions",
            (SELECT count(*) FROM codes WHERE NOT EXISTS (SELECT 1 FROM countries c WHERE c.is_region AND c.code = codes.code))::bigint AS countries`,
    params,
  );
  return rows[0]!;
}
