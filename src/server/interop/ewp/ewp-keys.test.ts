import { createHash, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

const rsaPublic = (bits = 2048) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const derHex = (pem: string) => createHash('sha256').update(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')).digest('hex');

describe('EWP keys over HTTP', () => {
  it('shows our public key and its key id to the administrator, the same on each call', async () => {
    const admin = await t.as('admin');
    const first = await admin.get('/api/ewp/key');
    expect(first.statusCode).toBe(200);
    const key = first.json();
    expect(key.keyId).toBe(createHash('sha256').update(Buffer.from(key.publicKeyBase64, 'base64')).digest('hex'));
    expect(key.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(key)).not.toContain('PRIVATE');
    expect((await admin.get('/api/ewp/key')).json().keyId).toBe(key.keyId);
    expect((await (await t.as('officer')).get('/api/ewp/key')).statusCode).toBe(403);
  });

  it('registers a partner key with the id worked out from the key, lists it, audits it and removes it', async () => {
    const admin = await t.as('admin');
    const pem = rsaPublic();
    const added = await admin.post('/api/ewp/partner-keys', { heiId: ' Uw.Edu.PL ', publicKey: pem });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ heiId: 'uw.edu.pl', keyId: derHex(pem), createdBy: t.userIds.admin });
    const id = added.json().id;
    expect((await admin.get('/api/ewp/partner-keys')).json().map((k: { id: number }) => k.id)).toContain(id);
    // the same key for the same institution twice: a conflict; for a second institution: a second row
    expect((await admin.post('/api/ewp/partner-keys', { heiId: 'uw.edu.pl', publicKey: pem })).statusCode).toBe(409);
    const bare = pem.replace(/-----[^-]+-----|\s/g, '');
    const second = await admin.post('/api/ewp/partner-keys', { heiId: 'other.example.org', publicKey: bare });
    expect(second.statusCode).toBe(201);
    expect(second.json().keyId).toBe(derHex(pem));

    const audit = (await admin.get(`/api/audit?entity=ewp_partner_key&entityId=${id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create' });
    expect(JSON.stringify(audit.items[0])).toContain(derHex(pem));

    expect((await admin.delete(`/api/ewp/partner-keys/${id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/ewp/partner-keys')).json().map((k: { id: number }) => k.id)).not.toContain(id);
    expect((await admin.delete(`/api/ewp/partner-keys/${id}`)).statusCode).toBe(404);
    const after = (await admin.get(`/api/audit?entity=ewp_partner_key&entityId=${id}`)).json();
    expect(after.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['create', 'delete']));
  });

  it('names the field and the reason of a refused key, in the caller’s language', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/ewp/partner-keys', { heiId: 'uw.edu.pl', publicKey: 'hello' }, { 'accept-language': 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'publicKey' })]);
    expect(bad.json().error.fields[0].message).toContain('RSA 公钥');
    const weak = await admin.post('/api/ewp/partner-keys', { heiId: 'uw.edu.pl', publicKey: rsaPublic(1024) }, { 'accept-language': 'fr' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].message).toContain('2048 bits');
    const code = await admin.post('/api/ewp/partner-keys', { heiId: 'not a code', publicKey: rsaPublic() });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.fields[0].field).toBe('heiId');
  });

  it('is the administrator’s alone', async () => {
    for (const role of ['officer', 'coordinatorA', 'leader', 'viewer'] as const) {
      const c = await t.as(role);
      expect((await c.get('/api/ewp/partner-keys')).statusCode).toBe(403);
      expect((await c.post('/api/ewp/partner-keys', { heiId: 'uw.edu.pl', publicKey: rsaPublic() })).statusCode).toBe(403);
    }
  });
});
