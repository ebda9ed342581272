// Builds the web app into dist/web with Vite. Imported by postinstall and the e2e runner,
// run as a script by `interchange serve` when the build is stale.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs `vite build` quietly; returns its exit status. */
export function buildWeb() {
  return spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(buildWeb());
