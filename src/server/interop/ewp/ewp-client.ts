/**
 * Interchange as an EWP client: one GET to a partner's API, signed with our key as
 * cliauth-httpsig asks, the answer's signature (srvauth-httpsig) checked against a key we trust
 * for the responding institution (a partner key registered here, or one its Discovery manifest
 * lists), its Digest checked, and the XML validated offline against EWP's official schemas.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SaxesParser } from 'saxes';
import type { Queryable } from '../../db/client.ts';
import { ewpKeyPair, keyIdOf, readPublicKey } from './ewp-key.ts';
import { NS } from './ewp-namespaces.ts';
import { checkedSchemasDir, schemaForRoot, xmlSchemaErrors } from './ewp-schema-files.ts';
import { headerValue, parseSignatureParams, signRequest, verifyResponse, type HeaderBag } from './http-signature.ts';
import { partnerKeysById } from './partner-keys.repo.ts';

/** An answer as received. */
export interface EwpAnswer {
  status: number;
  headers: HeaderBag;
  body: Buffer;
}

/** How a request is sent: node's http(s) by default; a test may put itself between. */
export type Transport = (url: URL, options: { method: string; headers: Record<string, string> }) => Promise<EwpAnswer>;

/** The largest answer read: more is refused rather than held in memory. */
export const MAX_ANSWER_BYTES = 50 * 1024 * 1024;

/** Why the client gives up; each has its message in the CLI's three languages (cli/ewp-command.ts#EWP_CLI_MESSAGES). */
export type EwpClientProblem =
  | 'bad_url'
  | 'unreachable'
  | 'too_large'
  | 'unsigned_response'
  | 'untrusted_key'
  | 'bad_response_signature'
  | 'not_xml'
  | 'unknown_document'
  | 'invalid_xml';

export class EwpClientError extends Error {
  constructor(
    readonly problem: EwpClientProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/** node's http(s), the answer read whole up to MAX_ANSWER_BYTES. */
export const nodeTransport: Transport = (url, { method, headers }) =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method, headers, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          request.destroy();
          reject(new EwpClientError('too_large', `more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`));
        } else chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers as HeaderBag, body: Buffer.concat(chunks) }));
      response.on('error', (error) => reject(new EwpClientError('unreachable', error.message)));
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 30 seconds')));
    request.on('error', (error) => reject(error instanceof EwpClientError ? error : new EwpClientError('unreachable', error.message)));
    request.end();
  });

/** A document's root element, read by saxes (nothing fetched, no DOCTYPE accepted). */
export function rootElement(body: Buffer): { namespace: string; name: string } {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let root: { namespace: string; name: string } | null = null;
  let doctype = false;
  parser.on('doctype', () => void (doctype = true));
  parser.on('opentag', (tag) => void (root ??= { namespace: tag.uri ?? '', name: tag.local ?? tag.name }));
  try {
    parser.write(body.toString('utf8')).close();
  } catch (error) {
    throw new EwpClientError('not_xml', (error as Error).message.split('\n')[0]!);
  }
  if (doctype) throw new EwpClientError('not_xml', 'a document type declaration (DOCTYPE) is not accepted');
  if (!root) throw new EwpClientError('not_xml', 'the answer is empty');
  return root;
}

/** The server keys a Discovery manifest lists, with the institutions its hosts cover. */
export function manifestServerKeys(body: Buffer): Array<{ keyId: string; publicKeyPem: string; heiIds: string[] }> {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const found: Array<{ keyId: string; publicKeyPem: string; heiIds: string[] }> = [];
  let heiIds: string[] = [];
  let keys: string[] = [];
  let text = '';
  const path: string[] = [];
  parser.on('opentag', (tag) => {
    path.push(tag.local ?? tag.name);
    text = '';
    if (tag.local === 'host' && tag.uri === NS.discovery) [heiIds, keys] = [[], []];
    if (tag.local === 'hei' && tag.uri === NS.registry && path.includes('institutions-covered')) {
      const id = tag.attributes.id;
      if (id) heiIds.push((typeof id === 'string' ? id : id.value).toLowerCase());
    }
  });
  parser.on('text', (chunk) => void (text += chunk));
  parser.on('closetag', (tag) => {
    if (tag.local === 'rsa-public-key' && path.includes('server-credentials-in-use')) keys.push(text);
    if (tag.local === 'host' && tag.uri === NS.discovery)
      for (const key of keys) {
        const read = readPublicKey(key);
        if ('key' in read) found.push({ keyId: keyIdOf(read.key), publicKeyPem: read.key.export({ type: 'spki', format: 'pem' }).toString(), heiIds });
      }
    path.pop();
  });
  try {
    parser.write(body.toString('utf8')).close();
  } catch (error) {
    throw new EwpClientError('not_xml', `manifest: ${(error as Error).message.split('\n')[0]!}`);
  }
  return found;
}

