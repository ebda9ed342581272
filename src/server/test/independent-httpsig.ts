import { createRequire } from 'node:module';

/**
 * joyent's http-signature (draft-cavage), an implementation independent of ours, as the tests
 * use it: to check that what we sign verifies elsewhere, and that what it signs verifies here.
 */
interface HttpSignatureLibrary {
  parseRequest(request: { method: string; url: string; httpVersion?: string; headers: Record<string, string> }, options: { headers: string[]; clockSkew?: number }): unknown;
  verifySignature(parsed: unknown, publicKeyPem: string): boolean;
  signRequest(request: { method: string; path: string; getHeader(name: string): string | undefined; setHeader(name: string, value: string): void }, options: { key: string; keyId: string; headers: string[]; algorithm: string }): boolean;
}

export const independentHttpSignature = createRequire(import.meta.url)('http-signature') as HttpSignatureLibrary;

/**
 * Whether the independent library accepts a signed message: the request (or the response, its
 * Signature header read as an Authorization one) with `required` headers signed.
 */
export function independentlyVerified(message: { method?: string; url?: string; headers: Record<string, string> }, required: string[], publicKeyPem: string): boolean {
  const headers = { ...message.headers };
  if (!headers.authorization && headers.signature) headers.authorization = `Signature ${headers.signature}`;
  const parsed = independentHttpSignature.parseRequest({ method: message.method ?? 'GET', url: message.url ?? '/', httpVersion: '1.1', headers }, { headers: required, clockSkew: 300 });
  return independentHttpSignature.verifySignature(parsed, publicKeyPem);
}

/** Headers signed by the independent library for `method path`, over `names`: Date, Digest, X-Request-Id and Host are set beforehand. */
export function independentlySigned(options: { method: string; path: string; headers: Record<string, string>; names: string[]; privateKeyPem: string; keyId: string }): Record<string, string> {
  const headers: Record<string, string> = Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k.toLowerCase(), v]));
  independentHttpSignature.signRequest(
    { method: options.method, path: options.path, getHeader: (name) => headers[name.toLowerCase()], setHeader: (name, value) => void (headers[name.toLowerCase()] = value) },
    { key: options.privateKeyPem, keyId: options.keyId, headers: options.names, algorithm: 'rsa-sha256' },
  );
  return headers;
}
