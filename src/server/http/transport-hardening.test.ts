import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';

// Issue 15, finding 11: ids such as 0x1 read as 1.

let t: TestServer;
let officer: Client;

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
});
afterAll(async () => t?.close());

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
