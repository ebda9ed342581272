// Compiles the server and the CLI from TypeScript into dist/server with esbuild, so that
// `npm start` runs JavaScript with no TypeScript toolchain loaded. Imported by postinstall,
// run as a script by `npm run build` and by bin/interchange.js when dist/server is stale.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles the CLI (dist/server/cli.js) and the embedded database's process
 * (dist/server/pglite-host.js) with their shared code split into chunks, so that what is
 * imported with `await import()` (the demo, doctor) stays a chunk of its own, read only when
 * used. Packages stay imports of node_modules. Returns an exit status.
 */
export async function buildServer(outdir = join(root, 'dist/server')) {
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  try {
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints: { cli: 'src/cli/main.ts', 'pglite-host': 'src/server/db/embedded/pglite-host.ts' },
      outdir,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      packages: 'external',
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
    });
    // What each output imports, read by the test that the compiled server needs no dev dependency.
    writeFileSync(join(outdir, 'metafile.json'), JSON.stringify(metafile));
    return 0;
  } catch {
    return 1; // esbuild has printed why
  }
}

// As a script: `node scripts/build-server.mjs [outdir]`.
if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(await buildServer(process.argv[2] ? resolve(process.argv[2]) : undefined));
