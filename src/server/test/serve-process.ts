import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A running `interchange serve` process, as a user starts it. */
export interface ServeProcess {
  base: string;
  /** The server's own process id (node running bin/interchange.js, no wrapper). */
  pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
  /**
   * Sends `signal` to the server process alone, or to its whole process group (the embedded
   * database's process too, as an OOM kill or a service manager's SIGKILL would; needs
   * `ownProcessGroup`), and resolves once the server has exited.
   */
  kill(signal: NodeJS.Signals, scope?: 'process' | 'group'): Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) once the server has exited by itself or otherwise. */
  exited(): Promise<number | null>;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `bin/interchange.js serve --no-build` with `env` on a free port (or env.PORT) and waits until it
 * says it is running (or fails with what it printed). With `ownProcessGroup` the server and
 * the processes it starts form a group of their own, which `kill` can end at once; `cwd` is the
 * folder whose bin/interchange.js runs (this one by default).
 */
export async function startServeProcess(env: NodeJS.ProcessEnv, options: { ownProcessGroup?: boolean; cwd?: string } = {}): Promise<ServeProcess> {
  // A PORT given is kept: a test whose configuration names the server's address chose it.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['bin/interchange.js', 'serve', '--no-build'], {
    cwd: options.cwd,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup === true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Interchange is running')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`interchange serve exited:\n${output}`));
      }
    }, 100);
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    kill: async (signal, scope = 'process') => {
      if (scope === 'group' && !options.ownProcessGroup) throw new Error('kill the group of a server started with ownProcessGroup');
      if (child.exitCode === null && child.signalCode === null) process.kill(scope === 'group' ? -child.pid! : child.pid!, signal);
      await exited;
    },
    exited: () => exited,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
