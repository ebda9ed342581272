import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A migration once released has been applied to databases that will never run it again:
// editing it changes nothing there and something on new installs, so the two drift apart.
// migrations.sha256 (in `sha256sum` format, so `sha256sum -c` checks it from the folder)
// pins every file; a change to the schema is a new numbered file.

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
const manifestPath = fileURLToPath(new URL('./migrations.sha256', import.meta.url));
const manifest = new Map(
  readFileSync(manifestPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      if (!match) throw new Error(`src/server/db/migrations.sha256: "${line}" is not "<sha256>  <file name>"`);
      return [match[2]!, match[1]!] as const;
    }),
);
const files = readdirSync(dir).filter((name) => name.endsWith('.sql')).sort();
const sha256 = (name: string): string => createHash('sha256').update(readFileSync(dir + name)).digest('hex');
const howToAdd = (name: string): string => `(cd src/server/db/migrations && sha256sum ${name}) >> src/server/db/migrations.sha256`;

describe('migrations are never rewritten once applied', () => {
  it('lists at least the migrations released so far', () => {
    expect(manifest.size).toBeGreaterThanOrEqual(13);
  });

  for (const [name, checksum] of manifest) {
    it(`${name} is still there, byte for byte`, () => {
      expect(existsSync(dir + name), `${name} was applied to databases in use: put it back; change the schema in a new numbered file`).toBe(true);
      expect(sha256(name), `${name} was applied to databases in use and must not change: undo the edit and write a new numbered migration instead`).toBe(checksum);
    });
  }

  it('every migration file is in the manifest', () => {
    const unlisted = files.filter((name) => !manifest.has(name));
    expect(unlisted, `add each new migration to the manifest once it is final: ${unlisted.map(howToAdd).join('; ')}`).toEqual([]);
  });
});
