/**
 * `npx tsx bench/log-cost.ts`: what the request log costs. The load test's mix, drawn by its
 * weights from the same seed, one request at a time, against `interchange serve` with
 * INTERCHANGE_LOG_LEVEL=info and =silent in turn, with the CPU of the server and of its
 * PostgreSQL backends read from /proc over the whole run. Uses (or loads, the first time) the
 * load test's database.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { backendsCpuMs, cpuMs, prepareLoadDatabase, startLoadServer } from './load-server.ts';
import { kindDrawer, sampleDatabase, seededRandom, targetMakers } from './load-mix.ts';
import { credentials, LOAD } from './load-test.ts';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUESTS = Number(process.env.BENCH_LOG_REQUESTS ?? 1000);
const PAIRS = Number(process.env.BENCH_LOG_PAIRS ?? 4);
const LEVELS = ['info', 'silent'] as const;

const { url } = await prepareLoadDatabase(adminUrl, LOAD.database, LOAD.scale, true);
const samples = await sampleDatabase(url);
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const backendsMs = () => backendsCpuMs(admin, LOAD.database);
const load = () => loadavg().map((v) => v.toFixed(2)).join(', ');

/** One server at `level`: a warm-up, then REQUESTS of the mix; CPU in ms and log bytes, per request. */
async function measure(level: (typeof LEVELS)[number], pair: number) {
  const server = await startLoadServer(url, { INTERCHANGE_LOG_LEVEL: level });
  try {
    const random = seededRandom(pair + 1);
    const makers = targetMakers(samples, await credentials(server.base), random, `log${level}${pair}${Date.now().toString(36)}`);
    const draw = kindDrawer(random);
    const send = async () => {
      const target = makers[draw()]();
      const response = await fetch(server.base + target.path, { method: target.method, headers: target.headers, body: target.body });
      await response.text();
      if (response.status >= 300) console.error(`${response.status} ${target.method} ${target.path}`);
    };
    for (let i = 0; i < 200; i += 1) await send();
    const [node0, pg0, bytes0] = [cpuMs(server.pid), await backendsMs(), server.output().length];
    for (let i = 0; i < REQUESTS; i += 1) await send();
    const [node, pgMs, bytes] = [cpuMs(server.pid) - node0, (await backendsMs()) - pg0, server.output().length - bytes0];
    return { node: node / REQUESTS, pg: pgMs / REQUESTS, bytes: bytes / REQUESTS };
  } finally {
    await server.stop();
  }
}

try {
  console.log(`load average before: ${load()}`);
  const sums = { info: { node: 0, pg: 0, bytes: 0 }, silent: { node: 0, pg: 0, bytes: 0 } };
  // info, silent, silent, info…: a machine growing quieter (or busier) over the run favours neither.
  for (let pair = 0; pair < PAIRS; pair += 1)
    for (const level of pair % 2 ? [...LEVELS].reverse() : LEVELS) {
      const m = await measure(level, pair);
      for (const key of ['node', 'pg', 'bytes'] as const) sums[level][key] += m[key] / PAIRS;
      console.log(`${level.padEnd(6)} server ${m.node.toFixed(2)} ms, PostgreSQL ${m.pg.toFixed(2)} ms, log ${m.bytes.toFixed(0)} bytes a request`);
    }
  const [info, silent] = [sums.info, sums.silent];
  console.log(`load average after: ${load()}`);
  console.log(`mean of ${PAIRS} × ${REQUESTS} requests a level: info ${info.node.toFixed(2)} + ${info.pg.toFixed(2)} ms, silent ${silent.node.toFixed(2)} + ${silent.pg.toFixed(2)} ms`);
  console.log(`info ÷ silent: server ${(info.node / silent.node).toFixed(3)}, server + PostgreSQL ${((info.node + info.pg) / (silent.node + silent.pg)).toFixed(3)}; ${info.bytes.toFixed(0)} bytes of log a request`);
} finally {
  await admin.end();
}
