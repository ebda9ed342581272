import type { Queryable } from '../../db/client.ts';
import { selectList } from '../../db/columns.ts';
import { selectPage, Where } from '../../db/where.ts';
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

/** A page of ledger rows, newest first. */
export function listLedger(db: Queryable, scope: number | null, query: LedgerFilter & { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const where = ledgerWhere(query, scope);
  const orderBy = `l.start_date ${query.order === 'asc' ? 'ASC' : 'DESC'}, l.id`;
  return selectPage<LedgerRow>(db, { select: COLUMNS, from: 'ledger l', where, orderBy, page: query.page, pageSize: query.pageSize });
}

/**
 * Person-times (人次) and distinct persons over the same rows. Aggregate rows add to
 * person-times but name nobody, so distinct persons counts individual records only.
 */
export async function ledgerTotals(db: Queryable, scope: number | null, filter: LedgerFilter): Promise<LedgerTotals> {
  const where = ledgerWhere(filter, scope);
  const { rows } = await db.query<LedgerTotals>(
    `SELECT coalesce(sum(l.count), 0)::bigint AS "personTimes",
            count(DISTINCT l.person_id)::bigint AS "distinctPersons",
            coalesce(sum(l.count) FILTER (WHERE l.is_aggregate), 0)::bigint AS "aggregatePersonTimes",
            count(DISTINCT l.country_code)::bigint AS "countriesAndRegions",
            count(DISTINCT l.country_code) FILTER (WHERE NOT c.is_region)::bigint AS "countries"
     FROM ledger l LEFT JOIN countries c ON c.code = l.country_code ${where}`,
    where.params,
  );
  return rows[0]!;
}
