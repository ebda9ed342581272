import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.ts';
import { ewpSchema } from '../server/test/ewp-schemas.ts';
import { ewpKeyPair } from '../server/interop/ewp/ewp-key.ts';
import { nodeTransport, type Transport } from '../server/interop/ewp/ewp-client.ts';
import { LOCALES } from '../shared/contracts/common.ts';
import { FIELD_REASONS } from '../shared/i18n/errors.ts';
import { EWP_CLI_MESSAGES, runEwpGet, runLoadCatalogue } from './ewp-command.ts';

// Our client against our own server on 127.0.0.1, as two institutions: the server answers
// for shsmu.edu.cn with the key of its data folder; the client signs for client.example.eu
// with the key of another data folder. Each trusts the other's key as a registered partner key.

let t: TestServer;
let base: string;
const folders: string[] = [];
let clientDir: string;
let serverKeyRow: number;

const folder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'interchange-ewp-client-'));
  folders.push(dir);
  return dir;
};

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.as('admin');
  const serverKey = (await admin.get('/api/ewp/key')).json();
  clientDir = await folder();
  const clientKey = await ewpKeyPair(clientDir);
  expect(clientKey.keyId).not.toBe(serverKey.keyId);
  expect((await admin.post('/api/ewp/partner-keys', { heiId: 'client.example.eu', publicKey: clientKey.publicKeyPem })).statusCode).toBe(201);
  const registered = await admin.post('/api/ewp/partner-keys', { heiId: 'shsmu.edu.cn', publicKey: serverKey.publicKeyPem });
  expect(registered.statusCode).toBe(201);
  serverKeyRow = registered.json().id;
  const officer = await t.as('officer');
  for (const [key, value] of [['ewp.enabled', true], ['ewp.heiId', 'shsmu.edu.cn']] as const) {
    const current = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === key);
    expect((await officer.patch(`/api/settings/${key}`, { value, version: current.version })).statusCode).toBe(200);
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t?.close();
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

const get = (url: string, options: { hei?: string; manifest?: string; dataDir?: string; transport?: Transport; schemas?: string; lang?: 'en' | 'zh' | 'fr' } = {}) =>
  runEwpGet({ db: t.db, dataDir: options.dataDir ?? clientDir, url, hei: options.hei, manifest: options.manifest, schemas: options.schemas, lang: options.lang ?? 'en', transport: options.transport });

/** A transport that changes the answer on its way back, as someone between the two hosts could. */
const tampering =
  (alter: (answer: Awaited<ReturnType<Transport>>) => void): Transport =>
  async (url, options) => {
    const answer = await nodeTransport(url, options);
    alter(answer);
    return answer;
  };

