import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { paths } from './paths.ts';

/**
 * Loads the demo into the configured database by running `interchange demo load` as a child
 * process with this process's environment (so the same configuration) and output, and waits for
 * it. The load's garbage and what it retains (100 MB and more: the demo's data, its generators,
 * the services' caches), and on the embedded engine the database's process grown by the load,
 * end with that process: the server then holds what a restart holds (issue 17). Throws if the
 * load fails; the embedded engine's folder must not be open in this process meanwhile.
 */
export async function loadDemoInItsOwnProcess(): Promise<void> {
  const bin = join(dirname(paths.packageJson), 'bin/interchange.js');
  const child = spawn(process.execPath, [bin, 'demo', 'load'], { stdio: 'inherit', env: process.env });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (code !== 0) throw new Error(`loading the demo failed (interchange demo load ended with ${signal ?? `exit code ${code}`})`);
}
