import { createHash, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensurePrivateDir } from '../../security/owner-only.ts';
import type { OwnKey } from '../../../shared/contracts/ewp.ts';

const generate = promisify(generateKeyPair);

/** The smallest RSA key EWP's network accepts (its Registry refuses shorter ones). */
export const MIN_RSA_BITS = 2048;

/** Our signing key: the private part stays in the process, the public part is shown and published. */
export interface EwpKeyPair extends OwnKey {
  privateKeyPem: string;
}

/**
 * A key's id as EWP defines it (cliauth-httpsig `keyId`, the Registry's `sha-256` attribute):
 * the lower-case hex SHA-256 of its DER-encoded SubjectPublicKeyInfo.
 */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * An RSA public key read from PEM or from the bare base64 DER the Registry's catalogue and a
 * manifest carry; null when it is not one, with the reason a form shows.
 */
export function readPublicKey(text: string): { key: KeyObject } | { problem: 'invalid_public_key' | 'weak_public_key' } {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
  } catch {
    return { problem: 'invalid_public_key' };
  }
  if (key.asymmetricKeyType !== 'rsa') return { problem: 'invalid_public_key' };
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return { problem: 'weak_public_key' };
  return { key };
}

/** The public key's PEM, key id and base64 DER. */
export function describePublicKey(key: KeyObject): OwnKey {
  return {
    keyId: keyIdOf(key),
    publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyBase64: key.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

const loaded = new Map<string, Promise<EwpKeyPair>>();

async function readOrCreate(dataDir: string): Promise<EwpKeyPair> {
  const dir = join(dataDir, 'ewp');
  const file = join(dir, 'private-key.pem');
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing === null) {
    await ensurePrivateDir(dir);
    const { privateKey } = await generate('rsa', { modulusLength: MIN_RSA_BITS, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    // 'wx': another server process on the same folder may have written one first; theirs is kept, and read back.
    await writeFile(file, privateKey, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
  }
  const privateKeyPem = await readFile(file, 'utf8');
  return { ...describePublicKey(createPublicKey(privateKeyPem)), privateKeyPem };
}

/**
 * Our EWP key pair, generated into `<data folder>/ewp/private-key.pem` (owner-only) the first
 * time it is needed, so that an office has a key to publish without setting anything up. A
 * copy of the data folder takes the key with it, as it takes the database it signs for.
 */
export function ewpKeyPair(dataDir: string): Promise<EwpKeyPair> {
  let pair = loaded.get(dataDir);
  if (!pair) {
    pair = readOrCreate(dataDir);
    loaded.set(dataDir, pair);
    pair.catch(() => loaded.delete(dataDir));
  }
  return pair;
}
