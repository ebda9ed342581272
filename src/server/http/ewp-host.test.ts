import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { ewpSchemaErrors } from '../test/ewp-schemas.ts';
import { independentlyVerified } from '../test/independent-httpsig.ts';
import { describePublicKey } from '../interop/ewp/ewp-key.ts';
import { signRequest, verifyResponse } from '../interop/ewp/http-signature.ts';

const ERROR_XSD = 'ewp-specs-architecture-v1.16.0/common-types.xsd';
const ECHO_XSD = 'ewp-specs-api-echo-v2.0.1/response.xsd';

let t: TestServer;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const partner = { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ...describePublicKey(publicKey) };

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.as('admin');
  expect((await admin.post('/api/ewp/partner-keys', { heiId: 'uw.edu.pl', publicKey: partner.publicKeyPem })).statusCode).toBe(201);
  expect((await admin.post('/api/ewp/partner-keys', { heiId: 'other.uw.edu.pl', publicKey: partner.publicKeyPem })).statusCode).toBe(201);
});
afterAll(async () => t?.close());

const turn = async (key: 'ewp.enabled' | 'ewp.heiId' | 'ewp.apis', value: unknown) => {
  const officer = await t.as('officer');
  const current = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === key);
  expect((await officer.patch(`/api/settings/${key}`, { value, version: current.version })).statusCode).toBe(200);
};

