import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { App } from './context.ts';
import type { Db } from '../db/client.ts';
import { readConfig } from '../config.ts';
import { createCipher } from '../security/personal-data.ts';
import { openTestDatabase } from '../test/test-database.ts';

// Two servers on one database, as two processes behind a proxy: the per-address sign-in limit is one count.
const LIMIT = 3;
let db: Db;
let first: App;
let second: App;

beforeAll(async () => {
  db = await openTestDatabase();
  const config = { ...readConfig({}), webDir: '/nonexistent', signInRateLimit: LIMIT };
  first = await buildApp({ db, config, cipher: createCipher('test-secret') });
  second = await buildApp({ db, config, cipher: createCipher('test-secret') });
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await db?.close();
});

const signIn = (app: App, n: number, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { email: `nobody${n}@example.org`, password: 'wrong password here' } });

describe('the per-address sign-in limit', () => {
  it('is shared by two servers on one database', async () => {
    for (let n = 0; n < LIMIT; n += 1) expect((await signIn(n % 2 ? second : first, n, '10.1.1.1')).statusCode).toBe(401);
    const refused = await signIn(second, 99, '10.1.1.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(first, 100, '10.1.1.1')).statusCode).toBe(429);
    // Another address has its own count.
    expect((await signIn(second, 101, '10.2.2.2')).statusCode).toBe(401);
    const stored = await db.query<{ hits: number }>(`SELECT hits FROM rate_limit_hits WHERE key LIKE '%10.1.1.1'`);
    expect(stored.rows).toEqual([{ hits: LIMIT + 2 }]);
  });
});
