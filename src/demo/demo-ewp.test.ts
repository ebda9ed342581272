import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/client.ts';
import type { App } from '../server/http/context.ts';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { createCipher } from '../server/security/personal-data.ts';
import { openDemoDatabase } from '../server/test/demo-database.ts';
import { ewpSchemaErrors } from '../server/test/ewp-schemas.ts';
import { ewpHostSettings } from '../server/modules/settings/settings.service.ts';
import { MANIFEST_XSD } from '../server/interop/ewp/ewp-schema-files.ts';
import { systemContext } from '../server/core/request-context.ts';
import { parseOrThrow } from '../server/core/errors.ts';
import { addPartnerKey } from '../server/interop/ewp/partner-keys.service.ts';
import { describePublicKey } from '../server/interop/ewp/ewp-key.ts';
import { signRequest } from '../server/interop/ewp/http-signature.ts';
import { PartnerKeyInput } from '../shared/contracts/ewp.ts';
import { DEMO_HEI_ID } from './demo-ewp.ts';
import { DEMO_SCHAC_CODES } from './demo-partners.ts';
import { EWP_DATA_APIS } from '../shared/contracts/ewp.ts';

const XSD = {
  iiasIndex: 'ewp-specs-api-iias-v7.0.0/endpoints/index-response.xsd',
  iiasGet: 'ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd',
  omobilitiesIndex: 'ewp-specs-api-omobilities-v3.0.0/endpoints/index-response.xsd',
  omobilitiesGet: 'ewp-specs-api-omobilities-v3.0.0/endpoints/get-response.xsd',
};
const PARIS_CITE = DEMO_SCHAC_CODES['paris-cite']!;
const KAROLINSKA = DEMO_SCHAC_CODES.karolinska!;

interface PartnerKey {
  privateKeyPem: string;
  keyId: string;
}
/** A partner's key pair, its public half registered for its SCHAC code as the office would (audited, through the service). */
async function registerPartner(heiId: string): Promise<PartnerKey> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { keyId, publicKeyPem } = describePublicKey(publicKey);
  await addPartnerKey(systemContext(db), { input: parseOrThrow(PartnerKeyInput, { heiId, publicKey: publicKeyPem }) });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), keyId };
}
/** A GET signed with a partner's key. */
const call = (key: PartnerKey, url: string) =>
  app.inject({ method: 'GET', url, headers: signRequest({ method: 'GET', path: url, host: 'localhost:80', body: '', keyId: key.keyId, privateKeyPem: key.privateKeyPem, headers: {} }) });
