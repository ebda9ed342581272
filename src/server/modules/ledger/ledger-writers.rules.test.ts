import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../test/source-files.ts';

const root = new URL('../../../../', import.meta.url).pathname;

describe('the ledger has one writer', () => {
  it('no source file but ledger.write.ts inserts, updates or deletes ledger rows', () => {
    const writers = sourceFiles(join(root, 'src'))
      .filter((file) => /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+ledger\b(?!_)/i.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(writers).toEqual(['src/server/modules/ledger/ledger.write.ts']);
  });
});
