import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The unit scope is worked out in one place, the request context's builder; everything else
// reads it from the context or the connection it was given. A second place that computes it
// could compute it differently, and a route that forgets it leaks another unit's records.

const root = resolve(import.meta.dirname, '../../..');
const BUILDER = 'src/server/core/request-context.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = ['src/server', 'src/cli', 'src/demo'].flatMap((dir) => sourceFiles(join(root, dir))).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('the unit scope', () => {
  it('is computed by the request context alone: no other file names scopeOf', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => f.path !== BUILDER && /\bscopeOf\b/.test(f.text)).map((f) => f.path)).toEqual([]);
    expect(files.find((f) => f.path === BUILDER)?.text).toMatch(/\bscopeOf\b/);
  });

  it('is not worked out from a coordinator role by hand anywhere else', () => {
    // The shape scopeOf has: a coordinator's unitId chosen by role. Other uses of the role (a
    // coordinator may not take the office's steps) do not read the unit.
    const byHand = /role\s*===\s*'coordinator'\s*\?\s*[\w.]*unitId/;
    expect(files.filter((f) => f.path !== BUILDER && byHand.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
