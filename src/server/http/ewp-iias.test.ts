import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { agreementBody, institutionBody } from '../test/factories.ts';
import { ewpSchemaErrors } from '../test/ewp-schemas.ts';
import { describePublicKey } from '../interop/ewp/ewp-key.ts';
import { signRequest } from '../interop/ewp/http-signature.ts';
import { iiaElements, iiaHash } from '../interop/ewp/ewp-iias.ts';
import { MAX_IIA_IDS } from '../interop/ewp/ewp-iias.answers.ts';
import type { AgreementInput } from '../../shared/contracts/agreements.ts';

const XSD = {
  get: 'ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd',
  index: 'ewp-specs-api-iias-v7.0.0/endpoints/index-response.xsd',
  stats: 'ewp-specs-api-iias-v7.0.0/endpoints/stats-response.xsd',
  error: 'ewp-specs-architecture-v1.16.0/common-types.xsd',
};
const OURS = 'shsmu.edu.cn';
const WARSAW = 'uw.edu.pl';
const LEUVEN = 'kuleuven.be';

let t: TestServer;
const keyFor = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ...describePublicKey(publicKey) };
};
const warsawKey = keyFor();
const leuvenKey = keyFor();

/** Our agreements, by what each shows. */
const NAMES = ['studies', 'training', 'approvedOnly', 'terminated', 'noLanguage', 'noPurpose', 'openEnded', 'draft', 'comprehensive', 'twoPartners', 'noCode', 'leuven'] as const;
const ids = {} as Record<(typeof NAMES)[number], number>;

const PATH = { approved: ['under_review', 'approved'], signed: ['under_review', 'approved', 'signed'], active: ['under_review', 'approved', 'signed', 'active'], terminated: ['under_review', 'approved', 'signed', 'terminated'] } as const;

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.as('admin');
  const officer = await t.as('officer');
  expect((await admin.post('/api/ewp/partner-keys', { heiId: WARSAW, publicKey: warsawKey.publicKeyPem })).statusCode).toBe(201);
  expect((await admin.post('/api/ewp/partner-keys', { heiId: LEUVEN, publicKey: leuvenKey.publicKeyPem })).statusCode).toBe(201);
  for (const [key, value] of [['ewp.enabled', true], ['ewp.heiId', OURS]] as const) {
    const current = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === key);
    expect((await officer.patch(`/api/settings/${key}`, { value, version: current.version })).statusCode).toBe(200);
  }
  const institution = async (schac: string | null) => (await officer.post('/api/institutions', institutionBody(schac ? { schac } : {}))).json().id as number;
  const warsaw = await institution(WARSAW);
  const leuven = await institution(LEUVEN);
  const noCode = await institution(null);
  const agreement = async (name: (typeof NAMES)[number], partners: number[], status: keyof typeof PATH | 'draft', overrides: Partial<AgreementInput>) => {
    let row = (await officer.post('/api/agreements', agreementBody(partners, { kind: 'student_exchange', ourSignatory: '陈 国强', partnerSignatory: 'Anna Nowak', ...overrides }))).json();
    expect(row.id, JSON.stringify(row)).toBeTypeOf('number');
    for (const to of status === 'draft' ? [] : PATH[status]) {
      const response = await officer.post(`/api/agreements/${row.id}/transitions`, { to, on: to === 'terminated' ? '2025-12-01' : overrides.effectiveOn, version: row.version });
      expect(response.statusCode, `${name} ${to}: ${response.body}`).toBe(200);
      row = response.json();
    }
    ids[name] = row.id;
  };
  const studies: Partial<AgreementInput> = { studentMobility: 'studies', languageSkills: ['en B2', 'pl'], effectiveOn: '2024-09-01', expiresOn: '2027-08-31' };
  await agreement('studies', [warsaw], 'active', { ...studies, studentsOutPerYear: 3, studentsInPerYear: 2, staffOutPerYear: 1, staffMobility: 'teaching' });
  await agreement('training', [warsaw], 'signed', { kind: 'staff_exchange', staffMobility: 'training', staffInPerYear: 2, effectiveOn: '2021-03-01', expiresOn: '2022-06-30' });
  await agreement('approvedOnly', [warsaw], 'approved', { ...studies, studentsOutPerYear: 1 });
  await agreement('terminated', [warsaw], 'terminated', { ...studies, studentsOutPerYear: 1 });
  await agreement('noLanguage', [warsaw], 'active', { ...studies, languageSkills: [], studentsOutPerYear: 2 });
  await agreement('noPurpose', [warsaw], 'active', { ...studies, studentMobility: null, studentsOutPerYear: 2 });
  await agreement('openEnded', [warsaw], 'active', { ...studies, expiresOn: null, studentsOutPerYear: 2 });
  await agreement('draft', [warsaw], 'draft', { ...studies, studentsOutPerYear: 2 });
  await agreement('comprehensive', [warsaw], 'active', { ...studies, kind: 'comprehensive', studentsOutPerYear: 2 });
  await agreement('twoPartners', [warsaw, leuven], 'active', { ...studies, studentsOutPerYear: 2 });
  await agreement('noCode', [noCode], 'active', { ...studies, studentsOutPerYear: 2 });
  await agreement('leuven', [leuven], 'active', { ...studies, studentsInPerYear: 4 });
  expect(Object.keys(ids).sort()).toEqual([...NAMES].sort());
});
afterAll(async () => t?.close());

