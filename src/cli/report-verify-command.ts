import type { Config } from '../server/config.ts';
import { verifyLedgerRollups } from '../server/modules/ledger/ledger-verify.service.ts';
import { openReadyDb } from './open-ready-db.ts';

/**
 * `interchange report verify`: recounts every rollup cell and every figure that reads the
 * rollups from the raw ledger; exits 1 naming each cell or figure that differs.
 */
export async function reportVerifyCommand(config: Config, options: { format: string }): Promise<void> {
  const { db } = await openReadyDb(config);
  try {
    const started = Date.now();
    const result = await verifyLedgerRollups(db);
    const failed = result.cellDifferences.length + result.figureDifferences.length > 0;
    if (options.format === 'json') console.log(JSON.stringify(result, null, 2));
    else {
      for (const c of result.cellDifferences)
        console.log(
          `cell differs: ${c.direction} ${c.year} ${c.who} ${c.category} country=${c.countryCode ?? '-'} unit=${c.unitId ?? '-'} ${c.isAggregate ? 'aggregate' : 'records'}: ` +
            `rollup ${c.stored ? `${c.stored.personTimes} person-times in ${c.stored.rows} rows` : 'missing'}, ` +
            `recount ${c.recounted ? `${c.recounted.personTimes} person-times in ${c.recounted.rows} rows` : 'none'}`,
        );
      for (const f of result.figureDifferences)
        console.log(`figure differs: ${f.figure}: rollups ${JSON.stringify(f.fromRollups)}, ledger ${JSON.stringify(f.fromLedger)}`);
      console.log(
        `${failed ? 'FAILED' : 'OK'}: ${result.cells} rollup cells and ${result.figures} figures recounted from the ledger in ${Date.now() - started} ms; ` +
          `${result.cellDifferences.length} cells and ${result.figureDifferences.length} figures differ.`,
      );
    }
    if (failed) process.exitCode = 1;
  } finally {
    await db.close();
  }
}