const all = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}>([^<]+)</${element}>`, 'g'))].map((m) => m[1]!);

let db: Db;
let app: App;
let dataDir: string;
beforeAll(async () => {
  db = await openDemoDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'interchange-demo-ewp-'));
  app = await buildApp({ db, config: { ...readConfig({}), dataDir, webDir: '/nonexistent' }, cipher: createCipher('test-secret') });
  await app.ready();
}, 900_000); // the first demo test of a run loads the whole demo (several minutes on a busy machine); the others copy it
afterAll(async () => {
  await app?.close();
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo serves Erasmus Without Paper', () => {
  it('is turned on for the school’s SCHAC code, every data API served', async () => {
    expect(await ewpHostSettings(db)).toEqual({ heiId: DEMO_HEI_ID, enabled: true, apis: new Set(EWP_DATA_APIS) });
  });

  it('answers its Discovery manifest, valid against the official schemas, naming the school and our key', async () => {
    const answer = await app.inject({ method: 'GET', url: '/ewp/manifest.xml' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(await ewpSchemaErrors(answer.body, MANIFEST_XSD)).toBe('');
    expect(answer.body).toContain(`id="${DEMO_HEI_ID}"`);
    expect(answer.body).toMatch(/<rsa-public-key>[A-Za-z0-9+/=\s]{300,}<\/rsa-public-key>/);
    // an unsigned call to a signed API is refused, not served
    expect((await app.inject({ method: 'GET', url: '/ewp/echo?echo=a' })).statusCode).toBe(401);
  });
});

describe('the demo serves its exchange agreements and nominations to its European partners', () => {
  it('gives the European partners their SCHAC codes, Université Paris Cité and Karolinska Institutet among them', async () => {
    const { rows } = await db.query<{ schac: string }>(`SELECT schac FROM institutions WHERE schac = ANY($1::text[])`, [Object.values(DEMO_SCHAC_CODES)]);
    expect(rows.map((r) => r.schac)).toEqual(expect.arrayContaining([PARIS_CITE, KAROLINSKA]));
    // each code names one institution: a partner made twice would be two partners to EWP
    expect(new Set(rows.map((r) => r.schac)).size).toBe(rows.length);
  });

  it('answers IIAs index and get, signed by Karolinska Institutet’s key, with its student exchange agreement, valid against the schemas', async () => {
    // The demo's student exchanges with Karolinska alone, in force (Université Paris Cité's is a consortium of twelve, which an IIA of two partners cannot carry).
    const { rows } = await db.query<{ id: number }>(
      `SELECT a.id::int AS id FROM agreements a JOIN agreement_partners ap ON ap.agreement_id = a.id JOIN institutions i ON i.id = ap.institution_id
        WHERE i.schac = $1 AND a.kind = 'student_exchange' AND a.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM agreement_partners o WHERE o.agreement_id = a.id AND o.institution_id <> i.id)`,
      [KAROLINSKA],
    );
    expect(rows.length).toBeGreaterThan(0);
    const key = await registerPartner(KAROLINSKA);
    const index = await call(key, '/ewp/iias/index');
    expect(index.statusCode, index.body).toBe(200);
    expect(await ewpSchemaErrors(index.body, XSD.iiasIndex)).toBe('');
    const listed = all(index.body, 'iia-id').map(Number);
    expect(listed).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
    const get = await call(key, `/ewp/iias/get?${rows.map((r) => `iia_id=${r.id}`).join('&')}`);
    expect(get.statusCode, get.body).toBe(200);
    expect(await ewpSchemaErrors(get.body, XSD.iiasGet)).toBe('');
    expect(all(get.body, 'iia-id').map(Number)).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
    expect(get.body).toContain(`<hei-id>${KAROLINSKA}</hei-id>`);
    expect(get.body).toContain(`<hei-id>${DEMO_HEI_ID}</hei-id>`);
    expect(get.body).toMatch(/<recommended-language-skill>/);
  });

  it('answers Outgoing Mobilities index and get, signed by a partner’s key, with the students nominated to it, valid against the schemas', async () => {
    // The partner with a SCHAC code that received the most students for a semester or a graduate programme (Université Paris Cité first when it did).
    const { rows } = await db.query<{ heiId: string; ids: string[] }>(
      `SELECT lower(i.schac) AS "heiId", array_agg(a.ewp_omobility_id::text ORDER BY a.id) AS ids
         FROM exchange_applications a JOIN exchange_opportunities o ON o.id = a.opportunity_id JOIN institutions i ON i.id = o.host_institution_id
        WHERE i.schac IS NOT NULL AND a.status IN ('nominated', 'departed', 'returned') AND o.kind IN ('semester_exchange', 'joint_graduate')
        GROUP BY 1 ORDER BY (lower(i.schac) = $1) DESC, count(*) DESC, 1 LIMIT 1`,
      [PARIS_CITE],
    );
    expect(rows).toHaveLength(1);
    const { heiId, ids } = rows[0]!;
    const key = await registerPartner(heiId);
    const index = await call(key, `/ewp/omobilities/index?sending_hei_id=${DEMO_HEI_ID}`);
    expect(index.statusCode, index.body).toBe(200);
    expect(await ewpSchemaErrors(index.body, XSD.omobilitiesIndex)).toBe('');
    expect(all(index.body, 'omobility-id')).toEqual(expect.arrayContaining(ids));
    const asked = ids.slice(0, 3);
    const get = await call(key, `/ewp/omobilities/get?sending_hei_id=${DEMO_HEI_ID}&${asked.map((id) => `omobility_id=${id}`).join('&')}`);
    expect(get.statusCode, get.body).toBe(200);
    expect(await ewpSchemaErrors(get.body, XSD.omobilitiesGet)).toBe('');
    expect(all(get.body, 'omobility-id').sort()).toEqual([...asked].sort());
    expect(get.body).toContain('<agreement-isced-f-code>0912</agreement-isced-f-code>');
    expect(get.body).toMatch(/<birth-date>[0-9]{4}-[0-9]{2}-[0-9]{2}<\/birth-date>/);
    expect(get.body).toMatch(/<email>[^<@]+@[^<]+<\/email>/);
  });
});