/** A signed call by a partner's key: GET with a query, or POST with a form body. */
const call = (path: string, options: { key?: typeof warsawKey; body?: string } = {}) => {
  const key = options.key ?? warsawKey;
  const method = options.body === undefined ? 'GET' : 'POST';
  const headers = signRequest({
    method,
    path,
    host: 'localhost:80',
    body: options.body ?? '',
    keyId: key.keyId,
    privateKeyPem: key.privateKeyPem,
    headers: options.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
  });
  return t.app.inject({ method, url: path, headers, ...(options.body !== undefined ? { payload: options.body } : {}) });
};
const listed = (xml: string) => [...xml.matchAll(/<iia-id>([^<]+)<\/iia-id>/g)].map((m) => Number(m[1]));
const query = (name: string, values: readonly (string | number)[]) => values.map((v) => `${name}=${encodeURIComponent(String(v))}`).join('&');

describe('IIAs 7.0.0 at /ewp/iias', () => {
  it('index: the exchange agreements a partner is party to that can be published without guessing, valid against the schema', async () => {
    const answer = await call('/ewp/iias/index');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(await ewpSchemaErrors(answer.body, XSD.index)).toBe('');
    expect(listed(answer.body).sort((a, b) => a - b)).toEqual([ids.studies, ids.training, ids.approvedOnly, ids.terminated].sort((a, b) => a - b));
    const leuven = await call('/ewp/iias/index', { key: leuvenKey });
    expect(listed(leuven.body)).toEqual([ids.leuven]);
  });

  it('index: narrowed by receiving academic years (any of them), by partner, and by POST alike', async () => {
    const byYear = async (...years: string[]) => listed((await call(`/ewp/iias/index?${query('receiving_academic_year_id', years)}`)).body);
    expect(await byYear('2021/2022')).toEqual([ids.training]);
    expect((await byYear('2025/2026')).sort()).toEqual([ids.studies, ids.approvedOnly, ids.terminated].sort());
    expect((await byYear('2021/2022', '2026/2027')).sort()).toEqual([ids.studies, ids.training, ids.approvedOnly].sort());
    expect(await byYear('1999/2000')).toEqual([]);
    const posted = await call('/ewp/iias/index', { body: query('receiving_academic_year_id', ['2020/2021']) });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(listed(posted.body)).toEqual([ids.training]);
    expect(listed((await call(`/ewp/iias/index?partner_hei_id=${LEUVEN}`)).body)).toEqual([]);
    expect(listed((await call(`/ewp/iias/index?partner_hei_id=${WARSAW}`)).body)).toHaveLength(4);
  });

  it('index: modified_since lists what changed after it, the agreement or its partner', async () => {
    const { rows } = await t.db.query<{ now: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now`);
    const since = rows[0]!.now;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(listed((await call(`/ewp/iias/index?modified_since=${encodeURIComponent(since)}`)).body)).toEqual([]);
    const officer = await t.as('officer');
    const training = (await officer.get(`/api/agreements/${ids.training}`)).json();
    expect((await officer.patch(`/api/agreements/${ids.training}`, { notes: 'renewal talks', version: training.version })).statusCode).toBe(200);
    expect(listed((await call(`/ewp/iias/index?modified_since=${encodeURIComponent(since)}`)).body)).toEqual([ids.training]);
    expect(listed((await call(`/ewp/iias/index?modified_since=2000-01-01T00:00:00%2B08:00`)).body)).toHaveLength(4);
  });

  it('get: the IIAs asked for, in the order asked, unknown ids and other partners\' agreements ignored; valid, with their own hash', async () => {
    const asked = [ids.training, ids.studies, ids.leuven, ids.noLanguage, ids.draft, 999999999, 'not-an-id'];
    const answer = await call(`/ewp/iias/get?${query('iia_id', asked)}`);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(await ewpSchemaErrors(answer.body, XSD.get)).toBe('');
    const served = iiaElements(answer.body);
    expect(served).toHaveLength(2);
    expect([...answer.body.matchAll(/<iia-hash>([0-9a-f]{64})<\/iia-hash>/g)].map((m) => m[1])).toEqual(served.map(iiaHash));
    const [training, studies] = answer.body.split('<iia>').slice(1);
    expect(training).toContain(`<iia-id>${ids.training}</iia-id>`);
    expect(training).toMatch(/<staff-training-mobility-spec>\s*<sending-hei-id>uw\.edu\.pl<\/sending-hei-id>\s*<receiving-hei-id>shsmu\.edu\.cn<\/receiving-hei-id>\s*<receiving-first-academic-year-id>2020\/2021<\/receiving-first-academic-year-id>\s*<receiving-last-academic-year-id>2021\/2022<\/receiving-last-academic-year-id>\s*<mobilities-per-year>2<\/mobilities-per-year>/);
    // ours first, with our id and signatory; then the partner
    expect(studies).toMatch(new RegExp(`<partner>\\s*<hei-id>${OURS}</hei-id>\\s*<iia-id>${ids.studies}</iia-id>\\s*<iia-code>${ids.studies}</iia-code>\\s*<signing-contact>\\s*<c:contact-name>陈 国强</c:contact-name>`));
    expect(studies).toMatch(/<partner>\s*<hei-id>uw\.edu\.pl<\/hei-id>\s*<signing-contact>\s*<c:contact-name>Anna Nowak<\/c:contact-name>/);
    expect(studies).toContain('<in-effect>true</in-effect>');
    const specs = [...studies!.matchAll(/<(\w+(?:-\w+)*)-mobility-spec>\s*<sending-hei-id>([^<]+)<[\s\S]*?<mobilities-per-year>(\d+)</g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(specs).toEqual([`student-studies ${OURS} 3`, `student-studies ${WARSAW} 2`, `staff-teacher ${OURS} 1`]);
    expect(studies).toMatch(/<recommended-language-skill>\s*<language>en<\/language>\s*<cefr-level>B2<\/cefr-level>\s*<\/recommended-language-skill>\s*<recommended-language-skill>\s*<language>pl<\/language>\s*<\/recommended-language-skill>/);
    // the same agreement asked twice comes once; by POST alike
    const posted = await call('/ewp/iias/get', { body: query('iia_id', [ids.studies, ids.studies]) });
    expect(iiaElements(posted.body)).toHaveLength(1);
    expect(posted.body).toContain(iiaHash(served[1]!));
  });

  it('get: an approved agreement is not yet in effect; a terminated one is terminated as a whole, up to the day before', async () => {
    const answer = await call(`/ewp/iias/get?${query('iia_id', [ids.approvedOnly, ids.terminated])}`);
    expect(await ewpSchemaErrors(answer.body, XSD.get)).toBe('');
    const [approved, terminated] = answer.body.split('<iia>').slice(1);
    expect(approved).toContain('<in-effect>false</in-effect>');
    expect(terminated).toContain('<cooperation-conditions terminated-as-a-whole="true">');
    expect(terminated).toContain('<receiving-last-academic-year-id>2025/2026</receiving-last-academic-year-id>');
  });

  it('get: another partner reads none of ours, and its own', async () => {
    const answer = await call(`/ewp/iias/get?${query('iia_id', [ids.studies, ids.leuven])}`, { key: leuvenKey });
    expect(await ewpSchemaErrors(answer.body, XSD.get)).toBe('');
    expect(iiaElements(answer.body)).toHaveLength(1);
    expect(answer.body).toContain(`<iia-id>${ids.leuven}</iia-id>`);
    expect(iiaElements((await call(`/ewp/iias/get?iia_id=999999999`)).body)).toHaveLength(0);
  });

  it('stats: the IIAs the partner can fetch, valid; GET only', async () => {
    const answer = await call('/ewp/iias/stats');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(await ewpSchemaErrors(answer.body, XSD.stats)).toBe('');
    const index = listed((await call('/ewp/iias/index')).body);
    expect(answer.body).toContain(`<iia-fetchable>${index.length}</iia-fetchable>`);
    expect(answer.body).toContain('<iia-both-approved>0</iia-both-approved>');
    const posted = await call('/ewp/iias/stats', { body: '' });
    expect(posted.statusCode).toBe(405);
    expect(await ewpSchemaErrors(posted.body, XSD.error)).toBe('');
  });

  it('refuses bad parameters with 400 and an <error-response> naming the parameter; an unknown key with 403', async () => {
    const bad = [
      ['/ewp/iias/get', 'iia_id'],
      [`/ewp/iias/get?${query('iia_id', Array.from({ length: MAX_IIA_IDS + 1 }, (_, i) => i + 1))}`, 'iia_id'],
      ['/ewp/iias/index?receiving_academic_year_id=2024/2026', 'receiving_academic_year_id'],
      ['/ewp/iias/index?receiving_academic_year_id=2024', 'receiving_academic_year_id'],
      ['/ewp/iias/index?modified_since=yesterday', 'modified_since'],
      ['/ewp/iias/index?modified_since=2024-02-30', 'modified_since'],
    ] as const;
    for (const [path, parameter] of bad) {
      const answer = await call(path);
      expect(answer.statusCode, path).toBe(400);
      expect(await ewpSchemaErrors(answer.body, XSD.error)).toBe('');
      expect(answer.body, path).toContain(`${parameter}:`);
    }
    const stranger = keyFor();
    const refused = await call('/ewp/iias/index', { key: stranger });
    expect(refused.statusCode).toBe(403);
    expect(await ewpSchemaErrors(refused.body, XSD.error)).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/ewp/iias/get?iia_id=1' })).statusCode).toBe(401);
  });

  it('is listed in the Discovery manifest with its endpoints, max-iia-ids and HTTP Signatures; the manifest validates with its entries', async () => {
    const manifest = await t.app.inject({ method: 'GET', url: '/ewp/manifest.xml' });
    expect(manifest.statusCode).toBe(200);
    expect(await ewpSchemaErrors(manifest.body, '_local/manifest-with-entries.xsd')).toBe('');
    expect(manifest.body).toMatch(
      new RegExp(`<iias[^>]*version="7\\.0\\.0"[\\s\\S]*ewp-specs-sec-cliauth-httpsig[\\s\\S]*<get-url>https://[^<]+/ewp/iias/get</get-url>\\s*<max-iia-ids>${MAX_IIA_IDS}</max-iia-ids>\\s*<index-url>https://[^<]+/ewp/iias/index</index-url>\\s*<stats-url>https://[^<]+/ewp/iias/stats</stats-url>`),
    );
  });
});
