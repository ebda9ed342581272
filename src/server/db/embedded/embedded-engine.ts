import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const hostScript = fileURLToPath(new URL('./pglite-host.ts', import.meta.url));

export interface EmbeddedEngine {
  /** A connection string for `pg` to the embedded server. */
  url: string;
  /** Closes the database cleanly and ends its process. */
  stop(): Promise<void>;
  /** The child process (tests kill it to prove durability). */
  child: ChildProcess;
}

export interface EmbeddedOptions {
  dataDir?: string;
  loadImage?: string;
  dumpImageTo?: string;
}

interface HostMessage {
  ready?: boolean;
  port?: number;
  dumped?: string;
}

function forkHost(options: EmbeddedOptions): ChildProcess {
  return fork(hostScript, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PGLITE_HOST_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function awaitMessage(child: ChildProcess, accept: (m: HostMessage) => boolean): Promise<HostMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void =>
      reject(new Error(`embedded database process exited with code ${code ?? 'null'} before it was ready`));
    child.once('exit', onExit);
    child.on('message', (message: HostMessage) => {
      if (!accept(message)) return;
      child.off('exit', onExit);
      resolve(message);
    });
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
  const { port } = await awaitMessage(child, (m) => m.ready === true);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping && code !== 0) onUnexpectedExit?.(code, signal);
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** Writes a dumpDataDir() image of the database in `dataDir` (or a fresh one) to `target`. */
export async function dumpEmbeddedImage(options: { dataDir?: string; loadImage?: string; target: string }): Promise<void> {
  const child = forkHost({ dataDir: options.dataDir, loadImage: options.loadImage, dumpImageTo: options.target });
  await awaitMessage(child, (m) => typeof m.dumped === 'string');
  await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
}