describe('interchange ewp get', () => {
  it('signs the request, checks the signed answer against the partner’s registered key and prints the valid Echo response', async () => {
    const outcome = await get(`${base}/ewp/echo?echo=hello&echo=${encodeURIComponent('你好')}`, { hei: 'shsmu.edu.cn' });
    expect(outcome.exitCode, outcome.err).toBe(0);
    // the server knew the client by its key: the institution that key is registered for
    expect(outcome.out).toMatch(/<hei-id>client\.example\.eu<\/hei-id>\s*<echo>hello<\/echo>\s*<echo>你好<\/echo>/);
    expect(outcome.err).toContain('ewp-specs-api-echo-v2.0.1/response.xsd');
    expect(outcome.err).toContain('shsmu.edu.cn');
  });

  it('refuses an answer altered on its way: the body, or a signed header', async () => {
    const body = await get(`${base}/ewp/echo?echo=hello`, { hei: 'shsmu.edu.cn', transport: tampering((a) => void (a.body = Buffer.from(a.body.toString('utf8').replace('hello', 'hellp')))) });
    expect(body.exitCode).toBe(1);
    expect(body.out).toBe('');
    expect(body.err).toContain('digest');
    const header = await get(`${base}/ewp/echo?echo=hello`, { hei: 'shsmu.edu.cn', transport: tampering((a) => void (a.headers.date = new Date(Date.now() + 60_000).toUTCString())) });
    expect(header.exitCode).toBe(1);
    expect(header.err).toContain('signature does not verify');
    const unsigned = await get(`${base}/ewp/echo?echo=hello`, { hei: 'shsmu.edu.cn', transport: tampering((a) => void delete a.headers.signature) });
    expect(unsigned.exitCode).toBe(1);
    expect(unsigned.err).toBe(EWP_CLI_MESSAGES.unsigned_response.en.replace('{x}', 'HTTP 200'));
  });

  it('refuses an answer signed by a key not registered for the institution named, unless its manifest lists it', async () => {
    const other = await get(`${base}/ewp/echo?echo=a`, { hei: 'other.example.eu', lang: 'zh' });
    expect(other.exitCode).toBe(1);
    expect(other.err).toContain('未登记');
    // without the registration, the server's own manifest vouches for its key
    const admin = await t.as('admin');
    expect((await admin.delete(`/api/ewp/partner-keys/${serverKeyRow}`)).statusCode).toBe(204);
    expect((await get(`${base}/ewp/echo?echo=a`, { hei: 'shsmu.edu.cn' })).exitCode).toBe(1);
    const manifest = await get(`${base}/ewp/echo?echo=a`, { hei: 'shsmu.edu.cn', manifest: `${base}/ewp/manifest.xml` });
    expect(manifest.exitCode, manifest.err).toBe(0);
    expect(manifest.err).toContain('manifest');
    const serverKey = (await admin.get('/api/ewp/key')).json();
    serverKeyRow = (await admin.post('/api/ewp/partner-keys', { heiId: 'shsmu.edu.cn', publicKey: serverKey.publicKeyPem })).json().id;
  });

  it('prints the signed, valid <error-response> of a server that refuses an unknown client, with exit code 1', async () => {
    const stranger = await get(`${base}/ewp/echo?echo=a`, { hei: 'shsmu.edu.cn', dataDir: await folder() });
    expect(stranger.exitCode, stranger.err).toBe(1);
    expect(stranger.out).toContain('error-response');
    expect(stranger.err).toContain('HTTP 403');
    expect(stranger.err).toContain('common-types.xsd');
  });

  it('says what is wrong with the address or the schemas, exit code 2', async () => {
    const url = await get('ftp://example.org/echo', { lang: 'fr' });
    expect(url).toMatchObject({ exitCode: 2, err: EWP_CLI_MESSAGES.bad_url.fr.replace('{x}', 'ftp://example.org/echo') });
    const schemas = await get(`${base}/ewp/echo`, { schemas: '/nonexistent/ewp' });
    expect(schemas.exitCode).toBe(2);
    expect(schemas.err).toContain('/nonexistent/ewp');
  });

  it('has every message in English, Chinese and French, with the same placeholders', () => {
    for (const [key, words] of Object.entries(EWP_CLI_MESSAGES))
      for (const locale of LOCALES) {
        expect(words[locale], `${key}/${locale}`).toBeTruthy();
        expect(words[locale].match(/\{[a-z]+\}/g)?.sort(), `${key}/${locale}`).toEqual(words.en.match(/\{[a-z]+\}/g)?.sort());
      }
  });
});

describe('interchange ewp load-catalogue', () => {
  it('registers the keys of a Registry catalogue, and refuses a file that is not one, in the language asked for', async () => {
    const loaded = await runLoadCatalogue({ db: t.db, file: ewpSchema('ewp-specs-api-registry-v1.5.0/catalogue-example.xml'), lang: 'en' });
    expect(loaded.exitCode, loaded.err).toBe(0);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ewp_partner_keys WHERE hei_id = 'uw.edu.pl'`);
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(loaded.out).toMatch(new RegExp(`^${rows[0]!.n} partner keys registered`));

    const dir = await folder();
    await writeFile(join(dir, 'bad.xml'), 'not xml at all');
    const bad = await runLoadCatalogue({ db: t.db, file: join(dir, 'bad.xml'), lang: 'zh' });
    expect(bad.exitCode).toBe(1);
    expect(bad.err).toContain(FIELD_REASONS.not_xml!.zh);
    expect((await runLoadCatalogue({ db: t.db, file: join(dir, 'missing.xml'), lang: 'en' })).exitCode).toBe(2);
  });
});
