import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AgreementInput } from '../../shared/contracts/agreements.ts';
import { agreementBody, institutionBody } from './factories.ts';
import { startTestServer, type TestServer } from './harness.ts';

/**
 * One of two Interchange instances on 127.0.0.1 that are each other's EWP partner: its own data
 * folder (so its own key), EWP on for its SCHAC code, and one active student exchange with the other.
 */
export interface EwpInstance {
  t: TestServer;
  dir: string;
  base: string;
  heiId: string;
  /** The exchange agreement with the other instance. */
  agreementId: number;
}

const TERMS: Partial<AgreementInput> = { kind: 'student_exchange', studentMobility: 'studies', languageSkills: ['en B2'], effectiveOn: '2024-09-01', expiresOn: '2027-08-31' };

/**
 * Starts an instance serving EWP as `heiId`, listening on 127.0.0.1, with an active exchange of
 * `places` with `partnerHeiId`; `spareAgreements` drafts first, so that two instances' agreement
 * ids differ and an id can only come from where it is kept.
 */
export async function startEwpInstance(options: { heiId: string; partnerHeiId: string; places: { studentsOutPerYear: number; studentsInPerYear: number }; spareAgreements?: number }): Promise<EwpInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'interchange-ewp-instance-'));
  const t = await startTestServer({ env: { INTERCHANGE_DATA_DIR: dir } });
  const officer = await t.as('officer');
  for (const [key, value] of [['ewp.enabled', true], ['ewp.heiId', options.heiId]] as const) {
    const current = (await officer.get('/api/settings')).json().find((s: { key: string }) => s.key === key);
    expect((await officer.patch(`/api/settings/${key}`, { value, version: current.version })).statusCode).toBe(200);
  }
  const partner = (await officer.post('/api/institutions', institutionBody({ schac: options.partnerHeiId }))).json().id as number;
  for (let i = 0; i < (options.spareAgreements ?? 0); i += 1) expect((await officer.post('/api/agreements', agreementBody([partner]))).statusCode).toBe(201);
  let row = (await officer.post('/api/agreements', agreementBody([partner], { ...TERMS, ...options.places }))).json();
  for (const to of ['under_review', 'approved', 'signed', 'active']) {
    const response = await officer.post(`/api/agreements/${row.id}/transitions`, { to, on: '2024-09-01', version: row.version });
    expect(response.statusCode, response.body).toBe(200);
    row = response.json();
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, dir, heiId: options.heiId, agreementId: row.id, base: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}` };
}

/** Registers `other`'s key at `instance` for `other`'s SCHAC code. */
export async function trust(instance: EwpInstance, other: EwpInstance): Promise<void> {
  const key = (await (await other.t.as('admin')).get('/api/ewp/key')).json();
  expect((await (await instance.t.as('admin')).post('/api/ewp/partner-keys', { heiId: other.heiId, publicKey: key.publicKeyPem })).statusCode).toBe(201);
}

/** Stops the instances and removes their data folders. */
export async function stopEwpInstances(instances: ReadonlyArray<EwpInstance | undefined>): Promise<void> {
  for (const instance of instances) {
    await instance?.t.close();
    if (instance?.dir) await rm(instance.dir, { recursive: true, force: true });
  }
}
