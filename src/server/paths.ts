import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The files the server reads beside its code, found from the folder holding package.json, so
// that they are the same whether this code runs from its sources (src/server/paths.ts, under
// tsx or vitest) or compiled into a chunk of dist/server (scripts/build-server.mjs), where a
// relative `new URL('../…', import.meta.url)` would point elsewhere.

const here = fileURLToPath(import.meta.url);

/** The nearest folder above `file` that holds package.json. */
function packageRoot(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${file}`);
  }
}

/** True when running the JavaScript of dist/server, false when running the TypeScript sources. */
export const compiled = here.endsWith('.js');

const root = packageRoot(here);

/** Where each file the server reads beside its code is, as an absolute path. */
export const paths = {
  packageJson: join(root, 'package.json'),
  migrations: join(root, 'src/server/db/migrations/'),
  reference: join(root, 'reference/'),
  /** The embedded database's process: compiled beside the server, or its source run through tsx. */
  pgliteHost: compiled ? join(root, 'dist/server/pglite-host.js') : join(root, 'src/server/db/embedded/pglite-host.ts'),
};
