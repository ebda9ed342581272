import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open.ts';
import { syncReferenceData } from '../server/reference/sync-reference.ts';
import { createCipher, loadSecret, type Cipher } from '../server/security/personal-data.ts';

/** Opens the configured database with its migrations and reference data applied. */
export async function openReadyDb(config: Config): Promise<{ db: Db; cipher: Cipher }> {
  const db = await openDatabase(config);
  await migrate(db);
  await syncReferenceData(db);
  return { db, cipher: createCipher(await loadSecret(config.secret, config.dataDir)) };
}
