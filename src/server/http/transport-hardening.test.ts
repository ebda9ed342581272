import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';

// Issue 15, finding 11: HSTS over plain HTTP, X-Frame-Options against frame-ancestors, no
// Cache-Control on personal data, search terms in the request log, a 415 as validation_failed,
// a JSON body in UTF-16 accepted, ids such as 0x1 read as 1. (Exports and PDFs: visible-text.test.ts
// and hostile-input.test.ts.)

let t: TestServer;
let officer: Client;
const logLines: string[] = [];

beforeAll(async () => {
  t = await startTestServer({ logStream: { write: (line) => void logLines.push(line) } });
  officer = await t.as('officer');
});
afterAll(async () => t?.close());

describe('headers', () => {
  it('sends no HSTS over plain HTTP, and sends it when the server is behind HTTPS (secure cookies)', async () => {
    const plain = await t.anonymous.get('/api/health');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const behindHttps = await buildApp({ db: t.db, cipher: t.cipher, config: { ...readConfig({ INTERCHANGE_SECURE_COOKIES: '1' }), webDir: '/nonexistent' } });
    try {
      const secure = await behindHttps.inject({ method: 'GET', url: '/api/health' });
      expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await behindHttps.close();
    }
  });

  it('says the same thing in X-Frame-Options and frame-ancestors: no framing at all', async () => {
    const response = await t.anonymous.get('/api/health');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('marks every API answer no-store: records, lists, exports, errors, the signed-in user', async () => {
    for (const url of ['/api/auth/me', '/api/people', '/api/users/1', '/api/audit', '/api/agreements/renewal-watch?format=csv', '/api/people/999999', '/api/reports/factsheet?format=md']) {
      const response = await (url.startsWith('/api/users') ? await t.as('admin') : officer).get(url);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    expect((await t.anonymous.get('/api/people')).headers['cache-control']).toBe('no-store');
  });
});

describe('the request log', () => {
  it('does not hold what was searched for, nor a filter\u2019s text: it names the route, not the URL', async () => {
    logLines.length = 0;
    expect((await officer.get('/api/search?q=Zhang%20Xiuying')).statusCode).toBe(200);
    expect((await officer.get('/api/people?q=Oyelaran&page=2')).statusCode).toBe(200);
    expect((await officer.get('/api/students?programme=Medicine%20Bjornsdottir')).statusCode).toBe(200);
    const log = logLines.join('\n');
    expect(log).toContain('"route":"/api/search"');
    expect(log).not.toContain('page=2');
    for (const term of ['Zhang', 'Xiuying', 'Oyelaran', 'Bjornsdottir']) expect(log).not.toContain(term);
  });
});

describe('request bodies', () => {
  it('answers a body of a type the route does not take with 415 unsupported_media_type in the caller\u2019s language', async () => {
    const response = await officer.post('/api/institutions', 'kind=university', { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fr' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
    expect(response.json().error.message).toContain('UTF-8');
  });

  it('refuses JSON that says it is UTF-16 (or any charset but UTF-8) with 415, writing nothing', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions')).rows[0]!.n;
    const body = JSON.stringify({ kind: 'university', nameEn: 'Charset U', countryCode: 'FR' });
    for (const charset of ['utf-16', 'UTF-16LE', 'latin1', '"utf-32"']) {
      const response = await officer.post('/api/institutions', body, { 'content-type': `application/json; charset=${charset}` });
      expect(response.statusCode, charset).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
    }
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions')).rows[0]!.n).toBe(before);
    const utf8 = await officer.post('/api/institutions', body, { 'content-type': 'application/json; charset=UTF-8' });
    expect(utf8.statusCode, utf8.body).toBe(201);
  });
});

describe('ids and numbers', () => {
  it('refuses 0x1, 1e0, " 1", +1, 1.0 as an id in a path or a query, with 400; 1 is read', async () => {
    const id = (await officer.post('/api/people', { familyName: 'Id', unitId: t.units.a })).json().id as number;
    expect((await officer.get(`/api/people/${id}`)).statusCode).toBe(200);
    for (const bad of [`0x${id.toString(16)}`, `${id}e0`, `%20${id}`, `%2B${id}`, `${id}.0`, `0b1`, `Infinity`]) {
      const path = await officer.get(`/api/people/${bad}`);
      expect(path.statusCode, `path ${bad}`).toBe(400);
      const query = await officer.get(`/api/people?unitId=${bad}`);
      expect(query.statusCode, `query ${bad}`).toBe(400);
    }
    for (const bad of ['0x2', '1e1', '%202']) expect((await officer.get(`/api/people?page=${bad}`)).statusCode, `page ${bad}`).toBe(400);
    expect((await officer.get('/api/people?page=2&pageSize=10')).statusCode).toBe(200);
  });
});
