import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { personBody } from '../test/factories.ts';

// Issue 17, Observability: one JSON line per request, with its id and the caller's user id,
// never a personal datum or a search term.

let t: TestServer;
let officer: Client;
const logLines: string[] = [];
const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  t = await startTestServer({ logStream: { write: (line) => void logLines.push(line) } });
  officer = await t.as('officer');
});
afterAll(async () => t?.close());

describe('the request log', () => {
  it('writes one line per request, with the id its answer carries, the route template and the caller', async () => {
    const person = await officer.post('/api/people', personBody({ familyName: 'Oyelaran', unitId: t.units.a }));
    expect(person.statusCode, person.body).toBe(201);
    logLines.length = 0;
    const response = await officer.get(`/api/people/${person.json().id}`);
    expect(response.statusCode).toBe(200);
    const lines = logged();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 30,
      time: expect.any(Number),
      requestId: response.headers['x-request-id'],
      method: 'GET',
      route: '/api/people/:id',
      status: 200,
      responseTime: expect.any(Number),
      userId: t.userIds.officer,
    });
  });

  it('writes the same line for a request over a socket, once its answer is sent', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    logLines.length = 0;
    const response = await fetch(`${address}/api/health?q=Zhang`);
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(logLines).toHaveLength(1));
    expect(logged()[0]).toMatchObject({ requestId: response.headers.get('x-request-id'), method: 'GET', route: '/api/health', status: 200, userId: null });
    expect(logLines[0]).not.toContain('Zhang');
  });

  it('gives each request a new id, and logs an anonymous or refused caller with a null user', async () => {
    logLines.length = 0;
    const first = await t.anonymous.get('/api/people');
    const second = await t.anonymous.get('/api/health');
    expect(first.statusCode).toBe(401);
    expect(first.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(logged().map((line) => [line.requestId, line.route, line.status, line.userId])).toEqual([
      [first.headers['x-request-id'], '/api/people', 401, null],
      [second.headers['x-request-id'], '/api/health', 200, null],
    ]);
  });

  it('keeps a proxy\u2019s plain x-request-id, and replaces one that is long or not plain', async () => {
    const kept = await t.anonymous.get('/api/health', { 'x-request-id': 'proxy-7.a_B' });
    expect(kept.headers['x-request-id']).toBe('proxy-7.a_B');
    for (const sent of ['x'.repeat(65), 'Zhang Xiuying', 'a"}{"userId":1', '']) {
      logLines.length = 0;
      const replaced = await t.anonymous.get('/api/health', { 'x-request-id': sent });
      expect(replaced.headers['x-request-id']).not.toBe(sent);
      expect(logged()[0]!.requestId).toBe(replaced.headers['x-request-id']);
      if (sent) expect(logLines.join('\n')).not.toContain(sent);
    }
  });

  it('holds no search term, name, passport number or query value sent in a query or a body', async () => {
    logLines.length = 0;
    const searched = await officer.get('/api/search?q=Zhang%20Xiuying');
    expect(searched.statusCode).toBe(200);
    expect((await officer.get('/api/people?q=Bjornsdottir&page=2')).statusCode).toBe(200);
    const created = await officer.post('/api/people', personBody({ familyName: 'Kowalczyk', givenName: 'Agnieszka', unitId: t.units.a, passportNumber: 'K55512345' }));
    expect(created.statusCode, created.body).toBe(201);
    // A refused write, its values echoed in no line either.
    expect((await officer.post('/api/people', { familyName: 'Nakamura', passportNumber: 'N00012345', birthDate: 'not a date' })).statusCode).toBe(400);
    expect(logged().map((line) => [line.method, line.route, line.status])).toEqual([
      ['GET', '/api/search', 200],
      ['GET', '/api/people', 200],
      ['POST', '/api/people', 201],
      ['POST', '/api/people', 400],
    ]);
    const log = logLines.join('\n');
    for (const datum of ['Zhang', 'Xiuying', 'Bjornsdottir', 'page', 'Kowalczyk', 'Agnieszka', 'K55512345', 'Nakamura', 'N00012345', 'not a date']) expect(log).not.toContain(datum);
  });

  it('logs a 5xx\u2019s error at error level with the same request id, without the database\u2019s copy of the row', async () => {
    const failure = Object.assign(new Error('null value in column "family_name" violates not-null constraint'), { code: '23502', detail: 'Failing row contains (7, Oyelaran, E98765432).' });
    const query = vi.spyOn(t.db, 'query').mockRejectedValueOnce(failure);
    logLines.length = 0;
    const response = await officer.get('/api/people');
    query.mockRestore();
    expect(response.statusCode).toBe(500);
    const lines = logged();
    expect(lines.map((line) => [line.level, line.requestId])).toEqual([
      [50, response.headers['x-request-id']],
      [30, response.headers['x-request-id']],
    ]);
    expect(lines[0]).toMatchObject({ err: { code: '23502', message: failure.message } });
    expect(lines[1]).toMatchObject({ route: '/api/people', status: 500 });
    expect(logLines.join('\n')).not.toContain('E98765432');
  });

  it('writes no request line at warn or silent (INTERCHANGE_LOG_LEVEL), and still gives the id', async () => {
    for (const logger of ['warn', 'silent'] as const) {
      const lines: string[] = [];
      const app = await buildApp({ db: t.db, cipher: t.cipher, config: { ...readConfig({}), webDir: '/nonexistent' } }, { logger, logStream: { write: (line) => void lines.push(line) } });
      try {
        const response = await app.inject({ method: 'GET', url: '/api/health' });
        expect(response.headers['x-request-id'], logger).toMatch(/^[\w-]{8,}$/);
        app.log.warn('a warning');
        expect(lines.length, logger).toBe(logger === 'warn' ? 1 : 0);
      } finally {
        await app.close();
      }
    }
  });
});
