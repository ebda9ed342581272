/**
 * The embedded database's own process. PGlite blocks the event loop for the whole of
 * each query, so it runs here, behind a PostgreSQL wire-protocol socket, and the server
 * talks to it with `pg` exactly as it talks to a real PostgreSQL server.
 *
 * Started by embedded-engine.ts with an IPC channel; it reports `{ ready, socketDir, nonce }`
 * and closes the database cleanly when the parent goes away. It listens on a Unix socket in a
 * folder of its user's alone (private-socket.ts), takes one connection, and sets the random
 * `nonce` in its session, where the server checks it (embedded-engine.ts#verifyEmbeddedConnection).
 * The socket's protocol handling is wire-server.ts's.
 * Everything it creates is owner-only.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensurePrivateDir, makeOwnerOnly, restrictUmask } from '../../security/owner-only.ts';
import { createSocketDir } from './private-socket.ts';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { SyncingNodeFS } from './syncing-nodefs.ts';
import { OneConnectionServer } from './wire-server.ts';
import { answerDurabilityRequests, openingFolder, startParams } from './embedded-durability.ts';

interface HostOptions {
  /** The socket's folder, created fresh (a temporary one when absent or too long). */
  socketDir?: string;
  /** Folder of a persistent database; omitted for an in-memory one. */
  dataDir?: string;
  /** A dumpDataDir() image to start from (fast fresh databases for tests). */
  loadImage?: string;
  /** Write a dumpDataDir() image here once ready, then exit. */
  dumpImageTo?: string;
  /** Commits reach the disk (the default); false only for tests' databases. */
  durable?: boolean;
}

const options = JSON.parse(process.env.PGLITE_HOST_OPTIONS ?? '{}') as HostOptions;

/**
 * PostgreSQL's shared buffers at half its default (128 MB): PGlite's process touches the whole
 * area as it starts, and its WebAssembly memory never shrinks. Measured on the demo database
 * (issue 17), the process idle after a start held 321–335 MB with 128 MB and 255–263 MB with 64 MB
 * (227–231 MB with 32 MB). Pages past 64 MB are read again from the kernel's cache of the folder:
 * reading every table of the demo whole three times took no more CPU with 64 MB than with 128 MB.
 */
const MEMORY_PARAMS = ['-c', 'shared_buffers=64MB'];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A process killed but not yet reaped (a zombie whose parent is gone) holds nothing.
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * PGlite has one session: two processes opening the same folder would corrupt it. The lock
 * file names the holder; a stale one (its process gone) is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => void> {
  const file = join(dataDir, 'interchange.lock');
  let holder = 0;
  try {
    holder = Number(readFileSync(file, 'utf8'));
  } catch {
    holder = 0;
  }
  // A holder just killed (a restart after SIGKILL) may take a moment to be gone: wait for it.
  for (let waited = 0; holder && holder !== process.pid && alive(holder) && waited < 5_000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (holder && holder !== process.pid && alive(holder))
    throw new Error(`the embedded database in ${dataDir} is in use by process ${holder}: stop that server first`);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

async function main(): Promise<void> {
  restrictUmask();
  let unlock = (): void => undefined;
  if (options.dataDir) {
    await ensurePrivateDir(options.dataDir);
    unlock = await lockDataDir(options.dataDir);
  }
  const loadDataDir = options.loadImage
    ? new Blob([await readFile(options.loadImage)])
    : undefined;
  // Durable, each COMMIT returns once its WAL is on the disk (embedded-durability.ts).
  const fs = options.dataDir ? new SyncingNodeFS(options.dataDir, options.durable !== false) : null;
  const folder = fs && options.dataDir ? openingFolder(fs, options.dataDir, options.loadImage !== undefined) : null;
  const db = await PGlite.create({
    fs: fs ?? undefined,
    loadDataDir,
    extensions: { pg_trgm, citext },
    startParams: [...startParams(fs?.durable === true), ...MEMORY_PARAMS],
  });
  await folder?.opened(db);
  answerDurabilityRequests(db, fs, options.dataDir);
  if (options.dumpImageTo) {
    const image = await db.dumpDataDir('none');
    await mkdir(dirname(options.dumpImageTo), { recursive: true });
    await writeFile(options.dumpImageTo, Buffer.from(await image.arrayBuffer()));
    await db.close();
    unlock();
    process.send?.({ dumped: options.dumpImageTo }, () => process.exit(0));
    return;
  }
  // initdb and an image write their files 0666 whatever the umask.
  if (options.dataDir) await makeOwnerOnly(options.dataDir);
  const socket = await createSocketDir(options.socketDir);
  const nonce = randomBytes(16).toString('hex');
  await db.exec(`SET interchange.instance TO '${nonce}'`);
  const server = new OneConnectionServer(db, socket.path);
  await server.start();
  await chmod(socket.path, 0o600);
  let closing = false;
  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await server.stop().catch(() => undefined);
    await rm(socket.dir, { recursive: true, force: true });
    await db.close().catch(() => undefined);
    unlock();
    process.exit(0);
  };
  process.on('disconnect', () => void close());
  process.on('SIGTERM', () => void close());
  process.on('SIGINT', () => void close());
  process.send?.({ ready: true, socketDir: socket.dir, temporary: socket.temporary, nonce });
}

main().catch((error: unknown) => {
  console.error(`Interchange embedded database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
