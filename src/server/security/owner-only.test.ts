import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, makeOwnerOnly, secureDataDir } from './owner-only.ts';

// Issue 15, finding 3: the data folder is owner-only, checked (warned and fixed) at start.

const mode = (path: string): number => statSync(path).mode & 0o777;
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function looseTree(): string {
  root = mkdtempSync(join(tmpdir(), 'interchange-modes-'));
  const data = join(root, 'data');
  mkdirSync(join(data, 'pglite', 'global'), { recursive: true });
  writeFileSync(join(data, 'pglite', 'global', 'pg_control'), 'x');
  writeFileSync(join(data, 'secret.key'), 'key\n');
  writeFileSync(join(root, 'elsewhere'), 'not ours to change');
  chmodSync(join(root, 'elsewhere'), 0o644);
  symlinkSync(join(root, 'elsewhere'), join(data, 'link'));
  chmodSync(join(data, 'pglite', 'global'), 0o700);
  chmodSync(data, 0o755);
  chmodSync(join(data, 'pglite'), 0o777);
  chmodSync(join(data, 'pglite', 'global', 'pg_control'), 0o666);
  chmodSync(join(data, 'secret.key'), 0o644);
  return data;
}

describe('owner-only files', () => {
  it('takes group and other bits off every file and folder, and says which were loose', async () => {
    const data = looseTree();
    const loose = await makeOwnerOnly(data);
    expect(loose.map((e) => [e.path.slice(data.length), e.mode & 0o777]).sort()).toEqual([
      ['', 0o755],
      ['/pglite', 0o777],
      ['/pglite/global/pg_control', 0o666],
      ['/secret.key', 0o644],
    ]);
    expect([mode(data), mode(join(data, 'pglite')), mode(join(data, 'pglite', 'global')), mode(join(data, 'pglite', 'global', 'pg_control')), mode(join(data, 'secret.key'))])
      .toEqual([0o700, 0o700, 0o700, 0o600, 0o600]);
    expect(mode(join(root, 'elsewhere'))).toBe(0o644); // a link is not followed
    expect(await makeOwnerOnly(data)).toEqual([]);
  });

  it('warns once at start when the data folder was loose, and is silent once it is not', async () => {
    const data = looseTree();
    const warnings: string[] = [];
    await secureDataDir(data, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^4 file\(s\) or folder\(s\) under .* could be read or changed by other users; made owner-only: /);
    expect(warnings[0]).toContain('(0755)');
    await secureDataDir(data, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
  });

  it('creates a missing data folder 0700, whatever the umask', async () => {
    root = mkdtempSync(join(tmpdir(), 'interchange-modes-'));
    const previous = process.umask(0);
    try {
      await ensurePrivateDir(join(root, 'a', 'data'));
    } finally {
      process.umask(previous);
    }
    expect(mode(join(root, 'a', 'data'))).toBe(0o700);
  });
});
