import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../test/harness.ts';
import { ewpSchemaErrors } from '../test/ewp-schemas.ts';
import { institutionBody, personBody } from '../test/factories.ts';
import { describePublicKey } from '../interop/ewp/ewp-key.ts';
import { signRequest } from '../interop/ewp/http-signature.ts';
import { MAX_OMOBILITY_IDS, sendingAcademicTerm } from '../interop/ewp/ewp-omobilities.ts';

// Outgoing Mobilities 3.0.0 served from applications made here through the API, each answer
// validated with xmllint against the official schemas.

const ERROR_XSD = 'ewp-specs-architecture-v1.16.0/common-types.xsd';
const GET_XSD = 'ewp-specs-api-omobilities-v3.0.0/endpoints/get-response.xsd';
const INDEX_XSD = 'ewp-specs-api-omobilities-v3.0.0/endpoints/index-response.xsd';
const OUR_HEI = 'shsmu.edu.cn';

let t: TestServer;
let officer: Client;
let serial = 0;

const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), ...describePublicKey(publicKey) };
};
const lyonKey = keyPair();
const leuvenKey = keyPair();
const PASSPORT = 'E98765432';

/** A signed request from a partner's key, by GET (query) or POST (form body). */
const call = (key: ReturnType<typeof keyPair>, path: string, query: string, method: 'GET' | 'POST' = 'GET') => {
  const url = method === 'GET' && query ? `${path}?${query}` : path;
  const body = method === 'POST' ? query : undefined;
  const headers = signRequest({ method, path: url, host: 'localhost:80', body: body ?? '', keyId: key.keyId, privateKeyPem: key.privateKeyPem, headers: body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {} });
  return t.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body } : {}) });
};
const ids = (xml: string) => [...xml.matchAll(/<omobility-id>([^<]+)<\/omobility-id>/g)].map((m) => m[1]!);
const omobilityId = async (applicationId: number) =>
  (await t.db.query<{ id: string }>(`SELECT ewp_omobility_id::text AS id FROM exchange_applications WHERE id = $1`, [applicationId])).rows[0]!.id;

