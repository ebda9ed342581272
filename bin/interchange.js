#!/usr/bin/env node
// The `interchange` command. It runs the server and the CLI compiled to JavaScript in
// dist/server (scripts/build-server.mjs), so no TypeScript toolchain is loaded. When dist/server
// is missing or older than its sources it is rebuilt first, with a line saying so, or, without
// the build tools, the command says what to run. INTERCHANGE_FROM_SOURCES=1 runs the TypeScript
// sources through tsx instead (the tests set it, so that they always run the current code).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist/server/cli.js');

/** The newest modification time of the files under `dir` that the build reads (tests aside). */
function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!item.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/server must be rebuilt before it runs, or null when it is up to date with its sources. */
function staleness() {
  if (!existsSync(entry)) return 'dist/server is missing';
  const sources = ['src/server', 'src/cli', 'src/shared', 'src/demo'].map((dir) => join(root, dir)).filter((dir) => existsSync(dir));
  const built = statSync(entry).mtimeMs;
  return sources.some((dir) => newestSource(dir) > built) ? 'its sources changed since dist/server was built' : null;
}

if (process.env.INTERCHANGE_FROM_SOURCES === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const why = staleness();
  if (why) {
    // Said on stderr: standard output carries the commands' results (JSON reports).
    if (!existsSync(join(root, 'node_modules/esbuild'))) {
      console.error(`Interchange: the server must be built (${why}) and esbuild, which builds it, is not installed: run \`npm install\`, then \`npm run build\`.`);
      process.exit(1);
    }
    console.error(`Building the server (${why})…`);
    const { status } = spawnSync(process.execPath, [join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
  // Stack traces name the TypeScript sources (the bundle's source maps).
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entry).href);
}
