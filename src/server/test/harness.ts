import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../app.ts';
import type { App } from '../http/context.ts';
import type { Db } from '../db/client.ts';
import { readConfig } from '../config.ts';
import { createCipher, type Cipher } from '../security/personal-data.ts';
import { systemContext } from '../core/request-context.ts';
import { parseOrThrow } from '../core/errors.ts';
import { createUnit } from '../modules/units/units.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { UnitInput } from '../../shared/contracts/units.ts';
import { UserInput } from '../../shared/contracts/users.ts';
import { openTestDatabase } from './test-database.ts';

/**
 * The JSON of an answer that must have succeeded: a call that sets the scene, not the one
 * under test (its body is the failure message, so a broken setup says why).
 */
export async function succeeded<T = { id: number; version: number }>(response: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> {
  const r = await response;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as T;
}

/** The roles a test can act as; coordinators of two different units. */
export const TEST_ROLES = ['admin', 'officer', 'coordinatorA', 'coordinatorB', 'leader', 'viewer'] as const;
export type TestRole = (typeof TEST_ROLES)[number];

export const PASSWORD = 'correct horse battery staple';

/** A client that acts as one signed-in user: its cookie and CSRF token go with each call. */
export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  app: App;
  db: Db;
  cipher: Cipher;
  /** Unit ids: A (with child A1) and B, under the university root. */
  units: { root: number; a: number; a1: number; b: number };
  userIds: Record<TestRole, number>;
  /** A client signed in as `role` (signed in once, then reused). */
  as(role: TestRole): Promise<Client>;
  /** Forgets the cached sessions (after a test that ended them). */
  resetSessions(): void;
  /** A client with no session. */
  anonymous: Client;
  /** Every /api route the server registered, with its declared policy. */
  routes: Array<{ method: string; url: string; policy: unknown; fieldRights?: string }>;
  close(): Promise<void>;
}

/** A client sending `cookie` and `csrf` (either may be null) with every call. */
export function client(app: App, cookie: string | null, csrf: string | null): Client {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    get: (url, headers) => send('GET', url, undefined, headers),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    patch: (url, body, headers) => send('PATCH', url, body, headers),
    delete: (url, headers) => send('DELETE', url, undefined, headers),
  };
}

/** Signs in over HTTP and returns the session cookie and CSRF token. */
export async function signInAs(app: App, email: string, password = PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const set = response.cookies.find((c) => c.name === 'interchange_session');
  return { cookie: `interchange_session=${set!.value}`, csrf: response.json<{ csrfToken: string }>().csrfToken };
}

export const emailOf = (role: TestRole) => `${role.toLowerCase()}@test.interchange`;

/**
 * A server on a fresh database of this project's engine, with a small organization
 * (root → A → A1, root → B) and one user per test role; `env` configures it as the environment would.
 */
export async function startTestServer(options: { logStream?: { write(line: string): void }; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const db = await openTestDatabase();
  const cipher = createCipher('test-secret');
  // A data folder of its own unless the test names one: what the server writes there (its EWP key) stays out of the worktree.
  const ownDataDir = options.env?.INTERCHANGE_DATA_DIR ? null : await mkdtemp(join(tmpdir(), 'interchange-test-data-'));
  const config = { ...readConfig(options.env ?? {}), ...(ownDataDir ? { dataDir: ownDataDir } : {}), webDir: '/nonexistent', signInRateLimit: 100 };
  const unit = async (code: string, parentId: number | null) =>
    (await createUnit(systemContext(db), { input: parseOrThrow(UnitInput, { code, kind: parentId ? 'school' : 'university', nameEn: `Unit ${code}`, nameZh: `单位${code}`, parentId }) })).id;
  const root = await unit('ROOT', null);
  const a = await unit('A', root);
  const a1 = await unit('A1', a);
  const b = await unit('B', root);
  const roleOf = (r: TestRole) => (r.startsWith('coordinator') ? 'coordinator' : r);
  const unitOf = (r: TestRole) => (r === 'coordinatorA' ? a : r === 'coordinatorB' ? b : null);
  const userIds = {} as Record<TestRole, number>;
  for (const role of TEST_ROLES) {
    const input = parseOrThrow(UserInput, { email: emailOf(role), displayName: role, role: roleOf(role), unitId: unitOf(role), password: PASSWORD });
    userIds[role] = (await createUser(systemContext(db), { input })).id;
  }
  const routes: TestServer['routes'] = [];
  const app = await buildApp({ db, config, cipher }, { routeTable: routes, ...(options.logStream ? { logStream: options.logStream } : {}) });
  await app.ready();
  const sessions = new Map<TestRole, Client>();
  return {
    app,
    db,
    cipher,
    units: { root, a, a1, b },
    userIds,
    anonymous: client(app, null, null),
    routes,
    async as(role) {
      if (!sessions.has(role)) {
        const { cookie, csrf } = await signInAs(app, emailOf(role));
        sessions.set(role, client(app, cookie, csrf));
      }
      return sessions.get(role)!;
    },
    resetSessions: () => sessions.clear(),
    async close() {
      await app.close();
      await db.close();
      if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
    },
  };
}
