import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { ewpSchemaErrors } from '../test/ewp-schemas.ts';
import { independentlyVerified } from '../test/independent-httpsig.ts';
import { describePublicKey } from '../interop/ewp/ewp-key.ts';
import { signRequest, verifyResponse } from '../interop/ewp/http-signature.ts';
import { MAX_INSTITUTION_HEI_IDS } from '../interop/ewp/ewp-institutions.ts';
import { MAX_OUNIT_CODES, MAX_OUNIT_IDS } from '../interop/ewp/ewp-ounits.ts';
import { MAX_FACTSHEET_HEI_IDS } from '../interop/ewp/ewp-factsheet.ts';
import type { EwpFactsheetInput } from '../../shared/contracts/ewp-factsheet.ts';

const ERROR_XSD = 'ewp-specs-architecture-v1.16.0/common-types.xsd';
const INSTITUTIONS_XSD = 'ewp-specs-api-institutions-v2.2.0/response.xsd';
const OUNITS_XSD = 'ewp-specs-api-ounits-v2.1.1/response.xsd';
const FACTSHEET_XSD = 'ewp-specs-api-factsheet-v1.2.0/response.xsd';
const OURS = 'shsmu.edu.cn';

let t: TestServer;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const partner = { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ...describePublicKey(publicKey) };

const contact = (name: string) => ({ email: `${name}@shsmu.edu.cn`, phone: '+862163846590', url: `https://www.shsmu.edu.cn/${name}` });
const FACTSHEET: EwpFactsheetInput = {
  nominations: { autumn: '04-15', spring: '10-31' },
  applications: { autumn: '05-15', spring: '11-30' },
  applicationInfo: contact('apply'),
  decisionWeeks: 4,
  torWeeks: 5,
  housing: contact('housing'),
  visa: contact('visa'),
  insurance: contact('insurance'),
  additionalRequirements: [{ name: 'HSK 4 & English B2', details: 'Courses are taught in Chinese <or> English', url: 'https://www.shsmu.edu.cn/language' }],
  accessibility: [{ type: 'service', name: 'Disability support', description: 'Accompanied campus visits', contact: contact('access') }],
  additionalInfo: [{ type: 'Recognition', contact: contact('recognition') }],
};

const setting = async (key: string, value: unknown, role: 'admin' | 'officer' | 'coordinatorA' = 'admin') => {
  const client = await t.as(role);
  const current = (await client.get('/api/settings')).json().find((s: { key: string }) => s.key === key);
  return client.patch(`/api/settings/${key}`, { value, version: current.version });
};

/** A signed call by the partner, by GET (query) or POST (form body), asking for a signed answer. */
const call = async (path: string, query: string, method: 'GET' | 'POST' = 'GET') => {
  const url = method === 'GET' && query ? `${path}?${query}` : path;
  const body = method === 'POST' ? query : '';
  const headers = signRequest({ method, path: url, host: 'localhost:80', body, keyId: partner.keyId, privateKeyPem: partner.privateKeyPem, headers: { 'accept-signature': 'rsa-sha256', ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) } });
  const response = await t.app.inject({ method, url, headers, ...(method === 'POST' ? { payload: body } : {}) });
  return { response, headers };
};

