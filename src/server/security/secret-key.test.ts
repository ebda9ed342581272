import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { loadSecret } from './secret-key.ts';
import { isLoopback as isLoopbackHost } from '../demo-guard.ts';

// Issue 15, finding 3: the key to personal data can live outside the data folder
// (INTERCHANGE_SECRET_FILE), and a real deployment is warned when it sits beside the data.

let root = '';
let data = '';
let warnings: string[] = [];
const warn = (m: string): void => void warnings.push(m);
const config = (env: NodeJS.ProcessEnv) => readConfig({ INTERCHANGE_DATA_DIR: data, ...env });
const BESIDE = /is inside the data folder/;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'interchange-secret-'));
  data = join(root, 'data');
  warnings = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function keyFile(mode: number, content = 'the-key-from-a-file\n'): string {
  const file = join(root, 'etc', 'interchange.key');
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('INTERCHANGE_SECRET_FILE', () => {
  it('is read, and a key kept outside the data folder draws no warning on a real deployment', async () => {
    const file = keyFile(0o600);
    expect(await loadSecret(config({ INTERCHANGE_SECRET_FILE: file, INTERCHANGE_DEMO: '0' }), warn)).toBe('the-key-from-a-file');
    expect(warnings).toEqual([]);
    expect(existsSync(join(data, 'secret.key'))).toBe(false);
  });

  it('warns when other users can read the key file, and leaves its mode alone', async () => {
    const file = keyFile(0o644);
    expect(await loadSecret(config({ INTERCHANGE_SECRET_FILE: file }), warn)).toBe('the-key-from-a-file');
    expect(warnings).toEqual([`the key file ${file} can be read by other users (mode 0644): chmod 600 it`]);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('refuses a key file that is not there (a new key would leave the stored data unreadable), or empty', async () => {
    const missing = join(root, 'nowhere.key');
    await expect(loadSecret(config({ INTERCHANGE_SECRET_FILE: missing }), warn)).rejects.toThrow(/INTERCHANGE_SECRET_FILE names .*nowhere\.key, which is not a file/);
    expect(existsSync(missing)).toBe(false);
    await expect(loadSecret(config({ INTERCHANGE_SECRET_FILE: keyFile(0o600, '\n') }), warn)).rejects.toThrow(/is empty/);
  });

  it('INTERCHANGE_SECRET still comes first', async () => {
    expect(await loadSecret(config({ INTERCHANGE_SECRET: 'from-env', INTERCHANGE_SECRET_FILE: keyFile(0o600), INTERCHANGE_DEMO: '0' }), warn)).toBe('from-env');
    expect(warnings).toEqual([]);
  });
});

describe('a key beside the data', () => {
  it('is generated owner-only into the data folder, and a real deployment (INTERCHANGE_DEMO=0) is warned', async () => {
    const secret = await loadSecret(config({ INTERCHANGE_DEMO: '0' }), warn);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(statSync(join(data, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(BESIDE);
    expect(warnings[0]).toContain(join(data, 'secret.key'));
    expect(warnings[0]).toContain('INTERCHANGE_SECRET_FILE');
    expect(await loadSecret(config({ INTERCHANGE_DEMO: '0' }), () => undefined)).toBe(secret);
  });

  it('warns a demo served beyond this machine, and a key file set inside the data folder', async () => {
    await loadSecret(config({ HOST: '0.0.0.0' }), warn);
    mkdirSync(join(data, 'keys'), { mode: 0o700 });
    writeFileSync(join(data, 'keys', 'k'), 'inside\n', { mode: 0o600 });
    await loadSecret(config({ INTERCHANGE_SECRET_FILE: join(data, 'keys', 'k'), INTERCHANGE_DEMO: '0' }), warn);
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).toMatch(BESIDE);
  });

  it('does not warn the demo on loopback', async () => {
    await loadSecret(config({}), warn);
    await loadSecret(config({ HOST: 'localhost' }), warn);
    expect(warnings).toEqual([]);
  });

  it('tells loopback addresses from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.edu', '1127.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
