import { join } from 'node:path';
import { connectDb, type Db } from './client.ts';
import { startEmbeddedEngine, verifyEmbeddedConnection } from './embedded/embedded-engine.ts';
import type { Config } from '../config.ts';

/**
 * Opens the database the configuration names: PostgreSQL at DATABASE_URL, or the embedded
 * engine in the data folder. This is the only place that knows which engine it is.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return connectDb(config.databaseUrl, 'postgresql');
  // Without its database process the server could only answer errors while looking alive
  // (health says ok): it stops, so that whoever runs it (systemd, docker) starts it again.
  // Its socket lives in the data folder, in a folder of its own (0700): no TCP port.
  const engine = await startEmbeddedEngine({ dataDir: join(config.dataDir, 'pglite'), socketDir: join(config.dataDir, 'pglite-socket') }, (code, signal) => {
    console.error(`Interchange: the embedded database process ended (${signal ?? `exit code ${code}`}); stopping.`);
    process.exit(1);
  });
  const db = connectDb(engine.url, 'embedded', engine.stop, engine.bulkLoad);
  await verifyEmbeddedConnection(db, engine);
  return db;
}
