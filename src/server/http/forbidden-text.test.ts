import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';

// Issue 15, finding 8: a NUL byte (or a lone surrogate) in a query parameter or a JSON string
// reached PostgreSQL, which refuses it in text (22021), and the caller got 500. Every route
// now answers 400 naming the field, before its handler runs.

type Schema = { type?: string | string[]; enum?: unknown[]; pattern?: string; anyOf?: Schema[]; oneOf?: Schema[]; items?: Schema; properties?: Record<string, Schema> };
type Operation = { parameters?: Array<{ in: string; name: string }>; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

let t: TestServer;
let admin: Client;
let doc: OpenApi;

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.as('admin');
  doc = (await admin.get('/api/openapi.json')).json();
});
afterAll(async () => t?.close());

const METHODS = ['get', 'post', 'patch', 'delete'] as const;

/** Every operation of the OpenAPI document, its path's parameters filled with 1. */
function operations(): Array<{ method: (typeof METHODS)[number]; path: string; url: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.filter((m) => ops[m]).map((method) => ({ method, path, url: path.replace(/\{[^}]+\}/g, '1'), op: ops[method]! })),
  );
}

const isText = (s: Schema | undefined): boolean =>
  !!s && (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')) || !!s.anyOf?.some(isText) || !!s.oneOf?.some(isText));

async function send(method: (typeof METHODS)[number], url: string, body?: unknown) {
  if (method === 'get') return admin.get(url, { 'accept-language': 'en' });
  if (method === 'delete') return admin.delete(url, { 'accept-language': 'en' });
  return admin[method](url, body ?? {}, { 'accept-language': 'en' });
}

/** Expects a 400 that names `field` as holding a forbidden character. */
function refused(response: { statusCode: number; body: string; json(): { error: { code: string; fields?: Array<{ field: string; message: string }> } } }, field: string, label: string) {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBe(400);
  expect(response.json().error.code, label).toBe('validation_failed');
  expect(response.json().error.fields, label).toContainEqual({ field, message: `${field}: holds a character that is not allowed (a NUL byte or a broken surrogate)` });
}

describe('a NUL byte is refused with 400, never 500', () => {
  it('in the four query parameters the probe found', async () => {
    for (const url of ['/api/users?q=a%00b', '/api/partners/list?kind=a%00b', '/api/students?programme=a%00b', '/api/audit?entity=a%00b']) {
      const field = /\?([a-z]+)=/i.exec(url)![1]!;
      refused(await admin.get(url, { 'accept-language': 'en' }), field, url);
    }
  });

  it('in every query parameter of every route of the OpenAPI document', async () => {
    let sent = 0;
    for (const { method, path, url, op } of operations()) {
      for (const p of (op.parameters ?? []).filter((x) => x.in === 'query')) {
        refused(await send(method, `${url}?${encodeURIComponent(p.name)}=a%00b`), p.name, `${method.toUpperCase()} ${path} ?${p.name}`);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(100);
  });

  it('in the first text field of every JSON body of the OpenAPI document', async () => {
    let sent = 0;
    for (const { method, path, url, op } of operations()) {
      const properties = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      const field = Object.keys(properties).find((name) => isText(properties[name]));
      if (!field) continue;
      refused(await send(method, url, { [field]: 'a\u0000b' }), field, `${method.toUpperCase()} ${path} ${field}`);
      sent++;
    }
    expect(sent).toBeGreaterThan(40);
  });

  it('in notes, otherNames, nameEn and a token\u2019s name; a lone surrogate too; nothing is written', async () => {
    const count = async () => (await t.db.query<{ n: number }>('SELECT (SELECT count(*) FROM institutions) + (SELECT count(*) FROM people) + (SELECT count(*) FROM api_tokens) AS n')).rows[0]!.n;
    const before = await count();
    refused(await admin.post('/api/institutions', { kind: 'university', nameEn: 'Nul\u0000U', countryCode: 'FR' }), 'nameEn', 'nameEn');
    refused(await admin.post('/api/institutions', { kind: 'university', nameEn: 'Surrogate U', countryCode: 'FR', otherNames: ['ok', 'half \ud800'] }), 'otherNames.1', 'otherNames');
    refused(await admin.post('/api/people', { familyName: 'Nul', unitId: t.units.a, notes: 'a\u0000b' }), 'notes', 'notes');
    refused(await admin.post('/api/people', { familyName: 'Nul', unitId: t.units.a, otherNames: ['\u0000'] }), 'otherNames.0', 'person otherNames');
    refused(await admin.post('/api/auth/tokens', { name: 'tok\u0000en' }), 'name', 'token name');
    refused(await admin.get('/api/search?q=%00'), 'q', 'search');
    expect(await count()).toBe(before);
  });
});

// Finding 9: names are single-line, so that none can become a heading of a Markdown report or
// a row of its own in an export.
describe('a name or a title with a line break is refused with 400', () => {
  /** Every text property of a JSON body that names something (or a list of names), by route. */
  function nameFields(): Array<{ method: (typeof METHODS)[number]; label: string; url: string; field: string; list: boolean }> {
    return operations().flatMap(({ method, path, url, op }) => {
      const properties = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      return Object.entries(properties)
        .filter(([name]) => /name|^title|signatory|official|^venue$|^city$/i.test(name))
        // Free text only: an enum or a code (a pattern) is no name.
        .filter(([, schema]) => !schema.enum && !schema.pattern && (isText(schema) || isText(schema.items)))
        .map(([field, schema]) => ({ method, label: `${method.toUpperCase()} ${path} ${field}`, url, field, list: !isText(schema) }));
    });
  }

  it('in every name field of every JSON body of the OpenAPI document', async () => {
    const fields = nameFields();
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['familyName', 'givenName', 'nameEn', 'nameZh', 'otherNames', 'displayName', 'fullName', 'titleEn', 'name']));
    for (const { method, label, url, field, list } of fields) {
      const value = 'Jane\n# Heading';
      const response = await send(method, url, { [field]: list ? [value] : value });
      const at = list ? `${field}.0` : field;
      expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBe(400);
      expect(response.json().error.fields, label).toContainEqual({ field: at, message: `${at}: must be on one line, without line breaks, tabs or other control characters` });
    }
    expect(fields.length).toBeGreaterThan(40);
  });

  it('a person named "Jane\\n# Heading" is not created; "Jane # Heading" is, as given', async () => {
    const refusedPerson = await admin.post('/api/people', { familyName: 'Jane\n# Heading', unitId: t.units.a }, { 'accept-language': 'fr' });
    expect(refusedPerson.statusCode).toBe(400);
    expect(refusedPerson.json().error.fields).toEqual([{ field: 'familyName', message: 'familyName: doit tenir sur une ligne, sans saut de ligne, tabulation ni autre caractère de contrôle' }]);
    const created = await admin.post('/api/people', { familyName: 'Jane # Heading', givenName: 'Tab\u2028Sep', unitId: t.units.a });
    expect(created.statusCode).toBe(400);
    const ok = await admin.post('/api/people', { familyName: 'Jane # Heading', unitId: t.units.a });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().familyName).toBe('Jane # Heading');
  });
});
