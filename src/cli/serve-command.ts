import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../server/config.ts';
import { serve } from '../server/main.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether the built web app is missing or older than its sources (or package.json). */
function webIsStale(config: Config): boolean {
  const index = join(config.webDir, 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync('src/web')) return false;
  // package.json too: its version is built into the footer.
  return Math.max(newestMtime('src/web'), newestMtime('src/shared'), statSync('package.json').mtimeMs) > statSync(index).mtimeMs;
}

/** `interchange serve`: builds the web app when it is stale, then serves. */
export async function serveCommand(config: Config, options: { build: boolean }): Promise<void> {
  if (options.build && webIsStale(config)) {
    console.log('Building the web app…');
    const result = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('the web app failed to build');
  }
  await serve(config);
}
