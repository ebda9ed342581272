/**
 * Pulling a partner's IIAs (`interchange ewp pull-iias`): its IIAs API found in its Discovery
 * manifest, `index` then `get` in batches of its `max-iia-ids` through the signed client (each
 * answer's signature verified, its XML validated against the official schema), each copy read
 * from our side and matched to one of our agreements, the copies and their differences stored
 * (migration 0039) in one transaction with an audit row. An agreement is never changed here:
 * the office accepts a difference on the agreement's page.
 */
import type { IiaDifference } from '../../../shared/contracts/ewp-iia-copies.ts';
import { officeToday } from '../../../shared/calendar.ts';
import type { RequestContext } from '../../core/request-context.ts';
import { unscoped } from '../../core/request-context.ts';
import type { Queryable } from '../../db/client.ts';
import { ewpHostSettings, partnerManifestUrl, rememberPartnerManifestUrl } from '../../modules/settings/settings.service.ts';
import { EwpClientError, ewpGet, nodeTransport, type Transport } from './ewp-client.ts';
import { NS } from './ewp-namespaces.ts';
import { iiaAgreementRows, type IiaAgreementRow } from './ewp-iias.repo.ts';
import { compareTerms, copiesOfIias, IiaDocumentRefused, ourTermsOfAgreement, parseIiasGetResponse, parseIiasIndexResponse, walkXml, type IiaCopy } from './iia-terms.ts';

/** Where a partner serves its IIAs, as its manifest says. */
export interface IiasApi {
  getUrl: string;
  indexUrl: string;
  maxIiaIds: number;
}

/** Why a pull stops before anything is stored; each has its message in the CLI's three languages. */
export type IiaPullProblem = 'ewp_off' | 'no_manifest' | 'no_iias_api' | 'partner_refused' | 'not_iias_document';

