/**
 * HTTP Signatures as EWP uses them (draft-cavage-http-signatures, rsa-sha256): the signing
 * string, the Authorization/Signature header's parameters, the Digest of a body, and the
 * checks EWP's cliauth-httpsig 1.0.2 and srvauth-httpsig 1.1.0 add (which headers must be
 * signed, the date window, X-Request-Id). RSA itself is node:crypto's.
 */
import { createHash, createSign, createVerify, randomUUID } from 'node:crypto';

/** Headers as Node gives them: lower-case names; a repeated header is an array or already joined. */
export type HeaderBag = Record<string, string | string[] | number | undefined>;

/** The parameters of a `Signature …` credential (draft-cavage section 2.1). */
export interface SignatureParams {
  keyId: string;
  algorithm: string;
  headers: string[];
  signature: string;
}

/** How far a request's date may be from our clock (EWP: at least 5 minutes either way). */
export const DATE_WINDOW_MS = 5 * 60 * 1000;

/** The pseudo-header that stands for the method and the path with its query. */
export const REQUEST_TARGET = '(request-target)';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A header's value as it enters the signing string: trimmed, several values joined by ", " (draft-cavage 2.3). */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.map((v) => v.trim()).join(', ') : String(value)).trim();
}

/**
 * The string that is signed: one `name: value` line per listed header, in the listed order,
 * `(request-target)` being `<method in lower case> <path?query>`; null when a listed header is missing.
 */
export function signingString(names: readonly string[], headers: HeaderBag, target?: { method: string; path: string }): string | null {
  const lines: string[] = [];
  for (const raw of names) {
    const name = raw.toLowerCase();
    if (name === REQUEST_TARGET) {
      if (!target) return null;
      lines.push(`${REQUEST_TARGET}: ${target.method.toLowerCase()} ${target.path}`);
      continue;
    }
    const value = headerValue(headers, name);
    if (value === undefined) return null;
    lines.push(`${name}: ${value}`);
  }
  return lines.join('\n');
}

/** Reads `keyId="…",algorithm="…",headers="…",signature="…"` (after the `Signature ` scheme, if any); null when malformed. */
export function parseSignatureParams(value: string | undefined): SignatureParams | null {
  if (!value) return null;
  const text = value.replace(/^\s*Signature\s+/i, '');
  const params = new Map<string, string>();
  for (const part of text.matchAll(/\s*([A-Za-z]+)\s*=\s*"([^"]*)"\s*(?:,|$)/g)) params.set(part[1]!, part[2]!);
  const keyId = params.get('keyId');
  const signature = params.get('signature');
  if (!keyId || !signature) return null;
  return {
    keyId,
    algorithm: params.get('algorithm') ?? '',
    // draft-cavage: "date" alone when absent
    headers: (params.get('headers') ?? 'date').toLowerCase().split(/\s+/).filter(Boolean),
    signature,
  };
}

/** Writes the parameters back as a header value (without the scheme). */
export function formatSignatureParams(params: SignatureParams): string {
  return `keyId="${params.keyId}",algorithm="${params.algorithm}",headers="${params.headers.join(' ')}",signature="${params.signature}"`;
}

/** The Digest header of a body (RFC 3230): `SHA-256=<base64>`. */
export function digestHeader(body: Buffer | string): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

/**
 * Whether a Digest header holds the body's SHA-256 (other algorithms it lists are ignored):
 * 'missing' when it gives no SHA-256 at all.
 */
export function checkDigest(header: string | undefined, body: Buffer): 'ok' | 'missing' | 'mismatch' {
  if (!header) return 'missing';
  const sha = header
    .split(',')
    .map((part) => /^\s*([A-Za-z0-9-]+)=(.*)$/.exec(part))
    .find((m) => m && m[1]!.toUpperCase() === 'SHA-256');
  if (!sha) return 'missing';
  return sha[2]!.trim() === digestHeader(body).slice('SHA-256='.length) ? 'ok' : 'mismatch';
}

/** An RSA-SHA256 signature of `text`, base64. */
export function rsaSign(text: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(text).sign(privateKeyPem, 'base64');
}