const valid = async (body: string, xsd: string) => expect(await ewpSchemaErrors(body, xsd), body).toBe('');

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.as('admin');
  expect((await admin.post('/api/ewp/partner-keys', { heiId: 'uw.edu.pl', publicKey: partner.publicKeyPem })).statusCode).toBe(201);
  // the school as the demo names it: official names in three languages
  const root = (await admin.get(`/api/units/${t.units.root}`)).json();
  const named = await admin.patch(`/api/units/${t.units.root}`, { version: root.version, nameFr: 'Unité ROOT', officialNameEn: 'Shanghai Jiao Tong University School of Medicine', officialNameZh: '上海交通大学医学院', officialNameFr: 'École de médecine de l’Université Jiao Tong de Shanghai' });
  expect(named.statusCode, named.body).toBe(200);
  expect((await setting('ewp.enabled', true)).statusCode).toBe(200);
  expect((await setting('ewp.heiId', OURS)).statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('EWP Institutions 2.2.0', () => {
  it('describes our institution by GET and by POST: names in en, zh-Hans and fr, the units tree, valid against the XSD', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const { response } = await call('/ewp/institutions', `hei_id=${OURS}`, method);
      expect(response.statusCode, response.body).toBe(200);
      await valid(response.body, INSTITUTIONS_XSD);
      expect(response.body).toContain(`<hei-id>${OURS}</hei-id>`);
      expect(response.body).toContain('<name xml:lang="en">Shanghai Jiao Tong University School of Medicine</name>');
      expect(response.body).toContain('<name xml:lang="zh-Hans">上海交通大学医学院</name>');
      expect(response.body).toContain('<name xml:lang="fr">École de médecine de l’Université Jiao Tong de Shanghai</name>');
      expect(response.body).toContain(`<root-ounit-id>${t.units.root}</root-ounit-id>`);
      const ounitIds = [...response.body.matchAll(/<ounit-id>(\d+)<\/ounit-id>/g)].map((m) => Number(m[1]));
      expect(ounitIds[0]).toBe(t.units.root);
      expect([...ounitIds].sort((a, b) => a - b)).toEqual(Object.values(t.units).sort((a, b) => a - b));
      // no logo nor contact until the office gives them
      expect(response.body).not.toContain('logo-url');
      expect(response.body).not.toContain('contact');
    }
  });

  it('gives the logo and the application contact once the office has set them', async () => {
    expect((await setting('ewp.logoUrl', 'https://www.shsmu.edu.cn/logo.svg')).statusCode).toBe(200);
    expect((await setting('ewp.factsheet', FACTSHEET)).statusCode).toBe(200);
    const { response } = await call('/ewp/institutions', `hei_id=${OURS}`);
    expect(response.statusCode).toBe(200);
    await valid(response.body, INSTITUTIONS_XSD);
    expect(response.body).toContain('<logo-url>https://www.shsmu.edu.cn/logo.svg</logo-url>');
    expect(response.body).toMatch(/<c:contact[\s>][\s\S]*<c:email>apply@shsmu\.edu\.cn<\/c:email>/);
  });

  it('ignores institutions it does not cover (200, empty) and answers ours among them', async () => {
    const { response: none } = await call('/ewp/institutions', 'hei_id=uw.edu.pl&hei_id=unknown.example.org');
    expect(none.statusCode).toBe(200);
    await valid(none.body, INSTITUTIONS_XSD);
    expect(none.body).not.toContain('<hei>');
    const { response: mixed } = await call('/ewp/institutions', `hei_id=uw.edu.pl&hei_id=${OURS.toUpperCase()}`);
    expect(mixed.statusCode).toBe(200);
    await valid(mixed.body, INSTITUTIONS_XSD);
    expect(mixed.body.match(/<hei>/g)).toHaveLength(1);
  });

  it('refuses a missing hei_id and more than max-hei-ids with 400 and a valid <error-response>', async () => {
    const tooMany = Array.from({ length: MAX_INSTITUTION_HEI_IDS + 1 }, (_, i) => `hei_id=h${i}.example.org`).join('&');
    for (const query of ['', 'echo=1', tooMany]) {
      const { response } = await call('/ewp/institutions', query);
      expect(response.statusCode, query).toBe(400);
      await valid(response.body, ERROR_XSD);
      expect(response.body).toContain('hei_id');
    }
  });
});

