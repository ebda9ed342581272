import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { agreementBody, institutionBody } from '../../test/factories.ts';
import { EWP_CLI_MESSAGES, runPullIias } from '../../../cli/ewp-command.ts';
import type { AgreementEwpStatus } from '../../../shared/contracts/ewp-iia-copies.ts';
import type { AgreementInput } from '../../../shared/contracts/agreements.ts';
import { ewpGet, nodeTransport, type Transport } from './ewp-client.ts';
import { parseIiasGetResponse } from './iia-terms.ts';

// Two instances of Interchange on 127.0.0.1, each the other's EWP partner: A is the school
// (shsmu.edu.cn), B plays Karolinska (ki.se). Each has its own data folder (its own key), registers
// the other's key for the other's SCHAC code, and has one student exchange agreement with the other.
// Every answer the client takes is signature-checked and validated against the official XSDs.

interface Instance {
  t: TestServer;
  dir: string;
  base: string;
  heiId: string;
  /** The exchange agreement with the other instance. */
  agreementId: number;
}
const A = { heiId: 'shsmu.edu.cn' } as Instance;
const B = { heiId: 'ki.se' } as Instance;

// The manifests give https addresses (EWP's URLs are HTTPS only); on 127.0.0.1 the hosts speak plain HTTP.
const plainHttp: Transport = (url, options) => nodeTransport(new URL(url.toString().replace(/^https:/, 'http:')), options);

const terms: Partial<AgreementInput> = { kind: 'student_exchange', studentMobility: 'studies', languageSkills: ['en B2'], effectiveOn: '2024-09-01', expiresOn: '2027-08-31' };

async function setUp(instance: Instance, partnerHeiId: string, places: { studentsOutPerYear: number; studentsInPerYear: number }, spareAgreements: number) {
  instance.dir = await mkdtemp(join(tmpdir(), 'interchange-iia-round-trip-'));
  instance.t = await startTestServer({ env: { INTERCHANGE_DATA_DIR: instance.dir } });
  const officer = await instance.t.as('officer');
  for (const [key, value] of [['ewp.enabled', true], ['ewp.heiId', instance.heiId]] as const) {
    const current = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === key);
    expect((await officer.patch(`/api/settings/${key}`, { value, version: current.version })).statusCode).toBe(200);
  }
  const partner = (await officer.post('/api/institutions', institutionBody({ schac: partnerHeiId }))).json().id as number;
  // drafts first, so that the two instances' agreement ids differ and an id can only come from where it is kept
  for (let i = 0; i < spareAgreements; i += 1) expect((await officer.post('/api/agreements', agreementBody([partner]))).statusCode).toBe(201);
  let row = (await officer.post('/api/agreements', agreementBody([partner], { ...terms, ...places }))).json();
  for (const to of ['under_review', 'approved', 'signed', 'active']) {
    const response = await officer.post(`/api/agreements/${row.id}/transitions`, { to, on: '2024-09-01', version: row.version });
    expect(response.statusCode, response.body).toBe(200);
    row = response.json();
  }
  instance.agreementId = row.id;
  await instance.t.app.listen({ port: 0, host: '127.0.0.1' });
  instance.base = `http://127.0.0.1:${(instance.t.app.server.address() as AddressInfo).port}`;
}

async function trust(instance: Instance, other: Instance) {
  const key = (await (await other.t.as('admin')).get('/api/ewp/key')).json();
  expect((await (await instance.t.as('admin')).post('/api/ewp/partner-keys', { heiId: other.heiId, publicKey: key.publicKeyPem })).statusCode).toBe(201);
}

beforeAll(async () => {
  await setUp(A, B.heiId, { studentsOutPerYear: 3, studentsInPerYear: 2 }, 0);
  await setUp(B, A.heiId, { studentsOutPerYear: 2, studentsInPerYear: 3 }, 2);
  expect(A.agreementId).not.toBe(B.agreementId);
  await trust(A, B);
  await trust(B, A);
}, 120_000);
afterAll(async () => {
  for (const instance of [A, B]) {
    await instance.t?.close();
    if (instance.dir) await rm(instance.dir, { recursive: true, force: true });
  }
});

/** `interchange ewp pull-iias` run by `puller` against the other instance's manifest. */
const pull = (puller: Instance, pulled: Instance, lang: 'en' | 'zh' | 'fr' = 'en') =>
  runPullIias({ db: puller.t.db, dataDir: puller.dir, hei: pulled.heiId, manifest: `${pulled.base}/ewp/manifest.xml`, lang, transport: plainHttp });

const status = async (instance: Instance, role: 'officer' | 'viewer' = 'officer'): Promise<AgreementEwpStatus> => {
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

  it('says what is missing: the manifest (exit 2), a partner its manifest does not cover (exit 1)', async () => {
    const noManifest = await runPullIias({ db: A.t.db, dataDir: A.dir, hei: B.heiId, lang: 'en', transport: plainHttp });
    expect(noManifest).toMatchObject({ exitCode: 2, err: EWP_CLI_MESSAGES.no_manifest.en.replace('{x}', B.heiId) });
    const wrong = await runPullIias({ db: A.t.db, dataDir: A.dir, hei: 'other.example.eu', manifest: `${B.base}/ewp/manifest.xml`, lang: 'en', transport: plainHttp });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.err).toContain('other.example.eu');
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