export class IiaPullError extends Error {
  constructor(
    readonly problem: IiaPullProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/**
 * The IIAs 7 API of the manifest's host that covers `heiId`: its get and index URLs and its
 * `max-iia-ids` (1 when it gives none, as the spec lets a client assume); null when no host covering it serves IIAs 7.
 */
export function manifestIiasApi(manifest: string, heiId: string): IiasApi | null {
  const hei = heiId.trim().toLowerCase();
  let covers = false;
  let candidate: Partial<IiasApi> | null = null;
  let inIias = false;
  let found: IiasApi | null = null;
  walkXml(manifest, {
    open: (path, uri, attributes) => {
      const name = path[path.length - 1];
      if (uri === NS.discovery && name === 'host') [covers, candidate] = [false, null];
      if (uri === NS.registry && name === 'hei' && path.includes('institutions-covered') && attributes.id?.trim().toLowerCase() === hei) covers = true;
      if (uri === NS.iiasEntry && name === 'iias' && path.length === 4 && /^7\./.test(attributes.version ?? '')) [candidate, inIias] = [{}, true];
    },
    close: (path, text, uri) => {
      const name = path[path.length - 1];
      if (inIias && uri === NS.iiasEntry && candidate) {
        if (name === 'get-url') candidate.getUrl = text;
        else if (name === 'index-url') candidate.indexUrl = text;
        else if (name === 'max-iia-ids') candidate.maxIiaIds = Number(text);
        else if (name === 'iias') inIias = false;
      }
      if (uri === NS.discovery && name === 'host' && covers && candidate?.getUrl && candidate.indexUrl && !found)
        found = { getUrl: candidate.getUrl, indexUrl: candidate.indexUrl, maxIiaIds: candidate.maxIiaIds && candidate.maxIiaIds > 0 ? Math.floor(candidate.maxIiaIds) : 1 };
    },
  });
  return found;
}

/** What a pull found for one of the partner's IIAs. */
export interface PulledIia {
  partnerIiaId: string;
  partnerIiaCode: string | null;
  agreementId: number | null;
  state: 'matches' | 'differs' | 'unmatched';
  differences: IiaDifference[];
}

/** A pull's outcome: each of the partner's IIAs, and our published agreements with it that it serves no copy of. */
export interface IiaPullResult {
  partnerHeiId: string;
  /** The manifest read, kept for the partner's next pull. */
  manifestUrl: string;
  pulledAt: string;
  iias: PulledIia[];
  notFound: number[];
}

/**
 * Matches copies to agreements: the agreement whose id the partner gives for our side; else,
 * when we have exactly one agreement with the partner and no other copy names it, that one.
 */
export function matchCopies(copies: readonly IiaCopy[], agreements: readonly IiaAgreementRow[]): Array<IiaAgreementRow | null> {
  const byId = new Map(agreements.map((a) => [String(a.id), a]));
  const named = copies.map((c) => (c.ourIiaIdAsTheyKnowIt ? (byId.get(c.ourIiaIdAsTheyKnowIt) ?? null) : null));
  const taken = new Set(named.flatMap((a) => (a ? [a.id] : [])));
  const only = agreements.length === 1 ? agreements[0]! : null;
  return named.map((agreement) => {
    if (agreement || !only || taken.has(only.id)) return agreement;
    taken.add(only.id);
    return only;
  });
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * How a pull reaches the partner: node's http(s); but when the manifest itself was read over plain
 * http on this machine's loopback address (a trial, two instances side by side), the https addresses
 * it lists on that same host are called over plain http too (EWP's URLs are HTTPS only, and a host
 * on 127.0.0.1 has no certificate). Nothing else is ever downgraded.
 */
export function pullTransport(manifestUrl: URL): Transport {
  if (manifestUrl.protocol !== 'http:' || !LOOPBACK_HOSTS.has(manifestUrl.hostname)) return nodeTransport;
  return (url, options) => nodeTransport(url.protocol === 'https:' && url.host === manifestUrl.host ? new URL(`http:${url.href.slice('https:'.length)}`) : url, options);
}

const withParams = (base: string, params: Array<[string, string]>) => {
  const url = new URL(base);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.toString();
};

/**
 * Pulls the IIAs of the partner `heiId` and stores what they say against our agreements, as
 * `ctx`'s actor. Refused (IiaPullError, EwpClientError) before anything is stored when our
 * host has no SCHAC code, no manifest is given nor kept from an earlier pull of this partner,
 * the partner serves no IIAs 7, or an answer is not signed, not valid, or an error.
 */
export async function pullIias(
  ctx: RequestContext,
  options: { heiId: string; manifestUrl?: string; dataDir: string; schemasDir?: string; transport?: Transport; today?: string },
): Promise<IiaPullResult> {
  const heiId = options.heiId.trim().toLowerCase();
  const { heiId: ourHeiId } = await ewpHostSettings(ctx);
  if (!ourHeiId) throw new IiaPullError('ewp_off', 'ewp.heiId');
  const manifestAddress = options.manifestUrl ?? (await partnerManifestUrl(ctx, heiId));
  if (!manifestAddress) throw new IiaPullError('no_manifest', heiId);
  let manifestUrl: URL;
  try {
    manifestUrl = new URL(manifestAddress);
  } catch {
    throw new EwpClientError('bad_url', manifestAddress);
  }
  if (manifestUrl.protocol !== 'http:' && manifestUrl.protocol !== 'https:') throw new EwpClientError('bad_url', manifestAddress);
  const transport = options.transport ?? pullTransport(manifestUrl);
  const manifest = await transport(manifestUrl, { method: 'GET', headers: { accept: 'application/xml' } });
  let api: IiasApi | null;
  try {
    api = manifest.status === 200 ? manifestIiasApi(manifest.body.toString('utf8'), heiId) : null;
  } catch (error) {
    if (error instanceof IiaDocumentRefused) throw new EwpClientError('not_xml', `manifest: ${error.message}`);
    throw error;
  }
  if (!api) throw new IiaPullError('no_iias_api', `${heiId} (${manifestAddress})`);

  const call = async (url: string) => {
    const answer = await ewpGet({ url, hei: heiId, manifestUrl: manifestAddress, db: ctx, dataDir: options.dataDir, schemasDir: options.schemasDir, transport });
    if (answer.status !== 200) throw new IiaPullError('partner_refused', `HTTP ${answer.status} ${url}`);
    return answer.xml;
  };
  let copies: IiaCopy[] = [];
  try {
    const ids = [...new Set(parseIiasIndexResponse(await call(api.indexUrl)))];
    for (let start = 0; start < ids.length; start += api.maxIiaIds) {
      const batch = ids.slice(start, start + api.maxIiaIds);
      copies.push(...copiesOfIias(parseIiasGetResponse(await call(withParams(api.getUrl, batch.map((id) => ['iia_id', id])))), ourHeiId));
    }
  } catch (error) {
    if (error instanceof IiaDocumentRefused) throw new IiaPullError('not_iias_document', error.message);
    throw error;
  }
  // A copy served twice (a partner listing the same id twice across batches) counts once.
  copies = copies.filter((c, i) => c.partnerHeiId === heiId && copies.findIndex((o) => o.partnerIiaId === c.partnerIiaId) === i);

  const today = options.today ?? officeToday();
  return ctx.transaction(async (tx) => {
    // The partner's copies are matched against every agreement with it, whatever the puller's unit.
    const all = unscoped(tx);
    const agreements = await iiaAgreementRows(all, { heiIds: [heiId], asOf: today });
    const matched = matchCopies(copies, agreements);
    const { rows } = await all.query<{ now: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`);
    const pulledAt = rows[0]!.now;
    const iias: PulledIia[] = copies.map((copy, i) => {
      const agreement = matched[i]!;
      const differences = agreement ? compareTerms(ourTermsOfAgreement(agreement, ourHeiId), copy.terms) : [];
      return { partnerIiaId: copy.partnerIiaId, partnerIiaCode: copy.partnerIiaCode, agreementId: agreement?.id ?? null, state: !agreement ? 'unmatched' : differences.length ? 'differs' : 'matches', differences };
    });
    await replaceCopies(all, { heiId, pulledAt, copies, iias, pulledBy: ctx.actor.userId || null });
    const seen = new Set(iias.flatMap((i) => (i.agreementId ? [i.agreementId] : [])));
    const notFound = agreements.filter((a) => !seen.has(a.id)).map((a) => a.id);
    const result = { partnerHeiId: heiId, manifestUrl: manifestAddress, pulledAt, iias, notFound };
    await tx.audit({ action: 'create', entity: 'ewp_iia_pull', entityId: heiId, unitId: null, after: result });
    await rememberPartnerManifestUrl(tx, heiId, result.manifestUrl);
    return result;
  });
}

/** The partner's copies as pulled now replace those of the previous pull; when it was pulled is kept. */
async function replaceCopies(db: Queryable, options: { heiId: string; pulledAt: string; copies: readonly IiaCopy[]; iias: readonly PulledIia[]; pulledBy: number | null }): Promise<void> {
  await db.query('DELETE FROM ewp_iia_copies WHERE partner_hei_id = $1', [options.heiId]);
  for (const [i, copy] of options.copies.entries()) {
    const pulled = options.iias[i]!;
    await db.query(
      `INSERT INTO ewp_iia_copies (partner_hei_id, partner_iia_id, partner_iia_code, agreement_id, terms, iia_hash, differences, pulled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [options.heiId, copy.partnerIiaId, copy.partnerIiaCode, pulled.agreementId, JSON.stringify(copy.terms), copy.iiaHash, JSON.stringify(pulled.differences), options.pulledAt],
    );
  }
  await db.query(
    `INSERT INTO ewp_iia_pulls (partner_hei_id, pulled_at, pulled_by) VALUES ($1, $2, $3)
     ON CONFLICT (partner_hei_id) DO UPDATE SET pulled_at = EXCLUDED.pulled_at, pulled_by = EXCLUDED.pulled_by`,
    [options.heiId, options.pulledAt, options.pulledBy],
  );
}
