import type { Config } from '../server/config.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open.ts';
import { syncReferenceData } from '../server/reference/sync-reference.ts';

/** `interchange migrate`: applies pending migrations and reference data. */
export async function migrateCommand(config: Config): Promise<void> {
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    const loaded = await syncReferenceData(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
    if (loaded.length) console.log(`Reference data loaded: ${loaded.join(', ')}`);
  } finally {
    await db.close();
  }
}
