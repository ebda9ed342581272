import type { Config } from '../server/config.ts';
import { isEmpty, loadDemo, printDemoAccounts } from '../demo/load-demo.ts';
import { openReadyDb } from './open-ready-db.ts';

/** `interchange demo load`: loads the demo data into an empty database. */
export async function demoLoadCommand(config: Config): Promise<void> {
  const { db, cipher } = await openReadyDb(config);
  try {
    if (!(await isEmpty(db))) {
      console.error('The database already has users; the demo loads only into an empty database.');
      process.exitCode = 1;
      return;
    }
    printDemoAccounts(await loadDemo(db, cipher));
  } finally {
    await db.close();
  }
}
