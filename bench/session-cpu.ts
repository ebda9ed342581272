/**
 * `npx tsx bench/session-cpu.ts`: what finding the caller and checking their rights costs a
 * request (issue 17: "session lookup and policy checks ≤ 0.3 ms of CPU a request"), alone, in
 * this process and in its PostgreSQL backend (from /proc, so PostgreSQL must run on this
 * machine): what the onRequest and preValidation hooks do (http/auth.ts, app.ts) for a session
 * cookie and for an API token, without HTTP. Runs on the load test's database
 * (BENCH_LOAD_DATABASE, default interchange_load), which must exist; it adds a session and a
 * token of the officer and removes them.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { connectDb } from '../src/server/db/client.ts';
import { requestContext } from '../src/server/core/request-context.ts';
import { authorize } from '../src/server/policies/policies.ts';
import { resolveActor } from '../src/server/modules/users/users.public.ts';
import { insertApiToken, insertSession } from '../src/server/modules/users/sessions.repo.ts';
import { backendsCpuMs } from './load-server.ts';
import { LOAD } from './load-test.ts';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_SESSION_ROUNDS ?? 5000);
const url = new URL(adminUrl);
url.pathname = `/${LOAD.database}`;

const db = connectDb(url.toString(), 'postgresql');
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const cpuOfThisProcess = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
try {
  const officer = (await db.query<{ id: number }>("SELECT id FROM users WHERE email = 'officer@demo.interchange'")).rows[0]!.id;
  const session = await insertSession(db, { userId: officer, hours: 1, ip: null, userAgent: 'bench/session-cpu.ts' });
  const token = await insertApiToken(db, officer, { name: 'bench session cpu', scope: 'read_write', modules: null, expiresInDays: 1 });
  const credentials = { cookie: { cookie: session.token }, token: { bearer: token.token } };
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}, ${cpus().length} cores, ${ROUNDS} rounds each`);
  console.log('CPU a request (ms): this process, PostgreSQL, total');
  for (const [name, credential] of Object.entries(credentials)) {
    const once = async () => {
      const actor = await resolveActor(credential, db);
      if (!actor) throw new Error(`${name}: no actor`);
      authorize(actor, 'visit', 'read');
      return requestContext(actor, db);
    };
    for (let i = 0; i < 200; i += 1) await once();
    const node0 = cpuOfThisProcess();
    const pg0 = await backendsCpuMs(admin, LOAD.database);
    for (let i = 0; i < ROUNDS; i += 1) await once();
    const node = (cpuOfThisProcess() - node0) / ROUNDS;
    const pgMs = ((await backendsCpuMs(admin, LOAD.database)) - pg0) / ROUNDS;
    console.log(`${node.toFixed(3).padStart(7)} ${pgMs.toFixed(3).padStart(7)} ${(node + pgMs).toFixed(3).padStart(7)}  ${name === 'cookie' ? 'session cookie' : 'API token'}: find the caller, check a policy, build the request context`);
  }
  await db.query('DELETE FROM sessions WHERE id = $1', [session.id]);
  await db.query('DELETE FROM api_tokens WHERE id = $1', [token.id]);
} finally {
  await admin.end();
  await db.close();
}
