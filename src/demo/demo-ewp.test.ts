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
import { DEMO_HEI_ID } from './demo-ewp.ts';

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
  it('is turned on for the school’s SCHAC code', async () => {
    expect(await ewpHostSettings(db)).toEqual({ heiId: DEMO_HEI_ID, enabled: true });
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
