import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeApiClientTypes } from '../../../scripts/api-client.ts';
import { startTestServer, succeeded, type TestServer } from '../test/harness.ts';
import { personBody, visitBody } from '../test/factories.ts';

// Issue 17: a typed client generated from /api/openapi.json by an independent generator
// (openapi-typescript), and a script that uses it (examples/api-client.ts) type-checked against
// it, so that a route, a parameter or a body field renamed in the API breaks the script's build
// here, in CI, before it breaks a school's script.

const EXAMPLE = fileURLToPath(new URL('../../../examples/api-client.ts', import.meta.url));
const TSCONFIG = resolve(dirname(EXAMPLE), 'tsconfig.json');

/** What the example's tour returns, as far as this test reads it. */
interface Tour {
  me: { user: { displayName: string } };
  visits: { total: number };
  visit: { id: number } | null;
  figures: { figures: unknown[] };
}

/** The TypeScript compiler's complaints about the example, with its text replaced by `text` when given. */
function typeErrors(text?: string): string[] {
  const { config } = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(TSCONFIG));
  const host = ts.createCompilerHost(options);
  if (text !== undefined) {
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) => (resolve(name) === EXAMPLE ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest));
  }
  const program = ts.createProgram(fileNames, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

beforeAll(async () => {
  await writeApiClientTypes();
}, 120_000);

describe('the typed client', () => {
  it('type-checks the example against the generated types', () => {
    expect(typeErrors()).toEqual([]);
  }, 120_000);

  it('fails the example that names a route or a parameter the API does not have', () => {
    const source = readFileSync(EXAMPLE, 'utf8');
    const broken = source.replace("'/api/visits/{id}'", "'/api/visit/{id}'").replace('pageSize: 5', 'pagesize: 5');
    expect(broken).not.toBe(source);
    const errors = typeErrors(broken).join('\n');
    expect(errors).toContain('/api/visit/{id}');
    expect(errors).toContain('pagesize');
  }, 120_000);
});

describe('the example, run', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  }, 120_000);
  afterAll(async () => t?.close());

  it('signs in with a token, lists visits, reads one and fetches the figures over HTTP', async () => {
    const officer = await t.as('officer');
    const person = await succeeded(officer.post('/api/people', personBody()));
    const visit = await succeeded(officer.post('/api/visits', visitBody(t.units.a, [person.id])));
    const { token } = await succeeded<{ token: string }>(officer.post('/api/auth/tokens', { name: 'example' }));
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    // Imported by URL, not by name, so that the project's type check does not need the generated types.
    const example = (await import(pathToFileURL(EXAMPLE).href)) as { tour(baseUrl: string, token: string): Promise<Tour> };
    const tour = await example.tour(address, token);
    expect(tour.me.user.displayName).toBe('officer');
    expect(tour.visits.total).toBe(1);
    expect(tour.visit?.id).toBe(visit.id);
    expect(tour.figures.figures.length).toBeGreaterThan(0);
  }, 120_000);
});