/** Whether `signature` (base64) is `text` signed by the key. */
export function rsaVerify(text: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(text).verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/** The headers EWP requires a client to sign (cliauth-httpsig 1.0.2), date or original-date being either. */
export const REQUIRED_REQUEST_HEADERS = [REQUEST_TARGET, 'host', 'digest', 'x-request-id'] as const;

/** What a request needs to be signed: where it goes, what it carries, and the key. */
export interface OutgoingRequest {
  method: string;
  /** The path with its query, exactly as sent. */
  path: string;
  host: string;
  body?: Buffer | string;
  keyId: string;
  privateKeyPem: string;
  /** Extra headers to send (and sign when listed in `alsoSign`), e.g. accept-signature. */
  headers?: Record<string, string>;
  alsoSign?: string[];
  now?: Date;
}

/**
 * The headers that make a request signed as EWP asks: Date, Digest, a fresh X-Request-Id and
 * `Authorization: Signature …` over `(request-target) host date digest x-request-id`.
 */
export function signRequest(request: OutgoingRequest): Record<string, string> {
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    host: request.host,
    date: (request.now ?? new Date()).toUTCString(),
    digest: digestHeader(request.body ?? ''),
    'x-request-id': randomUUID(),
  };
  const names = [REQUEST_TARGET, 'host', 'date', 'digest', 'x-request-id', ...(request.alsoSign ?? []).map((h) => h.toLowerCase())];
  const text = signingString(names, headers, { method: request.method, path: request.path })!;
  const signature = rsaSign(text, request.privateKeyPem);
  headers.authorization = `Signature ${formatSignatureParams({ keyId: request.keyId, algorithm: 'rsa-sha256', headers: names, signature })}`;
  return headers;
}

/** Why a request's signature is refused; EWP answers 401 for 'unsigned', 403 for 'unknown_key', 400 for the rest. */
export type RequestRefusal = 'unsigned' | 'unknown_key' | 'bad_algorithm' | 'unsigned_header' | 'bad_signature' | 'bad_digest' | 'bad_date' | 'stale_date' | 'bad_request_id';

/** A request as the server received it. */
export interface IncomingRequest {
  method: string;
  path: string;
  headers: HeaderBag;
  body: Buffer;
}

/** The verdict on a request: the key that signed it, or why it is refused. */
export type RequestVerdict<K> = { ok: true; key: K; params: SignatureParams } | { ok: false; refusal: RequestRefusal; detail: string };

/**
 * Checks a request's HTTP signature as EWP's cliauth-httpsig says a server must: the scheme,
 * rsa-sha256, every required header signed, the key known (`findKey` by keyId), the signature,
 * the body's digest, the date (Original-Date when signed, else Date) within DATE_WINDOW_MS,
 * and an X-Request-Id that is a UUID. Cheap checks first; the RSA verification last but one.
 */
export async function verifyRequest<K extends { publicKeyPem: string }>(
  request: IncomingRequest,
  findKey: (keyId: string) => Promise<K | null>,
  now: Date = new Date(),
): Promise<RequestVerdict<K>> {
  const refuse = (refusal: RequestRefusal, detail: string): RequestVerdict<K> => ({ ok: false, refusal, detail });
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization || !/^\s*Signature\s/i.test(authorization)) return refuse('unsigned', 'This endpoint requires HTTP Signature authentication (Authorization: Signature …).');
  const params = parseSignatureParams(authorization);
  if (!params) return refuse('bad_signature', 'The Authorization header is not a valid Signature credential (keyId and signature are required).');
  if (params.algorithm.toLowerCase() !== 'rsa-sha256') return refuse('bad_algorithm', `Unsupported signature algorithm "${params.algorithm}": only rsa-sha256 is accepted.`);
  const signed = new Set(params.headers);
  const missing = REQUIRED_REQUEST_HEADERS.filter((h) => !signed.has(h));
  if (!signed.has('date') && !signed.has('original-date')) missing.push('date' as never);
  if (headerValue(request.headers, 'original-date') !== undefined && !signed.has('original-date')) missing.push('original-date' as never);
  if (missing.length) return refuse('unsigned_header', `These headers must be signed: ${missing.join(', ')}.`);
  const key = await findKey(params.keyId);
  if (!key) return refuse('unknown_key', `The key "${params.keyId}" is not registered for any institution here.`);
  const text = signingString(params.headers, request.headers, { method: request.method, path: request.path });
  if (text === null) return refuse('bad_signature', 'A header listed as signed is not in the request.');
  if (!rsaVerify(text, params.signature, key.publicKeyPem)) return refuse('bad_signature', 'The signature does not verify with the key named by keyId.');
  const digest = checkDigest(headerValue(request.headers, 'digest'), request.body);
  if (digest !== 'ok') return refuse('bad_digest', digest === 'missing' ? 'The Digest header gives no SHA-256 of the body.' : 'The Digest header does not match the SHA-256 of the body.');
  const dateText = signed.has('original-date') ? headerValue(request.headers, 'original-date') : headerValue(request.headers, 'date');
  const date = dateText ? Date.parse(dateText) : Number.NaN;
  if (Number.isNaN(date)) return refuse('bad_date', 'The signed date is not an HTTP date.');
  if (Math.abs(now.getTime() - date) > DATE_WINDOW_MS) return refuse('stale_date', `The signed date is more than ${DATE_WINDOW_MS / 60000} minutes away from the server's clock.`);
  if (!UUID.test(headerValue(request.headers, 'x-request-id') ?? '')) return refuse('bad_request_id', 'X-Request-Id must be a UUID.');
  return { ok: true, key, params };
}