describe('EWP Organizational Units 2.1.1', () => {
  it('gives units by id and by code, each with its code, names and parent, in the order asked; unknown ones ignored', async () => {
    const byId = await call('/ewp/ounits', `hei_id=${OURS}&ounit_id=${t.units.a1}&ounit_id=${t.units.root}&ounit_id=999999&ounit_id=${t.units.a1}`);
    expect(byId.response.statusCode, byId.response.body).toBe(200);
    await valid(byId.response.body, OUNITS_XSD);
    expect([...byId.response.body.matchAll(/<ounit-id>(\d+)<\/ounit-id>/g)].map((m) => Number(m[1]))).toEqual([t.units.a1, t.units.root]);
    expect(byId.response.body).toMatch(new RegExp(`<ounit-id>${t.units.a1}</ounit-id>\\s*<ounit-code>A1</ounit-code>\\s*<name xml:lang="en">Unit A1</name>\\s*<name xml:lang="zh-Hans">单位A1</name>\\s*<parent-ounit-id>${t.units.a}</parent-ounit-id>`));
    // the root has no parent
    expect(byId.response.body).toMatch(new RegExp(`<ounit-code>ROOT</ounit-code>(?:(?!</ounit>)[\\s\\S])*<name xml:lang="fr">`));
    expect(byId.response.body.split('<ounit>')[2]).not.toContain('parent-ounit-id');

    const byCode = await call('/ewp/ounits', `hei_id=${OURS}&ounit_code=B&ounit_code=A&ounit_code=NOPE`, 'POST');
    expect(byCode.response.statusCode).toBe(200);
    await valid(byCode.response.body, OUNITS_XSD);
    expect([...byCode.response.body.matchAll(/<ounit-code>([^<]+)<\/ounit-code>/g)].map((m) => m[1])).toEqual(['B', 'A']);

    const unknown = await call('/ewp/ounits', `hei_id=${OURS}&ounit_id=nothing`);
    expect(unknown.response.statusCode).toBe(200);
    await valid(unknown.response.body, OUNITS_XSD);
    expect(unknown.response.body).not.toContain('<ounit>');
  });

  it('refuses with 400: no hei_id, hei_id twice or not ours, both or neither of ounit_id and ounit_code, too many', async () => {
    const cases: Array<[string, RegExp]> = [
      [`ounit_id=${t.units.a}`, /hei_id/],
      [`hei_id=${OURS}&hei_id=${OURS}&ounit_id=${t.units.a}`, /hei_id/],
      [`hei_id=uw.edu.pl&ounit_id=${t.units.a}`, /not covered/],
      [`hei_id=${OURS}&ounit_id=${t.units.a}&ounit_code=A`, /not both/],
      [`hei_id=${OURS}`, /ounit_id or the ounit_code/],
      [`hei_id=${OURS}&${Array.from({ length: MAX_OUNIT_IDS + 1 }, (_, i) => `ounit_id=${i}`).join('&')}`, /ounit_id/],
      [`hei_id=${OURS}&${Array.from({ length: MAX_OUNIT_CODES + 1 }, (_, i) => `ounit_code=C${i}`).join('&')}`, /ounit_code/],
    ];
    for (const [query, reason] of cases) {
      const { response } = await call('/ewp/ounits', query);
      expect(response.statusCode, query).toBe(400);
      await valid(response.body, ERROR_XSD);
      expect(response.body).toMatch(reason);
    }
  });
});

