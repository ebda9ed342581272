import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEwpInstance, stopEwpInstances, trust, type EwpInstance } from '../../test/ewp-instances.ts';
import type { AgreementEwpStatus, EwpPullSummary } from '../../../shared/contracts/ewp-iia-copies.ts';
import { FIELD_REASONS, ERROR_MESSAGES } from '../../../shared/i18n/errors.ts';

// POST /api/ewp/partners/:heiId/pull: the office pulls a partner's IIAs from the web. Two instances
// on 127.0.0.1, each the other's partner (A is the school, B plays Karolinska), as in
// iia-round-trip.test.ts; the pull goes over real HTTP to B (its manifest read over plain http on
// the loopback address, so its https addresses on that host are called over plain http too).

let A: EwpInstance;
let B: EwpInstance;

beforeAll(async () => {
  // B's places differ from A's mirror by one incoming student: A's copy of B differs on that field.
  A = await startEwpInstance({ heiId: 'shsmu.edu.cn', partnerHeiId: 'ki.se', places: { studentsOutPerYear: 3, studentsInPerYear: 2 } });
  B = await startEwpInstance({ heiId: 'ki.se', partnerHeiId: 'shsmu.edu.cn', places: { studentsOutPerYear: 4, studentsInPerYear: 3 } });
  await trust(A, B);
  await trust(B, A);
}, 120_000);
afterAll(async () => stopEwpInstances([A, B]));

const manifestOf = (instance: EwpInstance) => `${instance.base}/ewp/manifest.xml`;
const pullUrl = (heiId: string) => `/api/ewp/partners/${heiId}/pull`;
const status = async (): Promise<AgreementEwpStatus> => (await (await A.t.as('officer')).get(`/api/agreements/${A.agreementId}/ewp`)).json();
/** A reason's words in `lang` as the server writes them, `{value}` standing for what it names. */
const reasonWords = (reason: string, lang: 'en' | 'zh' | 'fr') => FIELD_REASONS[reason]![lang].split('{value}')[0]!;

