import type { Queryable } from '../db/client.ts';

/**
 * What a write cut short would leave behind, checked on the whole database: a record without
 * the audit row of its creation, an aggregate entry without its one ledger row, a visit whose
 * ledger rows do not match its state and visitors, ledger rows of a record that is not there.
 * Each service writes all of these in one transaction, so after any crash the list is empty.
 * Returns one line per problem (an empty list when every record is whole).
 */
export async function halfWrittenRecords(db: Queryable): Promise<string[]> {
  const checks: Array<[string, string]> = [
    [
      'record without the audit row of its creation',
      `SELECT r.entity || ' ' || r.id AS problem
         FROM (SELECT 'person' AS entity, id FROM people UNION ALL SELECT 'aggregate', id FROM ledger_aggregates
               UNION ALL SELECT 'visit', id FROM visits UNION ALL SELECT 'conference', id FROM conferences) r
        WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = r.entity AND a.entity_id = r.id::text AND a.action = 'create')`,
    ],
    [
      'aggregate entry without exactly its one ledger row',
      `SELECT 'aggregate ' || g.id AS problem FROM ledger_aggregates g
        WHERE (SELECT count(*) FROM ledger l WHERE l.source_module = 'aggregate' AND l.source_id = g.id) <> 1
           OR NOT EXISTS (SELECT 1 FROM ledger l WHERE l.source_module = 'aggregate' AND l.source_id = g.id AND l.count = g.count AND l.is_aggregate)`,
    ],
    [
      'visit whose ledger rows are not one per visitor once held (none before)',
      `SELECT 'visit ' || v.id || ' (' || v.status || ')' AS problem FROM visits v
        WHERE (SELECT count(*) FROM ledger l WHERE l.source_module = 'visit' AND l.source_id = v.id)
           <> CASE WHEN v.status IN ('held', 'closed') THEN (SELECT count(*) FROM visit_members m WHERE m.visit_id = v.id) ELSE 0 END`,
    ],
    [
      'visit held without the audit row of that step',
      `SELECT 'visit ' || v.id AS problem FROM visits v
        WHERE v.status IN ('held', 'closed')
          AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'visit' AND a.entity_id = v.id::text AND a.after->>'status' = 'held')`,
    ],
    [
      'ledger rows of a record that is not there',
      `SELECT DISTINCT l.source_module || ' ' || l.source_id AS problem FROM ledger l
        WHERE (l.source_module = 'aggregate' AND NOT EXISTS (SELECT 1 FROM ledger_aggregates g WHERE g.id = l.source_id))
           OR (l.source_module = 'visit' AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = l.source_id))
           OR (l.source_module = 'conference' AND NOT EXISTS (SELECT 1 FROM conferences c WHERE c.id = l.source_id))`,
    ],
  ];
  const problems: string[] = [];
  for (const [what, sql] of checks) {
    const { rows } = await db.query<{ problem: string }>(sql);
    for (const row of rows) problems.push(`${what}: ${row.problem}`);
  }
  return problems;
}
