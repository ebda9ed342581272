import type { Db } from '../server/db/client.ts';
import { deleteLedgerModule, insertLedgerCopies } from '../server/modules/ledger/ledger.write.ts';

/** The source module of the synthetic scale copies: `replaceLedgerRows` and verify treat them like any other. */
export const SCALE_MODULE = 'scale';

/** Rows written per transaction: large enough to be set-based, small enough to show progress. */
const BATCH_ROWS = 500_000;

/**
 * `demo load --scale N`: makes the ledger N times the demo's, the same shape (years,
 * countries, categories, units, the share of person-times with a named person): N − 1 copies
 * of every person-time already there, one row each (ledger.write.ts#insertLedgerCopies), so
 * that --scale 150 on the ~67,000 person-times of the full demo is about 10 million rows.
 * Set-based SQL through the ledger's writer, not the per-record services: the rollups move
 * in the same transactions. Earlier copies are removed first, so it can be run again.
 * Distinct persons do not grow: copies name the demo's people again.
 */
export async function loadDemoScale(
  db: Db,
  scale: number,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ rows: number; seconds: number }> {
  const started = Date.now();
  await db.transaction((tx) => deleteLedgerModule(tx, SCALE_MODULE));
  const { rows } = await db.query<{ n: number }>('SELECT coalesce(sum(count), 0)::bigint AS n FROM ledger');
  const base = rows[0]!.n;
  if (base === 0) throw new Error('The ledger is empty: load the demo first (interchange demo load).');
  const copies = Math.max(0, Math.floor(scale) - 1);
  const perBatch = Math.max(1, Math.floor(BATCH_ROWS / base));
  let written = 0;
  for (let first = 1; first <= copies; first += perBatch) {
    const last = Math.min(copies, first + perBatch - 1);
    written += await db.transaction((tx) => insertLedgerCopies(tx, { module: SCALE_MODULE, first, last }));
    onProgress(last, copies);
  }
  await db.query('ANALYZE ledger');
  await db.query('ANALYZE ledger_rollup');
  return { rows: written, seconds: (Date.now() - started) / 1000 };
}