async function institution(schac: string) {
  // The SCHAC code the partner is known by in EWP is the institution's `schac` (in capitals here: matched whatever the case).
  const response = await officer.post('/api/institutions', institutionBody({ nameEn: `Partner ${schac}`, countryCode: 'FR', schac: schac.toUpperCase() }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as number;
}

async function opportunity(hostInstitutionId: number, overrides: Record<string, unknown> = {}, isced = '0912') {
  const response = await officer.post('/api/exchange-opportunities', { titleEn: `Exchange ${++serial}`, kind: 'semester_exchange', hostInstitutionId, places: 5, academicYear: 2025, unitId: t.units.a, startsOn: '2025-09-01', endsOn: '2026-01-20', ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as number;
  // No form records the ISCED-F code yet (migration 0037 added the column): set as the office's SQL would.
  await t.db.query(`UPDATE exchange_opportunities SET isced_f_code = $2 WHERE id = $1`, [id, isced]);
  return id;
}

/** A student applied, selected and nominated (or further), with the nomination's ISCED and EQF recorded. */
async function nominee(opportunityId: number, options: { status?: 'submitted' | 'nominated' | 'departed' | 'withdrawn' | 'withdrawn-nominated'; person?: Record<string, unknown>; eqf?: number } = {}) {
  const person = await officer.post('/api/people', personBody({ familyName: `Li${++serial}`, givenName: 'Na', nationality: 'CN', gender: 'female', email: `li.na${serial}@students.example.cn`, birthDate: '2003-04-05', passportNumber: PASSPORT, unitId: t.units.a, ...options.person }));
  expect(person.statusCode, person.body).toBe(201);
  const application = await officer.post('/api/exchange-applications', { opportunityId, personId: person.json().id, appliedOn: '2025-03-01', score: 90 });
  expect(application.statusCode, application.body).toBe(201);
  const id = application.json().id as number;
  const status = options.status ?? 'nominated';
  const steps = { submitted: [], withdrawn: ['withdrawn'], nominated: ['selected', 'nominated'], 'withdrawn-nominated': ['selected', 'nominated', 'withdrawn'], departed: ['selected', 'nominated', 'departed'] }[status];
  for (const to of steps) {
    const current = (await officer.get(`/api/exchange-applications/${id}`)).json();
    const r = await officer.post(`/api/exchange-applications/${id}/transitions`, { to, version: current.version, ...(to === 'departed' ? { on: '2025-09-02' } : {}) });
    expect(r.statusCode, r.body).toBe(200);
  }
  await t.db.query(`UPDATE exchange_applications SET isced_f_code = '0912', eqf_level = $2 WHERE id = $1`, [id, options.eqf ?? 6]);
  return { applicationId: id, personId: person.json().id as number, omobilityId: await omobilityId(id) };
}

let lyon: number;
let leuven: number;
let lyonSemester: number;
let lyonNext: number;
let nominated: Awaited<ReturnType<typeof nominee>>;
let departed: Awaited<ReturnType<typeof nominee>>;
let nextYear: Awaited<ReturnType<typeof nominee>>;
let leuvenStudent: Awaited<ReturnType<typeof nominee>>;
let notYet: Awaited<ReturnType<typeof nominee>>;
let elective: Awaited<ReturnType<typeof nominee>>;
let noEmail: Awaited<ReturnType<typeof nominee>>;
let cancelled: Awaited<ReturnType<typeof nominee>>;
let withdrawnEarly: Awaited<ReturnType<typeof nominee>>;

beforeAll(async () => {
  t = await startTestServer();
  officer = await t.as('officer');
  const admin = await t.as('admin');
  expect((await admin.post('/api/ewp/partner-keys', { heiId: 'univ-lyon1.fr', publicKey: lyonKey.publicKeyPem })).statusCode).toBe(201);
  expect((await admin.post('/api/ewp/partner-keys', { heiId: 'kuleuven.be', publicKey: leuvenKey.publicKeyPem })).statusCode).toBe(201);
  for (const [key, value] of [['ewp.enabled', true], ['ewp.heiId', OUR_HEI]] as const) {
    const current = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === key);
    expect((await officer.patch(`/api/settings/${key}`, { value, version: current.version })).statusCode).toBe(200);
  }
  lyon = await institution('univ-lyon1.fr');
  leuven = await institution('kuleuven.be');
  lyonSemester = await opportunity(lyon);
  lyonNext = await opportunity(lyon, { academicYear: 2026, startsOn: '2027-02-15', endsOn: '2027-07-01' });
  nominated = await nominee(lyonSemester);
  departed = await nominee(lyonSemester, { status: 'departed', person: { gender: 'male' }, eqf: 7 });
  nextYear = await nominee(lyonNext);
  leuvenStudent = await nominee(await opportunity(leuven));
  notYet = await nominee(lyonSemester, { status: 'submitted' });
  elective = await nominee(await opportunity(lyon, { kind: 'clinical_elective' }));
  noEmail = await nominee(lyonSemester, { person: { email: null } });
  cancelled = await nominee(lyonSemester, { status: 'withdrawn-nominated' });
  withdrawnEarly = await nominee(lyonSemester, { status: 'withdrawn' });
});
afterAll(async () => t?.close());

describe('Outgoing Mobilities 3.0.0', () => {
  it('index: the mobilities the caller receives, nominated or later, and no others: valid index-response', async () => {
    const index = await call(lyonKey, '/ewp/omobilities/index', `sending_hei_id=${OUR_HEI}`);
    expect(index.statusCode, index.body).toBe(200);
    expect(await ewpSchemaErrors(index.body, INDEX_XSD)).toBe('');
    expect(ids(index.body).sort()).toEqual([nominated.omobilityId, departed.omobilityId, nextYear.omobilityId, cancelled.omobilityId].sort());
    // Leuven's student, one not nominated, one withdrawn before the nomination, a clinical elective (a traineeship) and one without an email are absent.
    for (const absent of [leuvenStudent, notYet, withdrawnEarly, elective, noEmail]) expect(ids(index.body)).not.toContain(absent.omobilityId);
    const leuvenIndex = await call(leuvenKey, '/ewp/omobilities/index', `sending_hei_id=${OUR_HEI}`, 'POST');
    expect(leuvenIndex.statusCode).toBe(200);
    expect(ids(leuvenIndex.body)).toEqual([leuvenStudent.omobilityId]);
  });

  it('index filters: receiving_hei_id (values OR-ed, unknown allowed), receiving_academic_year_id, modified_since, another sending institution', async () => {
    const index = async (query: string) => {
      const r = await call(lyonKey, '/ewp/omobilities/index', `sending_hei_id=${OUR_HEI}&${query}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(await ewpSchemaErrors(r.body, INDEX_XSD)).toBe('');
      return ids(r.body).sort();
    };
    const all = [nominated.omobilityId, departed.omobilityId, nextYear.omobilityId, cancelled.omobilityId].sort();
    expect(await index('receiving_hei_id=univ-lyon1.fr&receiving_hei_id=unknown.example.org')).toEqual(all);
    // The caller may name another receiving institution: it still sees only its own students.
    expect(await index('receiving_hei_id=kuleuven.be')).toEqual([]);
    expect(await index('receiving_hei_id=unknown.example.org')).toEqual([]);
    expect(await index('receiving_academic_year_id=2026%2F2027')).toEqual([nextYear.omobilityId]);
    expect(await index('receiving_academic_year_id=2025%2F2026')).toEqual([nominated.omobilityId, departed.omobilityId, cancelled.omobilityId].sort());
    const { rows } = await t.db.query<{ now: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now`);
    expect(await index(`modified_since=${encodeURIComponent(rows[0]!.now)}`)).toEqual([]);
    // A change to the student counts as a change to the mobility.
    const person = (await officer.get(`/api/people/${departed.personId}`)).json();
    expect((await officer.patch(`/api/people/${departed.personId}`, { givenName: 'Lei', version: person.version })).statusCode).toBe(200);
    expect(await index(`modified_since=${encodeURIComponent(rows[0]!.now)}`)).toEqual([departed.omobilityId]);
    expect(await index('modified_since=2000-01-01T00:00:00%2B01:00')).toEqual(all);
    const other = await call(lyonKey, '/ewp/omobilities/index', 'sending_hei_id=other.example.org');
    expect(other.statusCode).toBe(200);
    expect(ids(other.body)).toEqual([]);
  });

  it('get: each mobility as the spec shapes it, from the records, without a passport: valid get-response', async () => {
    const r = await call(lyonKey, '/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&omobility_id=${nominated.omobilityId}&omobility_id=${departed.omobilityId}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(await ewpSchemaErrors(r.body, GET_XSD)).toBe('');
    expect(ids(r.body).sort()).toEqual([nominated.omobilityId, departed.omobilityId].sort());
    const one = (await call(lyonKey, '/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&omobility_id=${departed.omobilityId}`, 'POST')).body;
    expect(await ewpSchemaErrors(one, GET_XSD)).toBe('');
    const person = (await officer.get(`/api/people/${departed.personId}`)).json();
    expect(one).toContain(`<family-name>${person.familyName}</family-name>`);
    expect(one).toContain(`<given-names>${person.givenName}</given-names>`);
    expect(one).toContain(`<birth-date>${person.birthDate}</birth-date>`);
    expect(one).toContain(`<email>${person.email}</email>`);
    expect(one).toContain('<nationality>CN</nationality>');
    expect(one).toContain('<gender>1</gender>');
    expect(one).toContain(`<global-id>urn:schac:personalUniqueCode:int:esi:${OUR_HEI}:${departed.personId}</global-id>`);
    expect(one).toMatch(new RegExp(`<sending-hei>\\s*<hei-id>${OUR_HEI}</hei-id>\\s*<ounit-id>${t.units.a}</ounit-id>`));
    expect(one).toMatch(/<receiving-hei>\s*<hei-id>univ-lyon1\.fr<\/hei-id>/);
    expect(one).toContain(`<sending-academic-term-ewp-id>${sendingAcademicTerm('2025-09-02', '2026-01-20')}</sending-academic-term-ewp-id>`);
    expect(one).toContain('<receiving-academic-year-id>2025/2026</receiving-academic-year-id>');
    expect(one).toContain('<activity-attributes>long-term</activity-attributes>');
    expect(one).toContain('<eqf-level-studied-at-departure>7</eqf-level-studied-at-departure>');
    expect(one).toContain('<status>approved</status>');
    expect(r.body).toContain('<status>pending</status>');
    const withdrawn = (await call(lyonKey, '/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&omobility_id=${cancelled.omobilityId}&omobility_id=${withdrawnEarly.omobilityId}`)).body;
    expect(await ewpSchemaErrors(withdrawn, GET_XSD)).toBe('');
    expect(ids(withdrawn)).toEqual([cancelled.omobilityId]);
    expect(withdrawn).toContain('<status>cancelled</status>');
    for (const body of [r.body, one]) {
      expect(body).not.toContain(PASSPORT);
      expect(body).not.toMatch(/passport/i);
    }
  });

  it('get: the proposal id changes when the nomination does, and only then', async () => {
    const proposal = async () => /proposal-id="([0-9a-f]+)"/.exec((await call(lyonKey, '/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&omobility_id=${nominated.omobilityId}`)).body)?.[1];
    const before = await proposal();
    expect(before).toBeTruthy();
    // the student's email is no part of the nomination
    const person = (await officer.get(`/api/people/${nominated.personId}`)).json();
    expect((await officer.patch(`/api/people/${nominated.personId}`, { email: `changed${serial}@students.example.cn`, version: person.version })).statusCode).toBe(200);
    expect(await proposal()).toBe(before);
    await t.db.query(`UPDATE exchange_applications SET eqf_level = 7 WHERE id = $1`, [nominated.applicationId]);
    const after = await proposal();
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });

  it('get: an id the caller may not see, an unknown one or one of another sending institution is left out, not refused', async () => {
    const leuvenAsksLyons = await call(leuvenKey, '/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&omobility_id=${nominated.omobilityId}&omobility_id=${leuvenStudent.omobilityId}&omobility_id=not-a-uuid`);
    expect(leuvenAsksLyons.statusCode).toBe(200);
    expect(await ewpSchemaErrors(leuvenAsksLyons.body, GET_XSD)).toBe('');
    expect(ids(leuvenAsksLyons.body)).toEqual([leuvenStudent.omobilityId]);
    expect(leuvenAsksLyons.body).not.toContain((await officer.get(`/api/people/${nominated.personId}`)).json().familyName);
    const hidden = await call(lyonKey, '/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&omobility_id=${notYet.omobilityId}&omobility_id=${elective.omobilityId}&omobility_id=${noEmail.omobilityId}`);
    expect(ids(hidden.body)).toEqual([]);
    const elsewhere = await call(lyonKey, '/ewp/omobilities/get', `sending_hei_id=other.example.org&omobility_id=${nominated.omobilityId}`);
    expect(elsewhere.statusCode).toBe(200);
    expect(ids(elsewhere.body)).toEqual([]);
  });

  it('refuses bad parameters with 400 naming the parameter, an unknown caller with 403, an unsigned one with 401', async () => {
    const tooMany = Array.from({ length: MAX_OMOBILITY_IDS + 1 }, (_, i) => `omobility_id=id${i}`).join('&');
    const cases: Array<[string, string, string]> = [
      ['/ewp/omobilities/get', `omobility_id=${nominated.omobilityId}`, 'sending_hei_id'],
      ['/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}`, 'omobility_id'],
      ['/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&${tooMany}`, 'omobility_id'],
      ['/ewp/omobilities/get', `sending_hei_id=${OUR_HEI}&sending_hei_id=x.org&omobility_id=${nominated.omobilityId}`, 'sending_hei_id'],
      ['/ewp/omobilities/index', '', 'sending_hei_id'],
      ['/ewp/omobilities/index', `sending_hei_id=${OUR_HEI}&receiving_academic_year_id=2025`, 'receiving_academic_year_id'],
      ['/ewp/omobilities/index', `sending_hei_id=${OUR_HEI}&modified_since=yesterday`, 'modified_since'],
    ];
    for (const [path, query, parameter] of cases) {
      const r = await call(lyonKey, path, query);
      expect(r.statusCode, `${path}?${query}`).toBe(400);
      expect(await ewpSchemaErrors(r.body, ERROR_XSD)).toBe('');
      expect(r.body).toContain(parameter);
    }
    const stranger = keyPair();
    const unknown = await call(stranger, '/ewp/omobilities/index', `sending_hei_id=${OUR_HEI}`);
    expect(unknown.statusCode).toBe(403);
    expect(await ewpSchemaErrors(unknown.body, ERROR_XSD)).toBe('');
    expect((await t.app.inject({ method: 'GET', url: `/ewp/omobilities/get?sending_hei_id=${OUR_HEI}&omobility_id=${nominated.omobilityId}` })).statusCode).toBe(401);
    const update = await call(lyonKey, '/ewp/omobilities/update', 'x=1', 'POST');
    expect(update.statusCode).toBe(400);
    expect(await ewpSchemaErrors(update.body, ERROR_XSD)).toBe('');
  });

  it('is listed in the Discovery manifest with its endpoints and max-omobility-ids, and the manifest validates', async () => {
    const manifest = await t.app.inject({ method: 'GET', url: '/ewp/manifest.xml' });
    expect(manifest.statusCode).toBe(200);
    expect(await ewpSchemaErrors(manifest.body, '_local/manifest-with-entries.xsd')).toBe('');
    expect(manifest.body).toMatch(/<omobilities[^>]*version="3\.0\.0"[\s\S]*<get-url>https:\/\/[^<]+\/ewp\/omobilities\/get<\/get-url>\s*<index-url>[^<]+\/ewp\/omobilities\/index<\/index-url>\s*<update-url>[^<]+<\/update-url>/);
    expect(manifest.body).toContain(`<max-omobility-ids>${MAX_OMOBILITY_IDS}</max-omobility-ids>`);
  });
});

describe('sendingAcademicTerm', () => {
  it('names our term from the stay’s dates: autumn, spring, the whole year', () => {
    expect(sendingAcademicTerm('2025-09-01', '2026-01-20')).toBe('2025/2026-1/2');
    expect(sendingAcademicTerm('2026-02-20', '2026-07-01')).toBe('2025/2026-2/2');
    expect(sendingAcademicTerm('2025-09-01', '2026-06-30')).toBe('2025/2026-1/1');
    expect(sendingAcademicTerm('2026-01-05', null)).toBe('2025/2026-1/2');
  });
});
