import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { independentlySigned, independentlyVerified } from '../../test/independent-httpsig.ts';
import { describePublicKey } from './ewp-key.ts';
import { digestHeader, signRequest, signResponse, verifyRequest, verifyResponse, type HeaderBag } from './http-signature.ts';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ...describePublicKey(publicKey) };
};
const partner = pair();
const stranger = pair();
const known = async (keyId: string) => (keyId === partner.keyId ? { publicKeyPem: partner.publicKeyPem } : null);
const REQUIRED = ['(request-target)', 'host', 'date', 'digest', 'x-request-id'];

const body = Buffer.from('echo=a&echo=%E4%BD%A0%E5%A5%BD');
const signedPost = (now?: Date) => signRequest({ method: 'POST', path: '/ewp/echo?x=1', host: 'ewp.example.cn', body, keyId: partner.keyId, privateKeyPem: partner.privateKeyPem, headers: { 'content-type': 'application/x-www-form-urlencoded' }, ...(now ? { now } : {}) });
const verdict = (headers: HeaderBag, options: { path?: string; body?: Buffer; method?: string } = {}) =>
  verifyRequest({ method: options.method ?? 'POST', path: options.path ?? '/ewp/echo?x=1', headers, body: options.body ?? body }, known);

describe('HTTP Signatures as EWP uses them', () => {
  it('signs requests that the independent implementation verifies, over every header EWP requires', () => {
    const headers = signedPost();
    expect(headers.authorization).toMatch(/^Signature keyId="[0-9a-f]{64}",algorithm="rsa-sha256",headers="\(request-target\) host date digest x-request-id",signature="/);
    expect(headers.digest).toBe(digestHeader(body));
    expect(independentlyVerified({ method: 'POST', url: '/ewp/echo?x=1', headers }, REQUIRED, partner.publicKeyPem)).toBe(true);
    // and the independent one refuses it under another key, or for another target
    expect(independentlyVerified({ method: 'POST', url: '/ewp/echo?x=1', headers }, REQUIRED, stranger.publicKeyPem)).toBe(false);
    expect(independentlyVerified({ method: 'POST', url: '/ewp/echo?x=2', headers }, REQUIRED, partner.publicKeyPem)).toBe(false);
  });

  it('accepts a request the independent implementation signed', async () => {
    const headers = independentlySigned({
      method: 'GET',
      path: '/ewp/echo?echo=b',
      headers: { host: 'ewp.example.cn', date: new Date().toUTCString(), digest: digestHeader(''), 'x-request-id': randomUUID() },
      names: REQUIRED,
      privateKeyPem: partner.privateKeyPem,
      keyId: partner.keyId,
    });
    const ok = await verdict(headers, { method: 'GET', path: '/ewp/echo?echo=b', body: Buffer.alloc(0) });
    expect(ok).toMatchObject({ ok: true });
    expect((await verdict(headers, { method: 'GET', path: '/ewp/echo?echo=c', body: Buffer.alloc(0) })).ok).toBe(false);
  });

  it('accepts our own signature, and refuses it once any signed header, the target or the body is changed', async () => {
    expect(await verdict(signedPost())).toMatchObject({ ok: true });
    for (const name of ['host', 'date', 'digest', 'x-request-id']) {
      const headers = signedPost();
      headers[name] = name === 'date' ? new Date(Date.now() - 1000).toUTCString() : name === 'x-request-id' ? randomUUID() : name === 'digest' ? digestHeader('other') : 'evil.example.org';
      expect(await verdict(headers), name).toMatchObject({ ok: false, refusal: 'bad_signature' });
    }
    expect(await verdict(signedPost(), { path: '/ewp/echo?x=2' })).toMatchObject({ ok: false, refusal: 'bad_signature' });
    expect(await verdict(signedPost(), { method: 'GET' })).toMatchObject({ ok: false, refusal: 'bad_signature' });
    expect(await verdict(signedPost(), { body: Buffer.from('echo=b') })).toMatchObject({ ok: false, refusal: 'bad_digest' });
    const headers = signedPost();
    headers.authorization = headers.authorization!.replace(/signature="([A-Za-z0-9+/])/, (_m, c: string) => `signature="${c === 'A' ? 'B' : 'A'}`);
    expect(await verdict(headers)).toMatchObject({ ok: false, refusal: 'bad_signature' });
  });

  it('refuses an unknown key (403), an unsigned request (401), a missing required header and another algorithm (400)', async () => {
    const foreign = signRequest({ method: 'POST', path: '/ewp/echo?x=1', host: 'ewp.example.cn', body, keyId: stranger.keyId, privateKeyPem: stranger.privateKeyPem });
    expect(await verdict(foreign)).toMatchObject({ ok: false, refusal: 'unknown_key' });
    expect(await verdict({ host: 'ewp.example.cn' })).toMatchObject({ ok: false, refusal: 'unsigned' });
    const partial = signedPost();
    partial.authorization = partial.authorization!.replace(' x-request-id"', '"');
    expect(await verdict(partial)).toMatchObject({ ok: false, refusal: 'unsigned_header' });
    const hmac = signedPost();
    hmac.authorization = hmac.authorization!.replace('rsa-sha256', 'hmac-sha256');
    expect(await verdict(hmac)).toMatchObject({ ok: false, refusal: 'bad_algorithm' });
  });

  it('refuses a replayed or stale request: its signed date is more than five minutes away', async () => {
    const old = signedPost(new Date(Date.now() - 6 * 60 * 1000));
    expect(await verdict(old)).toMatchObject({ ok: false, refusal: 'stale_date' });
    const ahead = signedPost(new Date(Date.now() + 6 * 60 * 1000));
    expect(await verdict(ahead)).toMatchObject({ ok: false, refusal: 'stale_date' });
    expect(await verdict(signedPost(new Date(Date.now() - 4 * 60 * 1000)))).toMatchObject({ ok: true });
  });

  it('signs responses for the request they answer, verified by us and by the independent implementation', () => {
    const server = pair();
    const request = signedPost();
    const requestSignature = /signature="([^"]*)"/.exec(request.authorization!)![1]!;
    const answer = Buffer.from('<response/>');
    const headers = signResponse({ body: answer, requestId: request['x-request-id'], requestSignature, keyId: server.keyId, privateKeyPem: server.privateKeyPem });
    const expected = { publicKeyPem: server.publicKeyPem, keyId: server.keyId, requestId: request['x-request-id']!, requestSignature };
    expect(verifyResponse({ headers, body: answer }, expected)).toBeNull();
    expect(independentlyVerified({ headers }, ['date', 'digest', 'x-request-id', 'x-request-signature'], server.publicKeyPem)).toBe(true);
    expect(verifyResponse({ headers, body: Buffer.from('<response>x</response>') }, expected)).toMatch(/digest/);
    expect(verifyResponse({ headers: { ...headers, 'x-request-id': randomUUID() }, body: answer }, expected)).toMatch(/signature/);
    expect(verifyResponse({ headers, body: answer }, { ...expected, publicKeyPem: partner.publicKeyPem })).toMatch(/signature/);
  });
});
