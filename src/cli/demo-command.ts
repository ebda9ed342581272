import { linkBase, type Config } from '../server/config.ts';
import { isEmpty, loadDemoShowingProgress, printDemoAccounts } from '../demo/load-demo.ts';
import { loadDemoScale } from '../demo/demo-scale.ts';
import { openReadyDb } from './open-ready-db.ts';

/**
 * `interchange demo load [--scale N]`: loads the demo data into an empty database; with
 * --scale, makes its ledger N times the demo's (loading the demo first if the database is
 * empty), for measuring the figures at national scale.
 */
export async function demoLoadCommand(config: Config, options: { scale?: string } = {}): Promise<void> {
  const scale = options.scale === undefined ? undefined : Number(options.scale);
  if (scale !== undefined && !(Number.isInteger(scale) && scale >= 1 && scale <= 10_000)) {
    console.error(`--scale: "${options.scale}" is not a whole number from 1 to 10000`);
    process.exitCode = 1;
    return;
  }
  const { db, cipher } = await openReadyDb(config);
  try {
    const empty = await isEmpty(db);
    if (!empty && scale === undefined) {
      console.error('The database already has users; the demo loads only into an empty database.');
      process.exitCode = 1;
      return;
    }
    if (empty) printDemoAccounts(await loadDemoShowingProgress(db, cipher, linkBase(config)));
    if (scale !== undefined) {
      const { rows, seconds } = await loadDemoScale(db, scale, (done, total) => process.stderr.write(`\rscale copies ${done}/${total}`));
      process.stderr.write('\n');
      console.log(`Ledger at ${scale}× the demo: ${rows.toLocaleString('en')} rows added in ${seconds.toFixed(1)} s.`);
    }
  } finally {
    await db.close();
  }
}
