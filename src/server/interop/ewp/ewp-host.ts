/**
 * What the EWP host does, without HTTP: who a signed request comes from, what each API answers,
 * and what the Discovery manifest lists. `http/ewp-host.routes.ts` puts it on the server.
 */
import type { Queryable } from '../../db/client.ts';
import { EWP_DATA_APIS, type EwpDataApi } from '../../../shared/contracts/ewp.ts';
import { ewpHostSettings } from '../../modules/settings/settings.service.ts';
import { rootUnit } from '../../modules/units/units.service.ts';
import { VERSION } from '../../version.ts';
import { ewpKeyPair } from './ewp-key.ts';
import { echoResponseXml, errorResponseXml, manifestXml, type ManifestApi } from './ewp-documents.ts';
import { MAX_IIA_IDS } from './ewp-iias.answers.ts';
import { partnerKeysById } from './partner-keys.repo.ts';
import { MAX_INSTITUTION_HEI_IDS } from './ewp-institutions.ts';
import { MAX_OUNIT_CODES, MAX_OUNIT_IDS } from './ewp-ounits.ts';
import { MAX_FACTSHEET_HEI_IDS } from './ewp-factsheet.ts';
import { MAX_OMOBILITY_IDS } from './ewp-omobilities.ts';
import { signResponse, verifyRequest, type HeaderBag, type IncomingRequest, type RequestRefusal, type RequestVerdict } from './http-signature.ts';

/** The APIs this host serves, with the version of the spec each follows and its path under the public address. */
export const EWP_APIS: ReadonlyArray<Omit<ManifestApi, 'url' | 'entry'> & { path: string; entry?: (base: string) => ManifestApi['entry'] }> = [
  { name: 'discovery', version: '6.0.0', path: '/ewp/manifest.xml', httpsig: false },
  { name: 'echo', version: '2.0.1', path: '/ewp/echo', httpsig: true },
  { name: 'institutions', version: '2.2.0', path: '/ewp/institutions', httpsig: true, entry: (base) => [['url', `${base}/ewp/institutions`], ['max-hei-ids', String(MAX_INSTITUTION_HEI_IDS)]] },
  {
    name: 'organizational-units', version: '2.1.1', path: '/ewp/ounits', httpsig: true,
    entry: (base) => [['url', `${base}/ewp/ounits`], ['max-ounit-ids', String(MAX_OUNIT_IDS)], ['max-ounit-codes', String(MAX_OUNIT_CODES)]],
  },
  { name: 'factsheet', version: '1.2.0', path: '/ewp/factsheet', httpsig: true, entry: (base) => [['url', `${base}/ewp/factsheet`], ['max-hei-ids', String(MAX_FACTSHEET_HEI_IDS)]] },
  {
    name: 'omobilities', version: '3.0.0', path: '/ewp/omobilities/get', httpsig: true,
    entry: (base) => [['get-url', `${base}/ewp/omobilities/get`], ['index-url', `${base}/ewp/omobilities/index`], ['update-url', `${base}/ewp/omobilities/update`], ['max-omobility-ids', String(MAX_OMOBILITY_IDS)]],
  },
  {
    name: 'iias', version: '7.0.0', path: '/ewp/iias/get', httpsig: true,
    entry: (base) => [['get-url', `${base}/ewp/iias/get`], ['max-iia-ids', String(MAX_IIA_IDS)], ['index-url', `${base}/ewp/iias/index`], ['stats-url', `${base}/ewp/iias/stats`]],
  },
];

/** A caller authenticated by its key: the institutions that key is registered for. */
export interface EwpCaller {
  keyId: string;
  heiIds: string[];
  publicKeyPem: string;
}

/** The HTTP status EWP names for each refusal: 401 unsigned, 403 unknown key, 400 any other fault. */
export const REFUSAL_STATUS: Record<RequestRefusal, 400 | 401 | 403> = {
  unsigned: 401,
  unknown_key: 403,
  bad_algorithm: 400,
  unsigned_header: 400,
  bad_signature: 400,
  bad_digest: 400,
  bad_date: 400,
  stale_date: 400,
  bad_request_id: 400,
};

