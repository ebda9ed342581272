/**
 * The XML documents /ewp answers with, built with xmlbuilder2 (which escapes text and declares
 * namespaces); their shapes are EWP's (common-types 1.16.0, Echo 2.0.1, Discovery 6.0.0), and
 * the tests validate each against the official schemas.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Locale } from '../../../shared/contracts/common.ts';
import { NS } from './ewp-namespaces.ts';

const xmlDocument = () => create({ version: '1.0', encoding: 'UTF-8' });
const finish = (root: XMLBuilder): string => root.end({ prettyPrint: true });

/** EWP's `<error-response>`: a message for the client's developer, and optionally for its user in several languages. */
export function errorResponseXml(developerMessage: string, userMessages: Partial<Record<Locale, string>> = {}): string {
  const root = xmlDocument().ele(NS.common, 'error-response');
  root.ele(NS.common, 'developer-message').txt(developerMessage);
  for (const [lang, text] of Object.entries(userMessages)) if (text) root.ele(NS.common, 'user-message').att(NS.xml, 'xml:lang', lang === 'zh' ? 'zh-Hans' : lang).txt(text);
  return finish(root);
}

/** Echo 2.0.1: the institutions the caller's key covers, and each `echo` value as sent, in order. */
export function echoResponseXml(heiIds: readonly string[], echoes: readonly string[]): string {
  const root = xmlDocument().ele(NS.echo, 'response');
  for (const id of heiIds) root.ele(NS.echo, 'hei-id').txt(id);
  for (const echo of echoes) root.ele(NS.echo, 'echo').txt(echo);
  return finish(root);
}

/** An API this host serves, as the manifest lists it. */
export interface ManifestApi {
  name: 'discovery' | 'echo' | 'institutions' | 'organizational-units' | 'factsheet' | 'omobilities' | 'iias';
  version: string;
  url: string;
  /** Whether calls are signed both ways (HTTP Signatures): every API but the manifest itself. */
  httpsig: boolean;
  /** The entry's elements (its endpoints' URLs, its limits such as `max-hei-ids`) in its manifest-entry.xsd's order; `url` alone when absent. */
  entry?: ReadonlyArray<readonly [element: string, text: string]>;
}

/** What the Discovery manifest says about this host. */
export interface ManifestContent {
  adminEmail: string | null;
  adminProvider: string;
  apis: readonly ManifestApi[];
  hei: { id: string; names: Partial<Record<Locale, string>> } | null;
  /** Our public key, base64 DER: for signing requests (client) and responses (server) alike. */
  publicKeyBase64: string;
}

const ENTRY_NAMESPACE: Record<ManifestApi['name'], string> = {
  discovery: NS.discoveryEntry,
  echo: NS.echoEntry,
  institutions: NS.institutionsEntry,
  'organizational-units': NS.ounitsEntry,
  factsheet: NS.factsheetEntry,
  omobilities: NS.omobilitiesEntry,
  iias: NS.iiasEntry,
};

/**
 * The Discovery manifest 6.0.0: one host, the APIs it implements with their security (HTTP
 * Signatures for client and server authentication, declared, since without it the default is
 * TLS certificates), the institution it covers and the key it signs with.
 */
export function manifestXml(content: ManifestContent): string {
  const root = xmlDocument().ele(NS.discovery, 'manifest');
  const host = root.ele(NS.discovery, 'host');
  if (content.adminEmail) host.ele(NS.common, 'ewp:admin-email').txt(content.adminEmail);
  host.ele(NS.common, 'ewp:admin-provider').txt(content.adminProvider);
  const apis = host.ele(NS.registry, 'r:apis-implemented');
  for (const api of content.apis) {
    const entry = apis.ele(ENTRY_NAMESPACE[api.name], api.name).att('version', api.version);
    if (api.httpsig) {
      const security = entry.ele(ENTRY_NAMESPACE[api.name], 'http-security');
      security.ele(NS.secIntro, 'sec:client-auth-methods').ele(NS.cliauthHttpsig, 'httpsig');
      security.ele(NS.secIntro, 'sec:server-auth-methods').ele(NS.srvauthHttpsig, 'httpsig');
    }
    if (api.entry) for (const [element, text] of api.entry) entry.ele(ENTRY_NAMESPACE[api.name], element).txt(text);
    else entry.ele(ENTRY_NAMESPACE[api.name], 'url').txt(api.url);
  }
  if (content.hei) {
    const hei = host.ele(NS.discovery, 'institutions-covered').ele(NS.registry, 'r:hei').att('id', content.hei.id);
    for (const [lang, name] of Object.entries(content.hei.names)) if (name) hei.ele(NS.registry, 'r:name').att(NS.xml, 'xml:lang', lang === 'zh' ? 'zh-Hans' : lang).txt(name);
  }
  host.ele(NS.discovery, 'client-credentials-in-use').ele(NS.discovery, 'rsa-public-key').txt(content.publicKeyBase64);
  host.ele(NS.discovery, 'server-credentials-in-use').ele(NS.discovery, 'rsa-public-key').txt(content.publicKeyBase64);
  return finish(root);
}
