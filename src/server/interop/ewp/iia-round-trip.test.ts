import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEwpInstance, stopEwpInstances, trust, type EwpInstance } from '../../test/ewp-instances.ts';
import { agreementBody } from '../../test/factories.ts';
import { EWP_CLI_MESSAGES, runPullIias } from '../../../cli/ewp-command.ts';
import type { AgreementEwpStatus } from '../../../shared/contracts/ewp-iia-copies.ts';
import { ewpGet, nodeTransport, type Transport } from './ewp-client.ts';
import { parseIiasGetResponse } from './iia-terms.ts';

// Two instances of Interchange on 127.0.0.1, each the other's EWP partner: A is the school
// (shsmu.edu.cn), B plays Karolinska (ki.se). Each has its own data folder (its own key), registers
// the other's key for the other's SCHAC code, and has one student exchange agreement with the other.
// Every answer the client takes is signature-checked and validated against the official XSDs.

let A: EwpInstance;
let B: EwpInstance;

// The manifests give https addresses (EWP's URLs are HTTPS only); on 127.0.0.1 the hosts speak plain HTTP.
const plainHttp: Transport = (url, options) => nodeTransport(new URL(url.toString().replace(/^https:/, 'http:')), options);

beforeAll(async () => {
  A = await startEwpInstance({ heiId: 'shsmu.edu.cn', partnerHeiId: 'ki.se', places: { studentsOutPerYear: 3, studentsInPerYear: 2 } });
  B = await startEwpInstance({ heiId: 'ki.se', partnerHeiId: 'shsmu.edu.cn', places: { studentsOutPerYear: 2, studentsInPerYear: 3 }, spareAgreements: 2 });
  expect(A.agreementId).not.toBe(B.agreementId);
  await trust(A, B);
  await trust(B, A);
}, 120_000);
afterAll(async () => stopEwpInstances([A, B]));

/** `interchange ewp pull-iias` run by `puller` against the other instance's manifest. */
const pull = (puller: EwpInstance, pulled: EwpInstance, lang: 'en' | 'zh' | 'fr' = 'en') =>
  runPullIias({ db: puller.t.db, dataDir: puller.dir, hei: pulled.heiId, manifest: `${pulled.base}/ewp/manifest.xml`, lang, transport: plainHttp });

