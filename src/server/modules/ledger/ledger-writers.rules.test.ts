import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the ledger has one writer', () => {
  it('no source file but ledger.write.ts inserts, updates or deletes ledger rows', () => {
    const writers = sources(join(root, 'src'))
      .filter((file) => /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+ledger\b(?!_)/i.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(writers).toEqual(['src/server/modules/ledger/ledger.write.ts']);
  });
});
