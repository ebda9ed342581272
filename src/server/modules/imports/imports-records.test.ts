import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { ImportQuery } from '../../../shared/contracts/imports.ts';
import { commitImport } from './imports.service.ts';

// Issue 11: a commit keeps the records it wrote in import_records (migration 0049), as runs of
// consecutive ids, not as a list in memory and in its outcome: a big file's answer and audit row
// list none, the import's page and its undo read them from the table, record by record.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const officer = () => requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer', unitId: null }, t.db);
const ROWS = 250;

/** ROWS counts of distinct years, sourced `source`. */
function aggregates(source: string): Buffer {
  const rows = Array.from({ length: ROWS }, (_, i) => [String(1200 + i), 'inbound', 'FR', String(i + 1), source].join(','));
  return Buffer.from(['Year,Direction,Country or region,Person-times,Source', ...rows].join('\n'), 'utf8');
}

const commit = (source: string) =>
  commitImport(officer(), { kind: 'aggregates', fileName: source, content: aggregates(source), query: ImportQuery.parse({}), cipher: t.cipher, batchRows: 100, listedRecords: 100 });

describe('an import’s records kept in import_records', () => {
  it('keeps a file of more records than are listed as runs of ids; its page lists every one at its version', async () => {
    const outcome = await commit('runs.csv');
    expect([outcome.created, outcome.records]).toEqual([ROWS, []]);
    const { rows: runs } = await t.db.query<{ first_id: string; last_id: string; action: string; version: number }>(
      'SELECT first_id::text, last_id::text, action, version FROM import_records WHERE import_id = $1 ORDER BY position', [outcome.importId]);
    // Three batches of at most 100 ids each: at most three rows (fewer when the batches' ids follow on), every id once.
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(3);
    expect(runs.reduce((n, r) => n + Number(r.last_id) - Number(r.first_id) + 1, 0)).toBe(ROWS);
    expect(runs.every((r) => r.action === 'created' && r.version === 1)).toBe(true);
    const { rows: ids } = await t.db.query<{ id: string }>(`SELECT a.id::text AS id FROM ledger_aggregates a WHERE a.source_document = 'runs.csv' ORDER BY a.id`);
    const stored = await t.db.query<{ outcome: Record<string, unknown>; after: Record<string, unknown> }>(
      `SELECT i.outcome, a.after FROM imports i JOIN audit_log a ON a.entity = 'aggregate_import' AND a.entity_id = i.id::text WHERE i.id = $1`, [outcome.importId]);
    expect(stored.rows[0]!.outcome).toMatchObject({ createdCount: ROWS, updatedCount: 0, recordRuns: runs.length });
    expect(stored.rows[0]!.outcome.created).toBeUndefined();
    expect((stored.rows[0]!.after.records as unknown[]).length).toBe(runs.length);

    const page = (await (await t.as('officer')).get(`/api/imports/history/${outcome.importId}`)).json();
    expect(page.outcome.records).toEqual(ids.map((r) => ({ entity: 'aggregate', id: Number(r.id), action: 'created', version: 1 })));
  });

  it('refuses to undo when one record of a run changed since, naming it; undoes the rest whole otherwise', async () => {
    const outcome = await commit('undo-runs.csv');
    const { rows } = await t.db.query<{ id: string }>(`SELECT a.id::text AS id FROM ledger_aggregates a WHERE a.source_document = 'undo-runs.csv' ORDER BY a.id LIMIT 1 OFFSET 150`);
    const changed = Number(rows[0]!.id);
    await t.db.query('UPDATE ledger_aggregates SET version = version + 1, notes = $2 WHERE id = $1', [changed, 'changed by hand']);
    const officerClient = await t.as('officer');
    const refused = await officerClient.post(`/api/imports/history/${outcome.importId}/undo`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'import_changed', fields: [{ field: `aggregate.${changed}`, message: expect.stringContaining('changed since the import') }] });
    expect(refused.json().error.fields).toHaveLength(1);
    await t.db.query('UPDATE ledger_aggregates SET version = version - 1, notes = NULL WHERE id = $1', [changed]);
    const undone = await officerClient.post(`/api/imports/history/${outcome.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    const left = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_aggregates WHERE source_document = 'undo-runs.csv'`);
    expect(left.rows[0]!.n).toBe(0);
  });
});
