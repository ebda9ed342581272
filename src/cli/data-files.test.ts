import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/open.ts';
import { secureDataDir } from '../server/security/owner-only.ts';
import { startServeProcess, type ServeProcess } from '../server/test/serve-process.ts';
import { freshServeDatabase, testEngine } from '../server/test/test-database.ts';

// Issue 15, finding 3: everything under the data folder is owner-only from its creation, a
// start fixes (and reports) what was loosened since, and a real deployment is told when the
// key to personal data sits beside the data.

const LOOSE = /could be read or changed by other users; made owner-only/;
const BESIDE = /is inside the data folder/;
let root = '';
let server: ServeProcess | null = null;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'interchange-files-'));
});
afterAll(async () => {
  await server?.kill('SIGKILL', 'group');
  rmSync(root, { recursive: true, force: true });
});

/** Every file and folder under `dir` whose mode lets group or others in, with that mode. */
function looseUnder(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string): void => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return found;
}

it.runIf(testEngine() === 'embedded')('a new embedded database folder is owner-only from the start, with nothing to warn about', async () => {
  const data = join(root, 'fresh');
  const warnings: string[] = [];
  await secureDataDir(data, (m) => warnings.push(m));
  const db = await openDatabase({ dataDir: data, databaseUrl: null });
  try {
    expect(readdirSync(data).sort()).toEqual(['pglite', 'pglite-socket']);
    expect(statSync(join(data, 'pglite-socket')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(data, 'pglite')).length).toBeGreaterThan(10);
    expect(looseUnder(data)).toEqual([]);
  } finally {
    await db.close();
  }
  expect(existsSync(join(data, 'pglite-socket'))).toBe(false);
  expect(looseUnder(data)).toEqual([]);
  expect(warnings).toEqual([]);
});

describe('a real deployment of `interchange serve`', () => {
  let data = '';
  let env: NodeJS.ProcessEnv = {};
  let drop = async (): Promise<void> => undefined;
  beforeAll(async () => {
    data = join(root, 'served');
    const database = await freshServeDatabase(data, async () => undefined);
    drop = database.drop;
    env = { ...process.env, INTERCHANGE_DATA_DIR: data, DATABASE_URL: database.databaseUrl, INTERCHANGE_DEMO: '0' };
    delete env.INTERCHANGE_SECRET;
    delete env.INTERCHANGE_SECRET_FILE;
  }, 180_000);
  afterAll(async () => {
    await drop();
  });

  it('leaves every file of the data folder owner-only, and warns that the generated key is beside the data', async () => {
    server = await startServeProcess(env, { ownProcessGroup: true });
    expect(looseUnder(data)).toEqual([]);
    expect(statSync(join(data, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(server.output()).toMatch(BESIDE);
    expect(server.output()).not.toMatch(LOOSE);
    expect(await server.stop()).toBe(0);
    server = null;
  }, 180_000);

  it('fixes modes loosened since, saying so, and reads the key from INTERCHANGE_SECRET_FILE, warning that others can read it', async () => {
    chmodSync(data, 0o755);
    chmodSync(join(data, 'secret.key'), 0o644);
    if (testEngine() === 'embedded') {
      chmodSync(join(data, 'pglite'), 0o777);
      chmodSync(join(data, 'pglite', 'global', 'pg_control'), 0o666);
      chmodSync(join(data, 'pglite', 'pg_hba.conf'), 0o666);
    }
    const keyFile = join(root, 'interchange.key');
    writeFileSync(keyFile, 'a key kept away from the data\n');
    chmodSync(keyFile, 0o644);
    server = await startServeProcess({ ...env, INTERCHANGE_SECRET_FILE: keyFile }, { ownProcessGroup: true });
    const output = server.output();
    expect(output).toMatch(LOOSE);
    expect(output).toContain(`${data} (0755)`);
    expect(output).toContain(`the key file ${keyFile} can be read by other users (mode 0644)`);
    expect(output).not.toMatch(BESIDE);
    expect(looseUnder(data)).toEqual([]);
    expect(statSync(keyFile).mode & 0o777).toBe(0o644);
    expect(await server.stop()).toBe(0);
    server = null;
  }, 180_000);
});