/** The headers a response signed as srvauth-httpsig asks carries beside its body. */
export const RESPONSE_SIGNED_HEADERS = ['date', 'digest', 'x-request-id', 'x-request-signature'] as const;

/**
 * The headers that sign a response (srvauth-httpsig 1.1.0): Date, Digest, the request's
 * X-Request-Id and signature echoed back (X-Request-Signature), and `Signature` over them,
 * so that a client can tell this answer was made for its request.
 */
export function signResponse(options: { body: Buffer | string; requestId: string | undefined; requestSignature: string | undefined; keyId: string; privateKeyPem: string; now?: Date }): Record<string, string> {
  const headers: Record<string, string> = {
    date: (options.now ?? new Date()).toUTCString(),
    digest: digestHeader(options.body),
    ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
    ...(options.requestSignature ? { 'x-request-signature': options.requestSignature } : {}),
  };
  const names = RESPONSE_SIGNED_HEADERS.filter((h) => headers[h] !== undefined);
  const signature = rsaSign(signingString(names, headers)!, options.privateKeyPem);
  headers.signature = formatSignatureParams({ keyId: options.keyId, algorithm: 'rsa-sha256', headers: [...names], signature });
  return headers;
}

/**
 * Checks a signed response as a client must: the Signature header by the expected key over
 * date, digest, x-request-id and x-request-signature (when the request had them), the digest of the body,
 * and the echoed request id and signature being ours. Returns why it is refused, or null.
 */
export function verifyResponse(response: { headers: HeaderBag; body: Buffer }, expected: { publicKeyPem: string; keyId?: string; requestId: string; requestSignature: string }): string | null {
  const params = parseSignatureParams(headerValue(response.headers, 'signature'));
  if (!params) return 'the response is not signed';
  if (params.algorithm.toLowerCase() !== 'rsa-sha256') return `unsupported algorithm ${params.algorithm}`;
  if (expected.keyId && params.keyId !== expected.keyId) return `signed by another key (${params.keyId})`;
  for (const h of ['digest', 'x-request-id', 'x-request-signature']) if (!params.headers.includes(h)) return `${h} is not signed`;
  if (!params.headers.includes('date') && !params.headers.includes('original-date')) return 'no date is signed';
  const text = signingString(params.headers, response.headers);
  if (text === null || !rsaVerify(text, params.signature, expected.publicKeyPem)) return 'the signature does not verify';
  if (checkDigest(headerValue(response.headers, 'digest'), response.body) !== 'ok') return 'the digest does not match the body';
  if (headerValue(response.headers, 'x-request-id') !== expected.requestId) return 'the response answers another request (x-request-id)';
  if (headerValue(response.headers, 'x-request-signature') !== expected.requestSignature) return 'the response answers another request (x-request-signature)';
  return null;
}
