import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** Encrypts and decrypts personal data (passport numbers, birth dates) with AES-256-GCM. */
export interface Cipher {
  encrypt(plain: string | null): string | null;
  decrypt(stored: string | null): string | null;
  /**
   * A blind index of a value (an HMAC under a key of its own): equal values give equal indexes,
   * so a passport number is looked for among the stored ones without decrypting any.
   */
  index(plain: string | null): string | null;
}

/** A cipher keyed by `secret`: any string; the key is its SHA-256. */
export function createCipher(secret: string): Cipher {
  const key = createHash('sha256').update(`interchange:personal-data:${secret}`).digest();
  const indexKey = createHash('sha256').update(`interchange:blind-index:${secret}`).digest();
  return {
    index(plain) {
      if (plain === null) return null;
      return createHmac('sha256', indexKey).update(plain.trim().toUpperCase(), 'utf8').digest('base64url');
    },
    encrypt(plain) {
      if (plain === null) return null;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(stored) {
      if (stored === null) return null;
      const [version, iv, tag, body] = stored.split(':');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('personal data: unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
