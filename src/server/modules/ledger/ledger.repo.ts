import type { Scoped } from '../../core/request-context.ts';
import { selectList } from '../../db/columns.ts';
import { Where } from '../../db/where.ts';
import { rollupSums } from './ledger-rollup.repo.ts';
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

/** The WHERE clause of a ledger filter, confined to a coordinator's unit when `scope` is set. */
function ledgerWhere(filter: LedgerFilter, scope: number | null): Where {
  return new Where()
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
 * A page of ledger rows, newest first, each with its person's name and its source record's
 * title. The page walks the (direction, start_date DESC, id) index and stops (names are joined
 * to the page's rows only); its total comes from the rollups (rows per cell), not from counting
 * every matching row, so a drill-down costs the same at ten million rows as at ten thousand.
 */
export async function listLedger(db: Scoped, query: LedgerFilter & { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const where = ledgerWhere(query, db.scope);
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  const limit = where.param(query.pageSize);
  const offset = where.param((query.page - 1) * query.pageSize);
  const { rows } = await db.query<LedgerRow>(
    `SELECT page.*,
            CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('familyName', p.family_name, 'givenName', p.given_name, 'nameZh', p.name_zh) END AS person,
            (${SOURCE_TITLES} LIMIT 1) AS source
       FROM (SELECT ${COLUMNS} FROM ledger l ${where} ORDER BY l.start_date ${dir}, l.id LIMIT ${limit} OFFSET ${offset}) page
       LEFT JOIN people p ON p.id = page."personId"
      ORDER BY page."startDate" ${dir}, page.id`,
    where.params,
  );
  const [sum] = await rollupSums(db, query, db.scope);
  return { rows, total: sum?.rows ?? 0 };
}

/**
 * Person-times (人次) and distinct persons over the same rows. Aggregate rows add to
 * person-times but name nobody, so distinct persons counts individual records only.
 * Person-times and the countries come from the rollups; distinct persons cannot be summed
 * from cells, so they are counted on the ledger's individual rows (the partial index
 * ledger_persons): their cost follows the number of person rows in the period.
 */
export async function ledgerTotals(db: Scoped, filter: LedgerFilter): Promise<LedgerTotals> {
  const byKind = await rollupSums(db, filter, db.scope, 'aggregate');
  const byCountry = await rollupSums(db, filter, db.scope, 'country');
  const codes = byCountry.map((c) => c.key).filter((code): code is string => typeof code === 'string');
  const regions = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM countries WHERE is_region AND code = ANY($1::text[])', [codes]);
  const where = ledgerWhere(filter, db.scope).raw('l.person_id IS NOT NULL');
  const persons = await db.query<{ n: number }>(`SELECT count(DISTINCT l.person_id)::bigint AS n FROM ledger l ${where}`, where.params);
  return {
    personTimes: byKind.reduce((sum, k) => sum + k.personTimes, 0),
    distinctPersons: persons.rows[0]!.n,
    aggregatePersonTimes: byKind.find((k) => k.key === true)?.personTimes ?? 0,
    countriesAndRegions: codes.length,
    countries: codes.length - regions.rows[0]!.n,
  };
}
