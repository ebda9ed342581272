import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('errors', () => {
  it('answers malformed JSON with 400 bad_json in the language asked for', async () => {
    const officer = await t.as('officer');
    const response = await officer.post('/api/institutions', '{"kind": "university", "nameEn": ', { 'content-type': 'application/json', 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'bad_json', message: "Le corps de la requête n'est pas un JSON valide." });
  });

  it('refuses a body over the limit with 413, writing nothing', async () => {
    const officer = await t.as('officer');
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions')).rows[0]!.n;
    const response = await officer.post('/api/institutions', { kind: 'university', nameEn: 'Big', countryCode: 'FR', notes: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions')).rows[0]!.n).toBe(before);
  });

  it('answers an unknown API route with a JSON 404, and a stranger with 401 before any validation', async () => {
    const officer = await t.as('officer');
    const missing = await officer.get('/api/no-such-thing', { 'accept-language': 'zh' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found', message: '未找到。' });
    const stranger = await t.anonymous.post('/api/institutions', { nonsense: true });
    expect(stranger.statusCode).toBe(401);
  });

  it('names a too-long field and a wrong type', async () => {
    const officer = await t.as('officer');
    const response = await officer.post('/api/institutions', { kind: 'university', nameEn: 'n'.repeat(301), countryCode: 'FR', otherNames: 'not a list' });
    expect(response.statusCode).toBe(400);
    const reasons = Object.fromEntries(response.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(reasons).toEqual({ nameEn: 'nameEn: is too long', otherNames: 'otherNames: has the wrong type' });
  });
});
