import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A running `interchange serve` process, as a user starts it. */
export interface ServeProcess {
  base: string;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
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
 * Starts `bin/interchange.js serve --no-build` with `env` on a free port and waits until it
 * says it is running (or fails with what it printed).
 */
export async function startServeProcess(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/interchange.js', 'serve', '--no-build'], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
