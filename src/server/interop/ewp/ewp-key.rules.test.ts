import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ewpSchema } from '../../test/ewp-schemas.ts';
import { describePublicKey, ewpKeyPair, keyIdOf, readPublicKey } from './ewp-key.ts';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

describe('EWP keys', () => {
  it('gives a key the id the Registry gives it: the SHA-256 of its DER (the catalogue example is the test vector)', async () => {
    const xml = await readFile(ewpSchema('ewp-specs-api-registry-v1.5.0/catalogue-example.xml'), 'utf8');
    const match = /<rsa-public-key sha-256="([0-9a-f]{64})">([^<]+)<\/rsa-public-key>/.exec(xml)!;
    const read = readPublicKey(match[2]!);
    expect('key' in read && keyIdOf(read.key)).toBe(match[1]);
    // the same key as PEM has the same id
    const pem = 'key' in read ? describePublicKey(read.key).publicKeyPem : '';
    const again = readPublicKey(pem);
    expect('key' in again && keyIdOf(again.key)).toBe(match[1]);
  });

  it('refuses what is not an RSA key of 2048 bits or more', () => {
    expect(readPublicKey('not a key')).toEqual({ problem: 'invalid_public_key' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(readPublicKey(ec)).toEqual({ problem: 'invalid_public_key' });
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(readPublicKey(short)).toEqual({ problem: 'weak_public_key' });
  });

  it('generates our key pair into the data folder once, owner-only, and reads the same one back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'interchange-ewp-key-'));
    folders.push(dataDir);
    const first = await ewpKeyPair(dataDir);
    const file = join(dataDir, 'ewp', 'private-key.pem');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'ewp'))).mode & 0o777).toBe(0o700);
    expect(await readFile(file, 'utf8')).toBe(first.privateKeyPem);
    expect(first.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(first.publicKeyBase64, 'base64').length).toBeGreaterThan(256);
    const read = readPublicKey(first.publicKeyBase64);
    expect('key' in read && keyIdOf(read.key)).toBe(first.keyId);
    expect((await ewpKeyPair(dataDir)).keyId).toBe(first.keyId);
  });
});
