import { join } from 'node:path';
import { connectDb, type Db } from './client.ts';
import { startEmbeddedEngine } from './embedded/embedded-engine.ts';
import type { Config } from '../config.ts';

/**
 * Opens the database the configuration names: PostgreSQL at DATABASE_URL, or the embedded
 * engine in the data folder. This is the only place that knows which engine it is.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return connectDb(config.databaseUrl, 'postgresql');
  const engine = await startEmbeddedEngine({ dataDir: join(config.dataDir, 'pglite') });
  return connectDb(engine.url, 'embedded', engine.stop);
}