/** What `ewpGet` found: the answer, who signed it, and the schema it is valid against. */
export interface EwpGetResult {
  status: number;
  xml: string;
  signedBy: { keyId: string; heiIds: string[]; source: 'registered' | 'manifest' };
  schema: string;
}

/**
 * GETs `url` signed with our key (from `dataDir`), asking for a signed answer, and accepts it
 * only when it is signed by a key trusted for the responding institution (`hei`, when given):
 * registered here as a partner key, or listed by the manifest at `manifestUrl` for it; when
 * its Digest is the body's and it answers our request (x-request-id, x-request-signature);
 * and when it is an EWP document valid against its official schema. An error answer (4xx,
 * 5xx) is checked the same way: its status is in the result.
 */
export async function ewpGet(options: { url: string; hei?: string; manifestUrl?: string; db: Queryable; dataDir: string; schemasDir?: string; transport?: Transport; now?: Date }): Promise<EwpGetResult> {
  const transport = options.transport ?? nodeTransport;
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new EwpClientError('bad_url', options.url);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EwpClientError('bad_url', options.url);
  const schemasDir = checkedSchemasDir(options.schemasDir);
  const hei = options.hei?.trim().toLowerCase();

  const own = await ewpKeyPair(options.dataDir);
  const headers = signRequest({
    method: 'GET',
    path: `${url.pathname}${url.search}`,
    host: url.host,
    keyId: own.keyId,
    privateKeyPem: own.privateKeyPem,
    headers: { accept: 'application/xml', 'accept-signature': 'rsa-sha256', 'want-digest': 'SHA-256' },
    now: options.now,
  });
  const answer = await transport(url, { method: 'GET', headers });

  const signature = parseSignatureParams(headerValue(answer.headers, 'signature'));
  if (!signature) throw new EwpClientError('unsigned_response', `HTTP ${answer.status}`);
  const trusted = await trustedKey(signature.keyId, hei, options, transport);
  if (!trusted) throw new EwpClientError('untrusted_key', `${signature.keyId}${hei ? ` (${hei})` : ''}`);
  const refusal = verifyResponse(answer, {
    publicKeyPem: trusted.publicKeyPem,
    keyId: trusted.keyId,
    requestId: headers['x-request-id']!,
    requestSignature: parseSignatureParams(headers.authorization)!.signature,
  });
  if (refusal) throw new EwpClientError('bad_response_signature', refusal);

  const root = rootElement(answer.body);
  const schema = await schemaForRoot(root, schemasDir);
  if (!schema) throw new EwpClientError('unknown_document', `{${root.namespace}}${root.name}`);
  const complaints = await xmlSchemaErrors(answer.body, schema, schemasDir);
  if (complaints) throw new EwpClientError('invalid_xml', `${schema}: ${complaints}`);
  return { status: answer.status, xml: answer.body.toString('utf8'), signedBy: { keyId: trusted.keyId, heiIds: trusted.heiIds, source: trusted.source }, schema };
}

/** The key named by a response's keyId, when we trust it for `hei` (or for anyone, without `hei`). */
async function trustedKey(keyId: string, hei: string | undefined, options: { db: Queryable; manifestUrl?: string }, transport: Transport) {
  const registered = (await partnerKeysById(options.db, keyId)).filter((k) => !hei || k.heiId === hei);
  if (registered.length) return { keyId, publicKeyPem: registered[0]!.publicKeyPem, heiIds: registered.map((k) => k.heiId), source: 'registered' as const };
  if (!options.manifestUrl) return null;
  let manifestUrl: URL;
  try {
    manifestUrl = new URL(options.manifestUrl);
  } catch {
    throw new EwpClientError('bad_url', options.manifestUrl);
  }
  const manifest = await transport(manifestUrl, { method: 'GET', headers: { accept: 'application/xml' } });
  const listed = manifestServerKeys(manifest.body).find((k) => k.keyId === keyId && (!hei || k.heiIds.includes(hei)));
  return listed ? { ...listed, source: 'manifest' as const } : null;
}
