import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { multipartFile } from '../../test/factories.ts';
import { ewpSchema } from '../../test/ewp-schemas.ts';
import { FIELD_REASONS } from '../../../shared/i18n/errors.ts';
import { REGISTRY_CATALOGUE_MAX_BYTES } from '../../../shared/contracts/ewp-registry.ts';

let t: TestServer;
let example: string;
beforeAll(async () => {
  t = await startTestServer();
  example = await readFile(ewpSchema('ewp-specs-api-registry-v1.5.0/catalogue-example.xml'), 'utf8');
});
afterAll(async () => t?.close());

const upload = async (content: Buffer | string, role: 'admin' | 'officer' = 'admin', lang = 'en') => {
  const { payload, headers } = multipartFile('catalogue-v1.xml', Buffer.from(content), 'application/xml');
  return (await t.as(role)).post('/api/ewp/registry-catalogue', payload, { ...headers, 'accept-language': lang });
};
const keyCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ewp_partner_keys')).rows[0]!.n;

describe('loading the EWP Registry catalogue', () => {
  it('registers each institution’s request-signing key, with the fingerprint the catalogue lists it under, audited; a second load adds nothing', async () => {
    // the test vector: every key of <binaries> under its sha-256, computed here from the DER
    const listed = [...example.matchAll(/<rsa-public-key sha-256="([0-9a-f]{64})">([^<]+)<\/rsa-public-key>/g)];
    expect(listed.length).toBeGreaterThan(0);
    for (const [, sha, base64] of listed) expect(createHash('sha256').update(Buffer.from(base64!.replace(/\s+/g, ''), 'base64')).digest('hex')).toBe(sha);
    const covered = [...example.matchAll(/<hei-id>([^<]+)<\/hei-id>/g)].map((m) => m[1]!);

    const first = await upload(example);
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json();
    expect(result.added.map((k: { heiId: string }) => k.heiId).sort()).toEqual([...new Set(covered)].sort());
    for (const key of result.added) expect(listed.map((l) => l[1])).toContain(key.keyId);
    expect(result.institutions).toBe(new Set(covered).size);

    const admin = await t.as('admin');
    const keys = (await admin.get('/api/ewp/partner-keys')).json();
    for (const key of result.added) expect(keys).toContainEqual(expect.objectContaining({ heiId: key.heiId, keyId: key.keyId }));
    const audit = (await admin.get(`/api/audit?entity=ewp_partner_key&entityId=${result.added[0].id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create' });

    const again = await upload(example);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ added: [], alreadyRegistered: result.added.length });
  });

  it('refuses what is not XML, a DOCTYPE, another schema, a lying fingerprint and a file too large, naming the file and the reason, writing nothing', async () => {
    const before = await keyCount();
    const cases: Array<[string | Buffer, number, string]> = [
      ['hello, not xml', 400, 'not_xml'],
      [`<?xml version="1.0"?><!DOCTYPE catalogue [<!ENTITY x SYSTEM "file:///etc/passwd">]>${example.replace(/<\?xml[^>]*>/, '')}`, 400, 'xml_doctype'],
      [example.replace('<institutions>', '<institutions><unexpected/>'), 400, 'not_registry_catalogue'],
      ['<response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-echo/tree/stable-v2"/>', 400, 'not_registry_catalogue'],
      [example.replaceAll('5531f9a02c44', '0531f9a02c44'), 400, 'catalogue_key_mismatch'],
      [Buffer.alloc(REGISTRY_CATALOGUE_MAX_BYTES + 1, 32), 413, 'registry_catalogue_too_large'],
    ];
    for (const [content, status, reason] of cases) {
      const answer = await upload(content, 'admin', 'fr');
      expect(answer.statusCode, `${reason}: ${answer.body}`).toBe(status);
      const field = answer.json().error.fields[0];
      expect(field.field, reason).toBe('file');
      // the reason in the caller's language (French here), not a code
      expect(field.message, reason).toContain(FIELD_REASONS[reason]!.fr.split('{value}')[0]!.trim());
    }
    expect(await keyCount()).toBe(before);
  });

  it('is the administrator’s alone', async () => {
    expect((await upload(example, 'officer')).statusCode).toBe(403);
  });
});