const echo = (path: string, options: { body?: string; headers?: Record<string, string>; alter?: (h: Record<string, string>) => void } = {}) => {
  const method = options.body === undefined ? 'GET' : 'POST';
  const headers = signRequest({ method, path, host: 'localhost:80', body: options.body ?? '', keyId: partner.keyId, privateKeyPem: partner.privateKeyPem, headers: { ...(options.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...options.headers } });
  options.alter?.(headers);
  return t.app.inject({ method, url: path, headers, ...(options.body !== undefined ? { payload: options.body } : {}) });
};

describe('/ewp, Interchange as an EWP host', () => {
  it('answers nothing until the office turns it on', async () => {
    const off = await echo('/ewp/echo?echo=a');
    expect(off.statusCode).toBe(404);
    expect(await ewpSchemaErrors(off.body, ERROR_XSD)).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/ewp/manifest.xml' })).statusCode).toBe(404);
    await turn('ewp.enabled', true);
    await turn('ewp.heiId', 'shsmu.edu.cn');
  });

  it('echoes to a signed caller, by GET and by POST, with the institutions its key covers: valid Echo 2.0.1', async () => {
    const get = await echo('/ewp/echo?echo=a&echo=%E4%BD%A0%E5%A5%BD');
    expect(get.statusCode, get.body).toBe(200);
    expect(await ewpSchemaErrors(get.body, ECHO_XSD)).toBe('');
    expect(get.body).toMatch(/<hei-id>other\.uw\.edu\.pl<\/hei-id>\s*<hei-id>uw\.edu\.pl<\/hei-id>\s*<echo>a<\/echo>\s*<echo>你好<\/echo>/);
    const post = await echo('/ewp/echo', { body: 'echo=b&echo=%3Cc%3E' });
    expect(post.statusCode, post.body).toBe(200);
    expect(await ewpSchemaErrors(post.body, ECHO_XSD)).toBe('');
    expect(post.body).toContain('<echo>&lt;c&gt;</echo>');
  });

  it('refuses with the status EWP names and a valid <error-response>: unsigned 401, unknown key 403, tampered or stale 400', async () => {
    const unsigned = await t.app.inject({ method: 'GET', url: '/ewp/echo?echo=a' });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.headers['www-authenticate']).toContain('Signature');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stranger = { privateKeyPem: other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ...describePublicKey(other.publicKey) };
    const foreign = await t.app.inject({ method: 'GET', url: '/ewp/echo', headers: signRequest({ method: 'GET', path: '/ewp/echo', host: 'localhost:80', keyId: stranger.keyId, privateKeyPem: stranger.privateKeyPem }) });
    expect(foreign.statusCode).toBe(403);
    const answers = [unsigned, foreign];
    for (const header of ['host', 'date', 'x-request-id', 'digest']) {
      const tampered = await echo('/ewp/echo?echo=a', { alter: (h) => void (h[header] = header === 'date' ? new Date(Date.now() - 2000).toUTCString() : header === 'x-request-id' ? '00000000-0000-4000-8000-000000000000' : header === 'digest' ? 'SHA-256=AAAA' : 'evil.example.org') });
      expect(tampered.statusCode, header).toBe(400);
      answers.push(tampered);
    }
    const body = await t.app.inject({ method: 'POST', url: '/ewp/echo', payload: 'echo=evil', headers: { ...signRequest({ method: 'POST', path: '/ewp/echo', host: 'localhost:80', body: 'echo=b', keyId: partner.keyId, privateKeyPem: partner.privateKeyPem }), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(body.statusCode).toBe(400);
    expect(body.body).toContain('Digest');
    const stale = await t.app.inject({ method: 'GET', url: '/ewp/echo', headers: signRequest({ method: 'GET', path: '/ewp/echo', host: 'localhost:80', keyId: partner.keyId, privateKeyPem: partner.privateKeyPem, now: new Date(Date.now() - 10 * 60 * 1000) }) });
    expect(stale.statusCode).toBe(400);
    answers.push(body, stale);
    for (const answer of answers) {
      expect(answer.headers['content-type']).toContain('application/xml');
      expect(await ewpSchemaErrors(answer.body, ERROR_XSD)).toBe('');
    }
  });

  it('signs its answer when asked, for the request it answers: checked by us and by the independent implementation', async () => {
    const ours = (await (await t.as('admin')).get('/api/ewp/key')).json();
    const headers = signRequest({ method: 'GET', path: '/ewp/echo?echo=s', host: 'localhost:80', keyId: partner.keyId, privateKeyPem: partner.privateKeyPem, headers: { 'accept-signature': 'rsa-sha256', 'want-digest': 'SHA-256' } });
    const answer = await t.app.inject({ method: 'GET', url: '/ewp/echo?echo=s', headers });
    expect(answer.statusCode).toBe(200);
    const requestSignature = /signature="([^"]*)"/.exec(headers.authorization!)![1]!;
    const responseHeaders = answer.headers as Record<string, string>;
    expect(verifyResponse({ headers: responseHeaders, body: answer.rawPayload }, { publicKeyPem: ours.publicKeyPem, keyId: ours.keyId, requestId: headers['x-request-id']!, requestSignature })).toBeNull();
    expect(independentlyVerified({ headers: responseHeaders }, ['date', 'digest', 'x-request-id', 'x-request-signature'], ours.publicKeyPem)).toBe(true);
    // an error is signed too; an answer nobody asked to sign is not
    const refused = await echo('/ewp/echo', { headers: { 'accept-signature': 'rsa-sha256' }, alter: (h) => void (h.host = 'evil.example.org') });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers.signature).toBeTruthy();
    expect((await echo('/ewp/echo')).headers.signature).toBeUndefined();
  });

  it('publishes a Discovery manifest 6.0.0 that validates with its API entries: our institution, the APIs with HTTP Signatures, our key', async () => {
    const manifest = await t.app.inject({ method: 'GET', url: '/ewp/manifest.xml' });
    expect(manifest.statusCode).toBe(200);
    expect(await ewpSchemaErrors(manifest.body, '_local/manifest-with-entries.xsd')).toBe('');
    const ours = (await (await t.as('admin')).get('/api/ewp/key')).json();
    expect(manifest.body).toContain(ours.publicKeyBase64);
    expect(manifest.body).toContain('id="shsmu.edu.cn"');
    expect(manifest.body).toMatch(/<echo[^>]*version="2\.0\.1"[\s\S]*ewp-specs-sec-cliauth-httpsig[\s\S]*<url>https:\/\/[^<]+\/ewp\/echo<\/url>/);
    expect(manifest.body).toContain('单位ROOT');
  });

  it('serves only the data APIs the office leaves on: one turned off leaves the manifest and answers 404, the others and Echo unchanged', async () => {
    const path = '/ewp/institutions?hei_id=shsmu.edu.cn';
    expect((await echo(path)).statusCode).toBe(200);
    await turn('ewp.apis', ['organizational-units', 'factsheet', 'iias', 'omobilities']);
    const off = await echo(path);
    expect(off.statusCode).toBe(404);
    expect(await ewpSchemaErrors(off.body, ERROR_XSD)).toBe('');
    expect(off.body).toContain('institutions API is not turned on');
    const manifest = await t.app.inject({ method: 'GET', url: '/ewp/manifest.xml' });
    expect(await ewpSchemaErrors(manifest.body, '_local/manifest-with-entries.xsd')).toBe('');
    expect(manifest.body).not.toContain('/ewp/institutions<');
    expect(manifest.body).toContain('/ewp/ounits<');
    expect((await echo('/ewp/echo?echo=a')).statusCode).toBe(200);
    // An API the setting does not know is refused, naming the field.
    const officer = await t.as('officer');
    const current = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === 'ewp.apis');
    const refused = await officer.patch('/api/settings/ewp.apis', { value: ['mobility-la'], version: current.version }, { 'accept-language': 'fr' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].field).toMatch(/^value/);
    await turn('ewp.apis', ['institutions', 'organizational-units', 'factsheet', 'iias', 'omobilities']);
    expect((await echo(path)).statusCode).toBe(200);
  });
});
