import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open.ts';
import { syncReferenceData } from '../server/reference/sync-reference.ts';
import { createCipher, type Cipher } from '../server/security/personal-data.ts';
import { loadSecret } from '../server/security/secret-key.ts';
import { secureDataDir } from '../server/security/owner-only.ts';
import { indexPassports } from '../server/modules/people/passport-index.ts';

/** Opens the configured database with its migrations and reference data applied. */
export async function openReadyDb(config: Config): Promise<{ db: Db; cipher: Cipher }> {
  await secureDataDir(config.dataDir);
  const cipher = createCipher(await loadSecret(config));
  const db = await openDatabase(config);
  await migrate(db);
  await syncReferenceData(db);
  await indexPassports(db, cipher);
  return { db, cipher };
}
