/**
 * `npx tsx bench/load-cpu.ts`: what each route of the load test's mix costs in CPU, in the
 * server process and in its PostgreSQL backends (from /proc, so PostgreSQL must run on this
 * machine), one request at a time. CPU, unlike time, does not grow when other work shares the
 * cores, so this says where the load test's time goes on a busy machine, and what the mix can
 * reach at most: cores ÷ CPU per request. Uses (or loads, the first time) the load test's
 * database `interchange_load` and keeps it. BENCH_CPU_KINDS (e.g. `list`) measures those kinds
 * alone, more rounds of them in the same time: the mix's total is then not printed.
 */
import { cpus } from 'node:os';
import pg from 'pg';
import { backendsCpuMs, cpuMs, prepareLoadDatabase, startLoadServer } from './load-server.ts';
import { KINDS, WEIGHTS, routeOf, sampleDatabase, seededRandom, targetMakers } from './load-mix.ts';
import { LOAD } from './load-test.ts';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 200);
const MEASURED = KINDS.filter((kind) => !process.env.BENCH_CPU_KINDS || process.env.BENCH_CPU_KINDS.split(',').includes(kind));

const { url } = await prepareLoadDatabase(adminUrl, LOAD.database, LOAD.scale, true);
const server = await startLoadServer(url);
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const backendsMs = () => backendsCpuMs(admin, LOAD.database);
try {
  const signIn = async (email: string, password: string) => {
    const r = await fetch(`${server.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return { cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
  };
  const officer = await signIn('officer@demo.interchange', 'demo-officer-password');
  const coordinator = await signIn('coordinator@demo.interchange', 'demo-coordinator-password');
  const leader = await signIn('leader@demo.interchange', 'demo-leader-password');
  const tokenResponse = await fetch(`${server.base}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: officer.cookie, 'x-csrf-token': officer.csrf },
    body: JSON.stringify({ name: 'load cpu', scope: 'read_write' }),
  });
  const token = ((await tokenResponse.json()) as { token: string }).token;
  const makers = targetMakers(
    await sampleDatabase(url),
    { officer: officer.cookie, coordinator: coordinator.cookie, leader: leader.cookie, officerToken: `Bearer ${token}` },
    seededRandom(1),
    `cpu${Date.now().toString(36)}`,
  );
  const send = async (kind: (typeof KINDS)[number]) => {
    const target = makers[kind]();
    const response = await fetch(server.base + target.path, { method: target.method, headers: target.headers, body: target.body });
    await response.text();
    if (response.status >= 300) console.error(`${response.status} ${target.method} ${target.path}`);
    return target;
  };
  for (let i = 0; i < 50; i += 1) for (const kind of KINDS) await send(kind);
  const perKind = new Map<string, { node: number; pg: number; n: number }>();
  const perRoute = new Map<string, { node: number; pg: number; n: number }>();
  const add = (map: typeof perKind, key: string, node: number, pgMs: number) => {
    const e = map.get(key) ?? { node: 0, pg: 0, n: 0 };
    map.set(key, { node: e.node + node, pg: e.pg + pgMs, n: e.n + 1 });
  };
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const kind of MEASURED) {
      const node0 = cpuMs(server.pid);
      const pg0 = await backendsMs();
      const target = await send(kind);
      const node = cpuMs(server.pid) - node0;
      const pgMs = (await backendsMs()) - pg0;
      add(perKind, kind, node, pgMs);
      add(perRoute, `${kind} ${routeOf(target).replace(/=[A-Z]{2}(?=&|$)/g, '=CC').replace(/q=.*/, 'q=…')}`, node, pgMs);
    }
  }
  const f = (v: number) => v.toFixed(1).padStart(6);
  console.log('CPU per request (ms): server, PostgreSQL, requests');
  let node = 0;
  let pgMs = 0;
  for (const kind of MEASURED) {
    const e = perKind.get(kind)!;
    node += ((e.node / e.n) * WEIGHTS[kind]) / 100;
    pgMs += ((e.pg / e.n) * WEIGHTS[kind]) / 100;
    console.log(`${f(e.node / e.n)} ${f(e.pg / e.n)} ${String(e.n).padStart(5)}  ${kind}`);
  }
  if (MEASURED.length === KINDS.length)
    console.log(`${f(node)} ${f(pgMs)}         the mix (${KINDS.map((k) => `${k} ${WEIGHTS[k]}%`).join(', ')}): at most ≈ ${Math.round((cpus().length * 1000) / (node + pgMs))} requests/s on ${cpus().length} cores, ${Math.round(1000 / node)} for the server's one thread`);
  console.log('\nby route, costliest first:');
  for (const [route, e] of [...perRoute].sort((a, b) => (b[1].node + b[1].pg) / b[1].n - (a[1].node + a[1].pg) / a[1].n))
    console.log(`${f(e.node / e.n)} ${f(e.pg / e.n)} ${String(e.n).padStart(5)}  ${route}`);
} finally {
  await admin.end();
  await server.stop();
}