/** Checks a request's HTTP signature against the partners' registered keys. */
export function authenticateEwpRequest(db: Queryable, request: IncomingRequest, now?: Date): Promise<RequestVerdict<EwpCaller>> {
  return verifyRequest(
    request,
    async (keyId) => {
      const rows = await partnerKeysById(db, keyId);
      return rows.length ? { keyId, heiIds: rows.map((r) => r.heiId), publicKeyPem: rows[0]!.publicKeyPem } : null;
    },
    now,
  );
}

/** Whether /ewp answers, for which institution, and which data APIs. */
export const ewpHostState = ewpHostSettings;

/** Whether an API of ours answers, given the data APIs the office turned on: Discovery and Echo always do. */
export function isServed(name: string, apis: ReadonlySet<EwpDataApi>): boolean {
  return !(EWP_DATA_APIS as readonly string[]).includes(name) || apis.has(name as EwpDataApi);
}

/** Echo 2.0.1: the caller's institutions and the `echo` values it sent. */
export function echoAnswer(caller: EwpCaller, echoes: readonly string[]): string {
  return echoResponseXml(caller.heiIds, echoes);
}

/** An `<error-response>` for the client's developer. */
export const ewpError = (developerMessage: string): string => errorResponseXml(developerMessage);

/**
 * The Discovery manifest at `origin` (https: EWP's URLs are HTTPS only, so the host is expected
 * behind TLS): our APIs, our institution named as our root unit is, and our public key.
 */
export async function manifestAnswer(db: Queryable, options: { dataDir: string; origin: string; heiId: string | null; apis: ReadonlySet<EwpDataApi> }): Promise<string> {
  const key = await ewpKeyPair(options.dataDir);
  const root = await rootUnit(db);
  // The manifest must name someone to write to: the first administrator (the one who set the host up).
  const { rows } = await db.query<{ email: string }>(`SELECT email FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id LIMIT 1`);
  const base = options.origin.replace(/^http:/, 'https:').replace(/\/$/, '');
  return manifestXml({
    adminEmail: rows[0]?.email ?? null,
    adminProvider: `Interchange ${VERSION}`,
    apis: EWP_APIS.filter((api) => isServed(api.name, options.apis)).map(({ path, entry, ...api }) => ({ ...api, url: `${base}${path}`, ...(entry ? { entry: entry(base) } : {}) })),
    hei: options.heiId ? { id: options.heiId, names: root ? { en: root.officialNameEn ?? root.nameEn, zh: root.officialNameZh ?? root.nameZh, fr: root.officialNameFr ?? root.nameFr ?? undefined } : {} } : null,
    publicKeyBase64: key.publicKeyBase64,
  });
}

/**
 * The headers that sign a response when the request asked for it (srvauth-httpsig:
 * `Accept-Signature: rsa-sha256`), or only its Digest when it sent `Want-Digest: SHA-256`;
 * none otherwise.
 */
export async function responseSignature(dataDir: string, request: { headers: HeaderBag }, body: Buffer | string): Promise<Record<string, string>> {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
  };
  const wantsSignature = /(^|[\s,])rsa-sha256($|[\s,;])/i.test(header('accept-signature') ?? '');
  const wantsDigest = /(^|[\s,])sha-256($|[\s,;])/i.test(header('want-digest') ?? '');
  if (!wantsSignature && !wantsDigest) return {};
  const key = await ewpKeyPair(dataDir);
  const requestSignature = /signature="([^"]*)"/.exec(header('authorization') ?? '')?.[1];
  const signed = signResponse({ body, requestId: header('x-request-id'), requestSignature, keyId: key.keyId, privateKeyPem: key.privateKeyPem });
  return wantsSignature ? signed : { digest: signed.digest! };
}
