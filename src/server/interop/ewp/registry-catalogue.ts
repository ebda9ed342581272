/**
 * The EWP Registry's catalogue (Registry API 1.5.0, `catalogue-v1.xml`) read for the keys it
 * holds: which RSA key each host signs its requests with, and which institutions (SCHAC codes)
 * that host covers. Parsed by saxes, which fetches nothing and expands no external entity; a
 * document type declaration is refused outright (a catalogue never has one, and an entity
 * bomb or an external entity needs one). The schema check is xmllint's (ewp-schema-files.ts).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { describePublicKey, readPublicKey } from './ewp-key.ts';
import { NS } from './ewp-namespaces.ts';

/** One key the catalogue lists for an institution's requests. */
export interface CatalogueKey {
  heiId: string;
  keyId: string;
  publicKeyPem: string;
}

/** Why a catalogue is refused: the field reason a form and the CLI show (FIELD_REASONS). */
export type CatalogueProblem = 'not_xml' | 'xml_doctype' | 'not_registry_catalogue' | 'catalogue_key_mismatch' | 'catalogue_key_invalid';

export class CatalogueRefused extends Error {
  constructor(
    readonly problem: CatalogueProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

interface Host {
  heiIds: string[];
  clientKeys: string[];
}

/**
 * Parses a catalogue's bytes: refuses what is not well-formed XML, has a DOCTYPE, or is not a
 * registry `<catalogue>`, then gives each (institution, client key) pair its hosts declare, the
 * key read from `<binaries>` with its fingerprint checked against the `sha-256` it is listed under.
 */
export function catalogueKeys(content: Buffer): CatalogueKey[] {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: string[] = [];
  const hosts: Host[] = [];
  const binaries = new Map<string, string>();
  let host: Host | null = null;
  let text = '';
  let binaryId: string | null = null;
  let failure: CatalogueRefused | null = null;

  const inRegistry = (tag: SaxesTagNS) => tag.uri === NS.registry;
  parser.on('doctype', () => {
    failure ??= new CatalogueRefused('xml_doctype', 'A document type declaration (DOCTYPE) is not accepted.');
  });
  parser.on('opentag', (tag) => {
    const path = stack.join('/');
    const name = inRegistry(tag) ? tag.local : `{${tag.uri}}${tag.local}`;
    if (stack.length === 0 && name !== 'catalogue') failure ??= new CatalogueRefused('not_registry_catalogue', `The root element is ${tag.local}, not the Registry's catalogue.`);
    stack.push(name);
    text = '';
    if (path === 'catalogue' && name === 'host') hosts.push((host = { heiIds: [], clientKeys: [] }));
    else if (path === 'catalogue/host/client-credentials-in-use' && name === 'rsa-public-key' && host) {
      const sha = tag.attributes['sha-256'];
      if (sha) host.clientKeys.push(typeof sha === 'string' ? sha : sha.value);
    } else if (path === 'catalogue/binaries' && name === 'rsa-public-key') {
      const sha = tag.attributes['sha-256'];
      binaryId = sha ? (typeof sha === 'string' ? sha : sha.value) : null;
    }
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', () => {
    const path = stack.join('/');
    if (path === 'catalogue/host/institutions-covered/hei-id' && host) host.heiIds.push(text.trim().toLowerCase());
    else if (path === 'catalogue/binaries/rsa-public-key' && binaryId) binaries.set(binaryId, text);
    else if (path === 'catalogue/host') host = null;
    stack.pop();
    text = '';
  });
  try {
    parser.write(content.toString('utf8')).close();
  } catch (error) {
    throw failure ?? new CatalogueRefused('not_xml', (error as Error).message.split('\n')[0]!);
  }
  if (failure) throw failure;

  const keys: CatalogueKey[] = [];
  const seen = new Set<string>();
  for (const { heiIds, clientKeys } of hosts) {
    for (const sha of clientKeys) {
      const base64 = binaries.get(sha);
      // A key a host lists but the binaries do not hold is the Registry's fault: nothing to register.
      if (base64 === undefined) continue;
      const read = readPublicKey(base64);
      if ('problem' in read) throw new CatalogueRefused('catalogue_key_invalid', `The key listed as ${sha} is not an RSA key of 2048 bits or more.`);
      const { keyId, publicKeyPem } = describePublicKey(read.key);
      if (keyId !== sha.toLowerCase()) throw new CatalogueRefused('catalogue_key_mismatch', `The key listed as ${sha} has the fingerprint ${keyId}.`);
      for (const heiId of heiIds) {
        if (seen.has(`${heiId} ${keyId}`)) continue;
        seen.add(`${heiId} ${keyId}`);
        keys.push({ heiId, keyId, publicKeyPem });
      }
    }
  }
  return keys;
}
