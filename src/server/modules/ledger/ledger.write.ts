import type { Queryable } from '../../db/client.ts';
import type { Direction, LedgerCategory, Who } from '../../../shared/contracts/ledger.ts';

/** The record a set of ledger rows comes from. */
export interface LedgerSource {
  module: string;
  id: number;
  /** For aggregate rows: the document the count was taken from. */
  document?: string | null;
}

/** One person-time (count 1, with a person) or one aggregate count (no person). */
export interface LedgerEntry {
  direction: Direction;
  who: Who;
  personId?: number | null;
  count?: number;
  category: LedgerCategory;
  countryCode: string | null;
  institutionId: number | null;
  unitId: number | null;
  startDate: string;
  endDate: string;
}

/**
 * Replaces every ledger row of `source` with `entries`. The only way into the ledger: each
 * module calls it in the transaction that writes its own record, so the figures can never
 * disagree with the records, and an edit or a cancellation leaves nothing behind.
 */
export async function replaceLedgerRows(tx: Queryable, source: LedgerSource, entries: LedgerEntry[]): Promise<void> {
  await tx.query('DELETE FROM ledger WHERE source_module = $1 AND source_id = $2', [source.module, source.id]);
  if (!entries.length) return;
  const rows = entries.map((e) => ({
    direction: e.direction,
    who: e.who,
    person_id: e.personId ?? null,
    count: e.personId ? 1 : (e.count ?? 1),
    is_aggregate: !e.personId,
    category: e.category,
    country_code: e.countryCode,
    institution_id: e.institutionId,
    unit_id: e.unitId,
    start_date: e.startDate,
    end_date: e.endDate,
  }));
  await tx.query(
    `INSERT INTO ledger (direction, who, person_id, count, is_aggregate, category, country_code, institution_id, unit_id,
                         start_date, end_date, source_module, source_id, source_document)
     SELECT direction, who, person_id, count, is_aggregate, category, country_code, institution_id, unit_id,
            start_date, end_date, $2, $3, $4
     FROM json_populate_recordset(NULL::ledger, $1::json)`,
    [JSON.stringify(rows), source.module, source.id, source.document ?? null],
  );
}
