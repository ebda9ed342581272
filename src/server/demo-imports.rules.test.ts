import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The production server must not load the demo's code (its generators, names and data) unless
// it loads the demo: every static import reachable from the server's entry points is walked,
// and none may reach src/demo. `await import()` (taken only when the demo is loaded) is not a
// static import, nor is `import type` (erased at compile time). `serve` imports the bulk of the
// server (start-steps.ts) with `await import()` while the embedded database starts, so that file is
// an entry point of its own: it is loaded at every start.

const root = resolve(import.meta.dirname, '../..');
const entries = ['src/cli/main.ts', 'src/cli/serve-command.ts', 'src/server/main.ts', 'src/server/start-steps.ts'];

/** The relative modules a file imports or re-exports at run time, at top level. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(statement) && !statement.isTypeOnly) {
      const reference = statement.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) specifiers.push(reference.expression.text);
    }
  }
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .filter((path) => existsSync(path) && /\.tsx?$/.test(path));
}

/** Every file reachable by static imports from `start`, each with the chain that reached it. */
function reachable(start: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of staticImports(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

describe('the server imports the demo only when it loads it', () => {
  for (const entry of entries) {
    it(`no static import from ${entry} reaches src/demo`, () => {
      const graph = reachable(resolve(root, entry));
      // The walk itself works: the server's own code is reached.
      expect(graph.size).toBeGreaterThan(entry === 'src/server/start-steps.ts' ? 50 : 1);
      const demoDir = resolve(root, 'src/demo');
      const leaks = [...graph.entries()]
        .filter(([file]) => file.startsWith(demoDir + '/'))
        .map(([, chain]) => chain.map((file) => relative(root, file)).join(' → '));
      expect(leaks, 'import the demo with `await import()` where it is loaded').toEqual([]);
    });
  }

  it('finds a static import of src/demo when there is one (the walk is not blind)', () => {
    const graph = reachable(resolve(root, 'src/cli/demo-command.ts'));
    expect([...graph.keys()].some((file) => file.startsWith(resolve(root, 'src/demo') + '/'))).toBe(true);
  });
});
