import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess } from '../server/test/serve-process.ts';
import { freshServeDatabase, testEngine } from '../server/test/test-database.ts';

// `npm start` runs dist/server, the server and the CLI compiled by scripts/build-server.mjs,
// with no TypeScript toolchain loaded. Every other test runs the sources through tsx
// (INTERCHANGE_FROM_SOURCES, vitest.config.ts); this one builds dist/server afresh and runs it.
//
// How it knows nothing of the toolchain is loaded: the compiled server runs from a folder laid
// out as a production install (`npm ci --omit=dev`) would be: package.json, bin, the fresh build,
// and a node_modules holding only the packages package-lock.json does not mark as dev. tsx,
// esbuild, typescript and vite are not there, so neither the server's process nor the embedded
// database's can load one: a process that imported one would fail to start. The modules a
// process actually loaded cannot be listed from outside it; what it cannot find, it cannot load.

const root = resolve(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
const toolchain = ['tsx', 'esbuild', 'typescript', 'vite'];

let install = '';
let dataDir = '';
let databaseUrl: string | undefined;
let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  install = mkdtempSync(join(tmpdir(), 'interchange-compiled-'));
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs', join(install, 'dist/server')], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  cpSync(join(root, 'package.json'), join(install, 'package.json'));
  cpSync(join(root, 'bin'), join(install, 'bin'), { recursive: true });
  // Read, not run: the migrations and reference data, and the sources bin/interchange.js
  // compares the build with.
  for (const name of ['src', 'reference']) symlinkSync(join(root, name), join(install, name));
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || entry.dev || !existsSync(join(root, path))) continue;
    mkdirSync(dirname(join(install, path)), { recursive: true });
    symlinkSync(join(root, path), join(install, path));
  }
  dataDir = mkdtempSync(join(tmpdir(), 'interchange-compiled-data-'));
  const database = await freshServeDatabase(dataDir, async () => undefined);
  drop = database.drop;
  databaseUrl = database.databaseUrl;
});

afterAll(async () => {
  await drop();
  rmSync(install, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('is laid out as a production install, without the TypeScript toolchain', () => {
    for (const name of toolchain) {
      expect(existsSync(join(root, 'node_modules', name)), `${name} is installed for development`).toBe(true);
      expect(existsSync(join(install, 'node_modules', name)), `${name} is a dev dependency`).toBe(false);
    }
    expect(existsSync(join(install, 'node_modules/fastify'))).toBe(true);
  });

  it('imports only production dependencies, and the demo only when it loads it', () => {
    const { outputs } = JSON.parse(readFileSync(join(install, 'dist/server/metafile.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
    };
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const external = Object.values(outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
    expect(external).toContain('fastify');
    const needed = external.filter((path) => !path.startsWith('node:') && !builtinModules.includes(path)).map(packageOf);
    expect([...new Set(needed)].filter((name) => !(name in packageJson.dependencies))).toEqual([]);
    // What `serve` loads: the CLI's entry and the chunks it imports statically, none from src/demo.
    const entry = Object.keys(outputs).find((path) => path.endsWith('dist/server/cli.js'))!;
    const loaded = new Set<string>([entry]);
    for (const path of loaded) for (const i of outputs[path]!.imports) if (i.kind === 'import-statement' && !i.external) loaded.add(i.path);
    expect(loaded.size).toBeGreaterThan(1);
    const demoInputs = [...loaded].flatMap((path) => Object.keys(outputs[path]!.inputs)).filter((input) => input.startsWith('src/demo/'));
    expect(demoInputs).toEqual([]);
    expect(Object.values(outputs).some((output) => Object.keys(output.inputs).some((input) => input.startsWith('src/demo/')))).toBe(true);
  });

  it('starts, migrated, and answers /api/health with the version', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, INTERCHANGE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, INTERCHANGE_SECRET: 'compiled-secret', INTERCHANGE_DEMO: '0' };
    delete env.INTERCHANGE_FROM_SOURCES;
    const server = await startServeProcess(env, { cwd: install });
    try {
      expect(server.output()).not.toContain('Building the server');
      const response = await fetch(`${server.base}/api/health/ready`);
      expect(await response.json()).toMatchObject({ status: 'ready', engine: testEngine(), version: packageJson.version });
      if (testEngine() === 'embedded') {
        // The embedded database's process runs the compiled host script, with no flag (no loader).
        const [child] = execFileSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' }).trim().split('\n');
        const command = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean);
        expect(command).toEqual([process.execPath, join(install, 'dist/server/pglite-host.js')]);
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('is never run stale: older than its sources and without the build tools, it says what to run', () => {
    const old = new Date('2000-01-01');
    utimesSync(join(install, 'dist/server/cli.js'), old, old);
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.INTERCHANGE_FROM_SOURCES;
    const run = spawnSync(process.execPath, ['bin/interchange.js', '--help'], { cwd: install, env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('its sources changed since dist/server was built');
    expect(run.stderr).toContain('npm run build');
    expect(run.stdout).toBe('');
  });
});
