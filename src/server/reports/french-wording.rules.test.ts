import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file a French reader's words come from: the web's messages, the reports, the command line. */
function sources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  return ['src/web', 'src/server', 'src/shared', 'src/cli'].flatMap(walk);
}

describe('French wording', () => {
  it('says visits and journeys, never the calque "personnes-fois" for 人次', () => {
    const found = sources().filter((file) => /personnes?-fois/i.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