describe('POST /api/ewp/partners/:heiId/pull', () => {
  it('refuses without a manifest when none was given before, naming manifestUrl (in the caller’s language)', async () => {
    const officer = await A.t.as('officer');
    const response = await officer.post(pullUrl(B.heiId), {}, { 'accept-language': 'fr' });
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('ewp_pull_refused');
    expect(error.fields).toHaveLength(1);
    expect(error.fields[0].field).toBe('manifestUrl');
    expect(error.fields[0].message).toContain(reasonWords('ewp_no_manifest', 'fr'));
    expect(error.message).toContain(ERROR_MESSAGES.ewp_pull_refused!.fr);
    expect((await status()).copy.state).toBe('not_pulled');
  });

  it('refuses a manifest URL that is not an http(s) address: 400 naming manifestUrl', async () => {
    const officer = await A.t.as('officer');
    for (const manifestUrl of ['ftp://127.0.0.1/ewp/manifest.xml', 'not an address']) {
      const response = await officer.post(pullUrl(B.heiId), { manifestUrl });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['manifestUrl']);
    }
  });

  it('says why when the partner cannot be reached, in zh, and stores nothing', async () => {
    const officer = await A.t.as('officer');
    // a port nothing listens on (B's own, closed for the moment, would race with its server): the first port of the unprivileged range is refused on loopback
    const response = await officer.post(pullUrl(B.heiId), { manifestUrl: 'http://127.0.0.1:1/ewp/manifest.xml' }, { 'accept-language': 'zh' });
    expect(response.statusCode, response.body).toBe(400);
    const [field] = response.json().error.fields;
    expect(field.field).toBe('manifestUrl');
    expect(field.message).toContain(reasonWords('ewp_unreachable', 'zh'));
    const { rows } = await A.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ewp_iia_pulls WHERE partner_hei_id = $1`, [B.heiId]);
    expect(rows[0]!.n).toBe(0);
    expect((await status()).partnerManifestUrl).toBeNull();
  });

  it('is the office’s: a coordinator is refused, and nothing is pulled', async () => {
    const coordinator = await A.t.as('coordinatorA');
    const response = await coordinator.post(pullUrl(B.heiId), { manifestUrl: manifestOf(B) });
    expect(response.statusCode).toBe(403);
    expect((await status()).copy.state).toBe('not_pulled');
  });

  it('the officer pulls: counts what it found, records the officer as the puller and the audit row’s actor, keeps the manifest', async () => {
    const officer = await A.t.as('officer');
    const ours = (await officer.get(`/api/agreements/${A.agreementId}`)).json();
    const response = await officer.post(pullUrl(B.heiId), { manifestUrl: manifestOf(B) });
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json<EwpPullSummary>();
    expect(found).toMatchObject({ partnerHeiId: B.heiId, manifestUrl: manifestOf(B), matches: 0, differs: 1, unmatched: 0, notFound: 0 });
    expect(Date.parse(found.pulledAt)).not.toBeNaN();

    const state = await status();
    expect(state.partnerManifestUrl).toBe(manifestOf(B));
    expect(state.copy.pulledAt).toBe(found.pulledAt);
    expect(state.copy.state).toBe('differs');
    const theirs = (await (await B.t.as('officer')).get(`/api/agreements/${B.agreementId}`)).json().studentsOutPerYear;
    expect(state.copy.differences).toEqual([{ field: 'studentsInPerYear', ours: ours.studentsInPerYear, theirs }]);

    const { rows: pulls } = await A.t.db.query<{ pulledBy: number }>(`SELECT pulled_by::int AS "pulledBy" FROM ewp_iia_pulls WHERE partner_hei_id = $1`, [B.heiId]);
    expect(pulls).toEqual([{ pulledBy: A.t.userIds.officer }]);
    const { rows: audit } = await A.t.db.query<{ entity: string; actorId: number }>(
      `SELECT entity, actor_id::int AS "actorId" FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`,
      [B.heiId, `ewp.partnerManifest.${B.heiId}`],
    );
    expect(audit).toEqual([
      { entity: 'ewp_iia_pull', actorId: A.t.userIds.officer },
      { entity: 'setting', actorId: A.t.userIds.officer },
    ]);
    // what is kept for the partner is not one of the office's settings
    const settings = await officer.get('/api/settings');
    expect(settings.statusCode).toBe(200);
    expect(settings.json().map((s: { key: string }) => s.key)).not.toContain(`ewp.partnerManifest.${B.heiId}`);
  });

  it('pulls again without a manifest, from the one kept; the agreement itself is unchanged', async () => {
    const admin = await A.t.as('admin');
    const before = (await admin.get(`/api/agreements/${A.agreementId}`)).json();
    const response = await admin.post(pullUrl(B.heiId), {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ manifestUrl: manifestOf(B), differs: 1 });
    expect((await admin.get(`/api/agreements/${A.agreementId}`)).json().version).toBe(before.version);
    const { rows } = await A.t.db.query<{ pulledBy: number }>(`SELECT pulled_by::int AS "pulledBy" FROM ewp_iia_pulls WHERE partner_hei_id = $1`, [B.heiId]);
    expect(rows).toEqual([{ pulledBy: A.t.userIds.admin }]);
    // the same manifest again: no new setting row in the audit
    const { rows: kept } = await A.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'setting' AND entity_id = $1`, [`ewp.partnerManifest.${B.heiId}`]);
    expect(kept[0]!.n).toBe(1);
  });

  it('a partner the manifest does not cover: 400 naming manifestUrl and the partner', async () => {
    const response = await (await A.t.as('officer')).post(pullUrl('other.example.eu'), { manifestUrl: manifestOf(B) });
    expect(response.statusCode, response.body).toBe(400);
    const [field] = response.json().error.fields;
    expect(field.field).toBe('manifestUrl');
    expect(field.message).toContain(reasonWords('ewp_no_iias_api', 'en'));
    expect(field.message).toContain('other.example.eu');
  });

  it('a SCHAC code that is not one: 400 naming heiId', async () => {
    const response = await (await A.t.as('officer')).post(pullUrl('not_a_schac'), { manifestUrl: manifestOf(B) });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['heiId']);
  });
});