const status = async (instance: EwpInstance, role: 'officer' | 'viewer' = 'officer'): Promise<AgreementEwpStatus> => {
  const response = await (await instance.t.as(role)).get(`/api/agreements/${instance.agreementId}/ewp`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('pulling IIAs between two instances', () => {
  it('before any pull: published, the partner’s copy not pulled', async () => {
    expect(await status(A, 'viewer')).toEqual({
      published: true,
      unpublishedReason: null,
      partnerHeiId: B.heiId,
      iiaId: String(A.agreementId),
      partnerManifestUrl: null,
      copy: { state: 'not_pulled', partnerIiaId: null, partnerIiaCode: null, pulledAt: null, differences: [] },
    });
  });

  it('A pulls B: the copy matches A’s agreement; stored, audited, the agreement unchanged', async () => {
    const before = (await (await A.t.as('officer')).get(`/api/agreements/${A.agreementId}`)).json();
    const outcome = await pull(A, B);
    expect(outcome.exitCode, outcome.err).toBe(0);
    expect(outcome.out).toBe(EWP_CLI_MESSAGES.iia_matches.en.replace('{x}', String(B.agreementId)).replace('{code}', String(B.agreementId)).replace('{y}', String(A.agreementId)));
    const state = await status(A);
    expect(state.copy).toMatchObject({ state: 'matches', partnerIiaId: String(B.agreementId), differences: [] });
    expect(Date.parse(state.copy.pulledAt!)).not.toBeNaN();
    const after = (await (await A.t.as('officer')).get(`/api/agreements/${A.agreementId}`)).json();
    expect(after.version).toBe(before.version);
    const { rows } = await A.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'ewp_iia_pull' AND entity_id = $1`, [B.heiId]);
    expect(rows[0]!.n).toBe(1);
  });

  it('once A knows B’s iia-id, A’s answer carries it in B’s <partner>, and B pulling A matches by it', async () => {
    const get = await ewpGet({ url: `${A.base}/ewp/iias/get?iia_id=${A.agreementId}`, hei: A.heiId, db: B.t.db, dataDir: B.dir, transport: plainHttp });
    expect(get.status).toBe(200);
    expect(get.schema).toContain('get-response.xsd');
    const [iia] = parseIiasGetResponse(get.xml);
    expect(iia!.partners.map((p) => [p.heiId, p.iiaId])).toEqual([
      [A.heiId, String(A.agreementId)],
      [B.heiId, String(B.agreementId)],
    ]);
    const outcome = await pull(B, A, 'fr');
    expect(outcome.exitCode, outcome.err).toBe(0);
    expect(outcome.out).toContain(EWP_CLI_MESSAGES.iia_matches.fr.replace('{x}', String(A.agreementId)).replace('{code}', String(A.agreementId)).replace('{y}', String(B.agreementId)));
    expect((await status(B)).copy).toMatchObject({ state: 'matches', partnerIiaId: String(A.agreementId) });
  });

  it('B changes a quota; A pulls: differs, on exactly that field, ours → theirs', async () => {
    const officer = await B.t.as('officer');
    const current = (await officer.get(`/api/agreements/${B.agreementId}`)).json();
    const changed = current.studentsOutPerYear + 2;
    expect((await officer.patch(`/api/agreements/${B.agreementId}`, { studentsOutPerYear: changed, version: current.version })).statusCode).toBe(200);
    const ours = (await (await A.t.as('officer')).get(`/api/agreements/${A.agreementId}`)).json().studentsInPerYear;
    const outcome = await pull(A, B, 'zh');
    expect(outcome.exitCode, outcome.err).toBe(0);
    expect(outcome.out).toContain(`${EWP_CLI_MESSAGES.term_studentsInPerYear.zh}: ${ours} → ${changed}`);
    const state = await status(A);
    expect(state.copy.state).toBe('differs');
    expect(state.copy.differences).toEqual([{ field: 'studentsInPerYear', ours, theirs: changed }]);
  });

  it('B stops publishing its agreement; A pulls: not found, the old copy gone', async () => {
    const officer = await B.t.as('officer');
    const current = (await officer.get(`/api/agreements/${B.agreementId}`)).json();
    expect((await officer.patch(`/api/agreements/${B.agreementId}`, { kind: 'comprehensive', version: current.version })).statusCode).toBe(200);
    expect((await status(B)).unpublishedReason).toBe('not_exchange');
    const outcome = await pull(A, B);
    expect(outcome.exitCode, outcome.err).toBe(0);
    expect(outcome.out).toBe(EWP_CLI_MESSAGES.iia_not_found.en.replace('{y}', String(A.agreementId)).replace('{hei}', B.heiId));
    const state = await status(A);
    expect(state.copy).toMatchObject({ state: 'not_found', partnerIiaId: null, differences: [] });
    const { rows } = await A.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ewp_iia_copies WHERE partner_hei_id = $1`, [B.heiId]);
    expect(rows[0]!.n).toBe(0);
  });

  it('says what is missing: the manifest of a partner never pulled (exit 2), a partner its manifest does not cover (exit 1)', async () => {
    const noManifest = await runPullIias({ db: A.t.db, dataDir: A.dir, hei: 'never.example.eu', lang: 'en', transport: plainHttp });
    expect(noManifest).toMatchObject({ exitCode: 2, err: EWP_CLI_MESSAGES.no_manifest.en.replace('{x}', 'never.example.eu') });
    const wrong = await runPullIias({ db: A.t.db, dataDir: A.dir, hei: 'other.example.eu', manifest: `${B.base}/ewp/manifest.xml`, lang: 'en', transport: plainHttp });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.err).toContain('other.example.eu');
  });

  it('pulls again from the manifest kept at the partner’s last pull when none is given', async () => {
    const pulledAt = async () => (await A.t.db.query<{ at: Date }>(`SELECT pulled_at AS at FROM ewp_iia_pulls WHERE partner_hei_id = $1`, [B.heiId])).rows[0]?.at;
    const before = await pulledAt();
    expect(before).toBeInstanceOf(Date);
    const again = await runPullIias({ db: A.t.db, dataDir: A.dir, hei: B.heiId, lang: 'en', transport: plainHttp });
    expect(again.exitCode, again.err).toBe(0);
    expect((await pulledAt())!.getTime()).toBeGreaterThan(before!.getTime());
  });

  it('reads an agreement’s EWP status only within the caller’s reach', async () => {
    const officer = await A.t.as('officer');
    const partner = (await officer.get(`/api/agreements/${A.agreementId}`)).json().partners[0].institutionId;
    const collegiate = (await officer.post('/api/agreements', agreementBody([partner], { level: 'collegiate', unitId: A.t.units.a }))).json();
    expect((await (await A.t.as('coordinatorA')).get(`/api/agreements/${collegiate.id}/ewp`)).json()).toMatchObject({ published: false, unpublishedReason: 'not_exchange' });
    expect((await (await A.t.as('coordinatorB')).get(`/api/agreements/${collegiate.id}/ewp`)).statusCode).toBe(404);
    expect((await A.t.anonymous.get(`/api/agreements/${collegiate.id}/ewp`)).statusCode).toBe(401);
  });
});