describe('EWP Factsheet 1.2.0', () => {
  it('gives the office factsheet for our institution, signed as asked, valid against the XSD', async () => {
    const { response, headers } = await call('/ewp/factsheet', `hei_id=${OURS}&hei_id=uw.edu.pl`);
    expect(response.statusCode, response.body).toBe(200);
    await valid(response.body, FACTSHEET_XSD);
    expect(response.body.match(/<factsheet>/g)).toHaveLength(1);
    expect(response.body).toMatch(/<student-nominations>\s*<autumn-term>--04-15<\/autumn-term>\s*<spring-term>--10-31<\/spring-term>/);
    expect(response.body).toMatch(/<housing-info>\s*<email>housing@shsmu\.edu\.cn<\/email>\s*<p:phone-number[^>]*>\s*<p:e164>\+862163846590<\/p:e164>/);
    expect(response.body).toContain('Courses are taught in Chinese &lt;or&gt; English');
    expect(response.body).toContain(`<decision-weeks-limit>${FACTSHEET.decisionWeeks}</decision-weeks-limit>`);
    const ours = (await (await t.as('admin')).get('/api/ewp/key')).json();
    const requestSignature = /signature="([^"]*)"/.exec(headers.authorization!)![1]!;
    expect(verifyResponse({ headers: response.headers as Record<string, string>, body: response.rawPayload }, { publicKeyPem: ours.publicKeyPem, keyId: ours.keyId, requestId: headers['x-request-id']!, requestSignature })).toBeNull();
    expect(independentlyVerified({ headers: response.headers as Record<string, string> }, ['date', 'digest', 'x-request-id', 'x-request-signature'], ours.publicKeyPem)).toBe(true);
  });

  it('ignores other institutions, and ours while the office has no factsheet (200, empty); 400 for no or too many hei_id', async () => {
    const other = await call('/ewp/factsheet', 'hei_id=uw.edu.pl', 'POST');
    expect(other.response.statusCode).toBe(200);
    await valid(other.response.body, FACTSHEET_XSD);
    expect(other.response.body).not.toContain('<factsheet>');
    for (const query of ['', Array.from({ length: MAX_FACTSHEET_HEI_IDS + 1 }, (_, i) => `hei_id=h${i}.example.org`).join('&')]) {
      const { response } = await call('/ewp/factsheet', query);
      expect(response.statusCode, query).toBe(400);
      await valid(response.body, ERROR_XSD);
    }
    expect((await setting('ewp.factsheet', null)).statusCode).toBe(200);
    const unset = await call('/ewp/factsheet', `hei_id=${OURS}`);
    expect(unset.response.statusCode).toBe(200);
    await valid(unset.response.body, FACTSHEET_XSD);
    expect(unset.response.body).not.toContain('<factsheet>');
    expect((await setting('ewp.factsheet', FACTSHEET)).statusCode).toBe(200);
  });

  it('keeps a bad factsheet out with the field and reason in the caller’s language, and lets only the office change it', async () => {
    const admin = await t.as('admin');
    const before = (await admin.get('/api/settings')).json().find((s: { key: string }) => s.key === 'ewp.factsheet');
    const bad = { ...FACTSHEET, nominations: { autumn: '02-30', spring: '10-31' }, visa: { ...contact('visa'), phone: '021 6384 6590' } };
    const refused = await admin.patch('/api/settings/ewp.factsheet', { value: bad, version: before.version }, { 'accept-language': 'fr' });
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['value.nominations.autumn', 'value.visa.phone']));
    expect(error.message).toContain("n'a pas le bon format");
    const after = (await admin.get('/api/settings')).json().find((s: { key: string }) => s.key === 'ewp.factsheet');
    expect(after.version).toBe(before.version);
    expect((await setting('ewp.logoUrl', 'http://insecure.example.org/logo.png')).statusCode).toBe(400);
    expect((await setting('ewp.factsheet', null, 'coordinatorA')).statusCode).toBe(403);
  });

  it('is listed in the Discovery manifest with Institutions and OUnits: versions, URLs, limits, HTTP Signatures', async () => {
    const manifest = await t.app.inject({ method: 'GET', url: '/ewp/manifest.xml' });
    expect(manifest.statusCode).toBe(200);
    await valid(manifest.body, '_local/manifest-with-entries.xsd');
    expect(manifest.body).toMatch(new RegExp(`<institutions[^>]*version="2\\.2\\.0"[\\s\\S]*?ewp-specs-sec-cliauth-httpsig[\\s\\S]*?<url>https://[^<]+/ewp/institutions</url>\\s*<max-hei-ids>${MAX_INSTITUTION_HEI_IDS}</max-hei-ids>`));
    expect(manifest.body).toMatch(new RegExp(`<organizational-units[^>]*version="2\\.1\\.1"[\\s\\S]*?<url>https://[^<]+/ewp/ounits</url>\\s*<max-ounit-ids>${MAX_OUNIT_IDS}</max-ounit-ids>\\s*<max-ounit-codes>${MAX_OUNIT_CODES}</max-ounit-codes>`));
    expect(manifest.body).toMatch(new RegExp(`<factsheet[^>]*version="1\\.2\\.0"[\\s\\S]*?<url>https://[^<]+/ewp/factsheet</url>\\s*<max-hei-ids>${MAX_FACTSHEET_HEI_IDS}</max-hei-ids>`));
  });

  it('refuses unsigned and unknown callers, and answers nothing once EWP is off', async () => {
    for (const path of ['/ewp/institutions', '/ewp/ounits', '/ewp/factsheet']) {
      const unsigned = await t.app.inject({ method: 'GET', url: `${path}?hei_id=${OURS}` });
      expect(unsigned.statusCode, path).toBe(401);
      await valid(unsigned.body, ERROR_XSD);
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const stranger = describePublicKey(other.publicKey);
      const url = `${path}?hei_id=${OURS}`;
      const foreign = await t.app.inject({ method: 'GET', url, headers: signRequest({ method: 'GET', path: url, host: 'localhost:80', keyId: stranger.keyId, privateKeyPem: other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }) });
      expect(foreign.statusCode, path).toBe(403);
      await valid(foreign.body, ERROR_XSD);
    }
    expect((await setting('ewp.enabled', false)).statusCode).toBe(200);
    for (const path of ['/ewp/institutions', '/ewp/ounits', '/ewp/factsheet']) {
      const { response } = await call(path, `hei_id=${OURS}&ounit_code=A`);
      expect(response.statusCode, path).toBe(404);
      await valid(response.body, ERROR_XSD);
    }
    expect((await setting('ewp.enabled', true)).statusCode).toBe(200);
  });
});
