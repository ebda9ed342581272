/**
 * The embedded-engine bench's subject: a compiled `interchange serve` on the embedded database
 * of a data folder with the demo (loaded by the folder's first start), its CPU read from /proc
 * (the server's process and the embedded database's), and the ids the mix picks from, read
 * from the database itself before the server holds its only connection.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServeProcess, type ServeProcess } from '../src/server/test/serve-process.ts';
import { startEmbeddedEngine } from '../src/server/db/embedded/embedded-engine.ts';
import { sampleDatabase, type Samples } from './load-mix.ts';
import { cpuMs } from './load-server.ts';

/** The secret personal data is encrypted with, the same at every start of the kept folder. */
const SECRET = 'interchange-load-test-secret';

/** The environment without anything that would point the server at PostgreSQL or at its sources. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'BENCH_DATABASE_URL', 'INTERCHANGE_FROM_SOURCES', 'INTERCHANGE_TEST_ENGINE']) delete env[name];
  return env;
}

/** A running compiled server on the embedded engine. */
export interface EmbeddedServer {
  base: string;
  serve: ServeProcess;
  /** The embedded database's process (pglite-host), a child of the server. */
  databasePid: number;
  /** CPU used so far by the server and by the database process, in ms. */
  cpu(): { server: number; database: number };
  stop(): Promise<void>;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Starts `interchange serve` (compiled, demo on) on the folder `dataDir`; the first start loads the demo. */
export async function startEmbeddedServer(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<EmbeddedServer> {
  const serve = await startServeProcess({ ...cleanEnv(), INTERCHANGE_SECRET: SECRET, INTERCHANGE_DATA_DIR: dataDir, INTERCHANGE_DEMO: '1', HOST: '127.0.0.1', ...env });
  const databasePid = childrenOf(serve.pid).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pglite-host')) ?? 0;
  if (!databasePid) throw new Error('the embedded database process of the server was not found');
  return {
    base: serve.base,
    serve,
    databasePid,
    cpu: () => ({ server: cpuMs(serve.pid), database: cpuMs(databasePid) }),
    stop: async () => {
      await serve.stop();
    },
  };
}

/**
 * Makes sure `dataDir` holds the demo: when it has no database yet, a first start loads it
 * (then stops). Returns what was done, for the results.
 */
export async function prepareEmbeddedFolder(dataDir: string): Promise<string> {
  if (existsSync(join(dataDir, 'pglite', 'PG_VERSION'))) return `kept folder ${dataDir} (BENCH_EMBEDDED_DIR), the demo loaded by an earlier run`;
  const started = performance.now();
  const server = await startEmbeddedServer(dataDir);
  const seconds = (performance.now() - started) / 1000;
  await server.stop();
  return `first start on a new folder loaded the demo: ${seconds.toFixed(0)} s (load average then ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`;
}

/** Reads the mix's ids from the folder's database (the server must not be running: the engine takes one connection). */
export async function sampleEmbedded(dataDir: string): Promise<Samples> {
  const engine = await startEmbeddedEngine({ dataDir: join(dataDir, 'pglite') });
  try {
    return await sampleDatabase(engine.url);
  } finally {
    await engine.stop();
  }
}
