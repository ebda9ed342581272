import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { requestContext } from '../../core/request-context.ts';
import { SYSTEM_ACTOR } from '../../policies/actor.ts';
import { ImportQuery } from '../../../shared/contracts/imports.ts';
import { commitImport, previewImport } from './imports.service.ts';

// Issue 11: a commit reads its file once, classifying and writing batch by batch as it reads.
// A file is still written wholly or not at all: a bad last row, found after earlier batches were
// written, writes nothing; the batches' records keep the rows' order, their audit rows name the
// import, and the import is undone whole.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const officer = () => requestContext({ ...SYSTEM_ACTOR, userId: t.userIds.officer, role: 'officer', unitId: null }, t.db);
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
const HEADER = ['Year', 'Direction', 'Country or region', 'Person-times', 'Source'];
const ROWS = 450;

/** ROWS counts of distinct years (each row its own entry), sourced `source`; the last count `last` when given. */
function aggregates(source: string, last?: string): Buffer {
  const rows = Array.from({ length: ROWS }, (_, i) => [String(1500 + i), 'outbound', 'JP', i === ROWS - 1 && last !== undefined ? last : String(i + 1), source]);
  return csv([HEADER, ...rows]);
}

async function written(source: string) {
  const { rows } = await t.db.query<{ entries: number; ledger: number; imports: number }>(
    `SELECT (SELECT count(*)::int FROM ledger_aggregates WHERE source_document = $1) AS entries,
            (SELECT count(*)::int FROM ledger WHERE source_document = $1) AS ledger,
            (SELECT count(*)::int FROM imports WHERE file_name = $1) AS imports`,
    [source],
  );
  return rows[0]!;
}

describe('a commit that writes batch by batch while it reads', () => {
  it('writes nothing when the last row is bad, although the batches before it were written', async () => {
    const progress: Array<[number, number]> = [];
    const refused = await commitImport(officer(), {
      kind: 'aggregates', fileName: 'bad-last.csv', content: aggregates('bad-last.csv', 'many'), query: ImportQuery.parse({}), cipher: t.cipher,
      batchRows: 100, onProgress: async (done, total) => void progress.push([done, total]),
    }).then(() => null, (error: unknown) => error as { code: string; extra: { fields: Array<{ field: string; reason: string }> } });
    expect(refused?.code).toBe('validation_failed');
    expect(refused?.extra.fields).toEqual([{ field: `rows.${ROWS + 1}.Person-times`, reason: 'not_a_whole_number' }]);
    // Rows were written before the bad one was read (the progress says so), and rolled back with it.
    expect(progress.some(([done]) => done >= 100)).toBe(true);
    expect(await written('bad-last.csv')).toEqual({ entries: 0, ledger: 0, imports: 0 });
  });

  it('commits a file in several batches: every row once, in the rows’ order, each audit row naming the import, undone whole', async () => {
    const progress: Array<[number, number]> = [];
    const outcome = await commitImport(officer(), {
      kind: 'aggregates', fileName: 'good.csv', content: aggregates('good.csv'), query: ImportQuery.parse({}), cipher: t.cipher,
      batchRows: 100, onProgress: async (done, total) => void progress.push([done, total]),
    });
    expect(outcome.created).toBe(ROWS);
    expect(outcome.summary.counts).toEqual({ new: ROWS, update: 0, duplicate: 0, error: 0 });
    expect(progress.at(-1)).toEqual([ROWS, ROWS]);
    const ids = outcome.records.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const { rows } = await t.db.query<{ id: number; year: string; audits: number }>(
      `SELECT a.id, to_char(a.start_date, 'YYYY') AS year,
              (SELECT count(*)::int FROM audit_log l WHERE l.entity = 'aggregate' AND l.entity_id = a.id::text AND l.import_id = $2) AS audits
         FROM ledger_aggregates a WHERE a.source_document = $1 ORDER BY a.id`,
      ['good.csv', outcome.importId],
    );
    expect(rows.map((r) => Number(r.year))).toEqual(Array.from({ length: ROWS }, (_, i) => 1500 + i));
    expect(rows.every((r) => r.audits === 1)).toBe(true);
    expect(await written('good.csv')).toEqual({ entries: ROWS, ledger: ROWS, imports: 1 });

    const undone = await (await t.as('officer')).post(`/api/imports/history/${outcome.importId}/undo`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await written('good.csv')).toMatchObject({ entries: 0, ledger: 0 });
  });

  it('reads the day order from the whole file before its first row: a date late in the file decides the earlier ones', async () => {
    const header = ['Title (English)', 'Title (Chinese)', 'Partners', 'Signed on'];
    const monthFirst = await previewImport(officer(), { kind: 'agreements', fileName: 'a.csv', content: csv([header, ['A', '甲', 'Nowhere U', '03/05/2019'], ['B', '乙', 'Nowhere U', '12/25/2019']]), query: ImportQuery.parse({}), cipher: t.cipher });
    expect([monthFirst.dayOrder, monthFirst.rows[0]!.values.signedOn]).toEqual(['month-first', '2019-03-05']);
    const dayFirst = await previewImport(officer(), { kind: 'agreements', fileName: 'a.csv', content: csv([header, ['A', '甲', 'Nowhere U', '03/05/2019'], ['B', '乙', 'Nowhere U', '25/12/2019']]), query: ImportQuery.parse({}), cipher: t.cipher });
    expect([dayFirst.dayOrder, dayFirst.rows[0]!.values.signedOn]).toEqual(['day-first', '2019-05-03']);
  });
});
