import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { compiled, paths } from '../../paths.ts';
import type { Queryable } from '../client.ts';
import type { DurabilityMessage } from './embedded-durability.ts';

export interface EmbeddedEngine {
  /** A connection string for `pg` to the embedded server: its Unix socket's folder. */
  url: string;
  /** The folder of its socket, mode 0700. */
  socketDir: string;
  /** The random value the database process set in its session, told to us alone (IPC). */
  nonce: string;
  /** Closes the database cleanly and ends its process. */
  stop(): Promise<void>;
  /** The child process (tests kill it to prove durability). */
  child: ChildProcess;
  /**
   * Runs `work`, a bulk load into an empty database, with commits that do not wait for the
   * disk, then makes the data folder durable at once (a flush per commit would make the
   * demo's first load slower). A power cut during `work` can spoil the folder.
   */
  bulkLoad<T>(work: () => Promise<T>): Promise<T>;
}

export interface EmbeddedOptions {
  dataDir?: string;
  loadImage?: string;
  dumpImageTo?: string;
  /** The socket's folder (recreated at each start); a temporary one when absent. */
  socketDir?: string;
  /** Commits reach the disk (the default); false only for tests' databases, for speed. */
  durable?: boolean;
  /** A command the process runs under, such as `strace` and its arguments (tests). */
  runUnder?: string[];
}

interface HostMessage extends Partial<DurabilityMessage> {
  ready?: boolean;
  socketDir?: string;
  temporary?: boolean;
  nonce?: string;
  dumped?: string;
}

function forkHost({ runUnder, ...options }: EmbeddedOptions): ChildProcess {
  const [tracer, ...tracerArgs] = runUnder ?? [];
  return fork(paths.pgliteHost, [], {
    ...(tracer ? { execPath: tracer } : {}),
    // Compiled, the process runs JavaScript; from the sources (tests, development) it needs tsx.
    execArgv: [...(tracer ? [...tracerArgs, process.execPath] : []), ...(compiled ? [] : ['--import', 'tsx'])],
    env: { ...process.env, PGLITE_HOST_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function awaitMessage(child: ChildProcess, accept: (m: HostMessage) => boolean): Promise<HostMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void =>
      reject(new Error(`embedded database process exited with code ${code ?? 'null'} before it was ready`));
    const onMessage = (message: HostMessage): void => {
      if (!accept(message)) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message);
    };
    child.once('exit', onExit);
    child.on('message', onMessage);
  });
}

/**
 * Starts PGlite in its own process behind a PostgreSQL socket, so that its queries never
 * block the server's event loop. `onUnexpectedExit` is called if that process ends without
 * being stopped and without closing the database itself (killed, out of memory, crashed):
 * the server then has no database left. (On Ctrl-C or a service stop it gets the signal too,
 * closes the database and exits 0: that is expected.)
 */
export async function startEmbeddedEngine(
  options: EmbeddedOptions,
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void,
): Promise<EmbeddedEngine> {
  const child = forkHost(options);
  const { socketDir = '', temporary, nonce = '' } = await awaitMessage(child, (m) => m.ready === true);
  let stopping = false;
  child.once('exit', (code, signal) => {
    // A killed process leaves its socket behind; a folder of the data folder is recreated at the next start.
    if (temporary) rmSync(socketDir, { recursive: true, force: true });
    if (!stopping && code !== 0) onUnexpectedExit?.(code, signal);
  });
  const ask = async (durability: 'pause' | 'resume'): Promise<void> => {
    const answer = awaitMessage(child, (m) => m.durability !== undefined);
    child.send({ durability } satisfies DurabilityMessage);
    const { error } = await answer;
    if (error !== undefined) throw new Error(`the embedded database could not ${durability} its flushes to the disk: ${error}`);
  };
  return {
    url: `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}`,
    socketDir,
    nonce,
    child,
    async bulkLoad(work) {
      await ask('pause');
      try {
        return await work();
      } finally {
        await ask('resume');
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        if (child.connected) child.disconnect();
      }),
  };
}

/** Writes a dumpDataDir() image of the database in `dataDir` (or a fresh one) to `target` (tests: not durable). */
export async function dumpEmbeddedImage(options: { dataDir?: string; loadImage?: string; target: string }): Promise<void> {
  const child = forkHost({ dataDir: options.dataDir, loadImage: options.loadImage, dumpImageTo: options.target, durable: false });
  await awaitMessage(child, (m) => typeof m.dumped === 'string');
  await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
}

class NotOurs extends Error {
  constructor() {
    super('the database that answered is not the one this server started');
  }
}

/**
 * Refuses the server's connection `db` to `engine` unless it is the one the engine opened for
 * it: the database that answers must hold the engine's nonce (a stale or substituted socket
 * does not), and the engine takes a single connection, so ours being answered means nobody
 * else holds one (the pool keeps it). On refusal the engine is stopped and the error says why.
 */
export async function verifyEmbeddedConnection(db: Queryable & { close(): Promise<void> }, engine: EmbeddedEngine, timeoutMs = 60_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const check = db.query<{ nonce: string | null }>("SELECT current_setting('interchange.instance', true) AS nonce");
    const { rows } = await Promise.race([check, timeout]);
    if (rows[0]?.nonce !== engine.nonce) throw new NotOurs();
  } catch (error) {
    void db.close().catch(() => undefined);
    await engine.stop();
    const reason = error instanceof NotOurs
      ? error.message
      : `it turned the connection away or did not answer; another client may hold its only connection: ${error instanceof Error ? error.message : String(error)}`;
    throw new Error(`refusing to start: the connection to the embedded database is not the one the server opened (${reason})`);
  } finally {
    clearTimeout(timer);
  }
}
